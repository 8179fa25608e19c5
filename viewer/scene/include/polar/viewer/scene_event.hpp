// scene_event.hpp — what the viewer's models are fed: one event of the
// address space (osc/README.md), as plain data. The OSC receiver's events
// become these (viewer/app/event_adapter.cpp), as do a recording's and a
// trace file's (trace_reader.hpp); the Scene, the search tree and the sound
// read them and nothing else.
#pragma once

#include <string>
#include <utility>

namespace polar::viewer {

enum class EventKind {
    Hello, QueryBegin, QueryEnd, Rule, Depth, Branch, Backtrack, Result, Error, Stats,
    PolicyLoaded, PolicyError, // address space 1.2: live coding (banner.hpp)
    RuleEnter,                 // address space 1.3: an alternative of a call is tried
    Unknown
};

struct SceneEvent {
    EventKind kind = EventKind::Unknown;
    int queryId = 0;
    int depth = 0;
    int alternatives = 0;
    std::string text;  // rule name, error name, program name
    // PolicyLoaded, PolicyError: the file; PolicyLoaded: rules after the
    // load; PolicyError: line and column (0 = unknown) and the message.
    std::string file;
    int rules = 0;
    int line = 0;
    int column = 0;
    std::string message;
    // Rule: arity and applicable rules. RuleEnter: the call's ordinal in
    // its query (the n-th Rule since QueryBegin, from 1; 0 unknown), the
    // alternative tried (from 0) and the call's applicable rules (in
    // `alternatives`). Result: its ordinal (1 for the first).
    int arity = 0;
    int applicable = 0;
    int call = 0;
    int alternative = 0;
    int ordinal = 0;
    // Sent only when the sender shares values: Rule, the call with its
    // arguments; RuleEnter, the rule's source text; Result, the bindings.
    std::string values;
};

// An event of `kind` with the fields most kinds use; the rest stay default.
inline SceneEvent makeSceneEvent(EventKind kind, int queryId = 0, int depth = 0, std::string text = {}) {
    SceneEvent e;
    e.kind = kind;
    e.queryId = queryId;
    e.depth = depth;
    e.text = std::move(text);
    return e;
}

} // namespace polar::viewer
