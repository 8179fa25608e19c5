// trace_reader.hpp — a POLAR_LOG trace (ours or Oso's) read back as the
// events the live stream would have carried, so a run captured as text
// rides like a live one: `polar query --trace … 2> run.trace`, then
// `polar-viewer --mode coaster --trace run.trace`.
//
// The trace says less than the stream, and says it by indentation:
//
//   [oso][info]   QUERY RULE: allow(...)            a call (Rule), depth from
//   [oso][info]     APPLICABLE_RULES:               its place under the RULE
//   [oso][info]       allow(actor, ...) at line 1   lines above it
//   [oso][info]     RULE: allow(actor, ...) if ...; an alternative (RuleEnter)
//   [oso][info]   RESULT: { x: 1 }                  a result (Result)
//
// * A goal may go on over several lines (Oso prints a host object as
//   `User {` … `} TYPE \`User\``): what follows a QUERY RULE line until its
//   APPLICABLE_RULES belongs to it.
// * A line is a trace line when it starts with bracketed tags (`[oso][info]`,
//   `[polar][info]`, `[debug]`); `[…][trace]` lines (POLAR_LOG=trace) and
//   anything else (the program's own output) are skipped.
// * A call's body is the newest open RULE line indented less than it; its
//   depth is that body's plus one. Oso indents by its trace stack, which an
//   `or` or an `and` deepens, so indentations are compared, never counted.
// * A RULE line is an alternative of a call indented two less: the newest
//   open one whose next applicable rule's head starts the RULE's text (or,
//   failing that, that has alternatives left). Entering it closes whatever
//   opened after the call, as backtracking did.
// * Queries: a top-level call (no RULE line above it) starts a new query
//   when the current one was a single rule call (its call at the first
//   level) or when it sits further out than the current query's first call.
//   Two conjunction queries in a row read as one: the trace does not say
//   where the first ended.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "polar/viewer/scene_event.hpp"

namespace polar::viewer {

struct TraceCounters {
    std::uint64_t lines = 0;
    std::uint64_t traceLines = 0;  // lines that made events
    std::uint64_t skipped = 0;     // program output, [trace] lines, unknown trace lines
    std::uint64_t orphans = 0;     // RULE lines with no call to belong to
};

class TraceReader {
public:
    // One line, without its end-of-line; events it completes are appended.
    void line(std::string_view text, std::vector<SceneEvent>& out);
    // The end of the trace: the call still waiting for its rules, the query.
    void finish(std::vector<SceneEvent>& out);
    const TraceCounters& counters() const { return m_counters; }

private:
    struct Call {
        std::uint64_t serial;
        int indent;
        int ordinal;
        int depth;  // the caller's
        std::string name;
        std::string goal;                // with its arguments (the Rule's values)
        std::vector<std::string> heads;  // applicable rules' heads
        int next = 0;                    // alternatives entered
    };
    struct Body {
        std::uint64_t serial;
        int indent;
        int depth;
    };

    void queryRule(int indent, std::string_view goal, std::vector<SceneEvent>& out);
    void flushCall(std::vector<SceneEvent>& out);
    void rule(int indent, std::string_view text, std::vector<SceneEvent>& out);
    void endResult(std::vector<SceneEvent>& out);
    void endQuery(std::vector<SceneEvent>& out);
    Call* callFor(int indent, std::string_view text);

    std::vector<Call> m_calls;   // open calls, oldest first
    std::vector<Body> m_bodies;  // open RULE lines, oldest first
    bool m_pending = false;      // m_calls.back() waits for its APPLICABLE_RULES
    int m_applicableIndent = -1; // while reading the applicable list
    bool m_inResult = false;
    std::string m_bindings;
    bool m_queryOpen = false;
    int m_queryLevel = 0;        // the level of the query's first call (1: a single call)
    int m_queryId = 0;
    int m_callCount = 0;
    int m_results = 0;
    std::uint64_t m_serial = 0;
    TraceCounters m_counters;
};

// One line of a trace (without its end of line) into `line`; false at the
// end. A line past 64 KiB is cut there, the rest of it skipped unread.
bool readTraceLine(std::istream& in, std::string& line);

// A whole trace. Lines past 64 KiB are cut (a trace line holds one goal;
// a longer one is a term the viewer would cut anyway).
std::vector<SceneEvent> readTrace(std::istream& in, TraceCounters* counters = nullptr);

} // namespace polar::viewer
