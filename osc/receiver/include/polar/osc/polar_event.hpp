// polar/osc/polar_event.hpp — a message of our address space, typed.
//
// The address space v1.3 (osc/README.md, address_space.hpp) has thirteen
// addresses. toPolarEvent() finds a message's address in that table and,
// when its arguments can stand for the address's fields, fills a
// PolarEvent: one kind and the named fields of that kind. A flat struct
// rather than a variant of ten structs, because the consumer (the viewer's
// render loop) switches on `kind` and reads two or three fields; one plain
// type keeps the queue and the switch simple. Fields a kind does not use
// stay zero or empty; the comment on each field says which kinds fill it.
//
// Lenient input (receivers since 1.2, README "Lenient input"): besides the
// broadcaster's exact tags, a number may come as i, f, d or h (rounded to
// nearest and saturated for integer fields), a string as s or S, the
// QueryEnd flag as T/F; trailing arguments after each address's required
// ones may be left out and take defaults (a missing normalised value is
// computed as the sender would), and arguments past the longest form are
// ignored. The optional values argument (`siiis`, `iis`, `siiiiis`) lands in
// `values`.
//
// A message at one of our addresses that is still unusable (too few
// arguments, a string where a number is needed, NaN or an infinity) is not
// an event: isPolarAddress() tells it apart from a foreign address, so the
// receiver counts it as "mistyped" rather than "unknown".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "polar/osc/osc_message.hpp"

namespace polar::osc {

enum class EventKind {
    Hello,       // /polar/hello       ssii (1.0: ssi)
    QueryBegin,  // /polar/query/begin is
    QueryEnd,    // /polar/query/end   iiii
    Rule,        // /polar/rule        siii (+s)
    Depth,       // /polar/depth       if
    Branch,      // /polar/branch      iif
    Backtrack,   // /polar/backtrack   i
    Result,      // /polar/result      ii (+s)
    Error,       // /polar/error       is
    Stats,       // /polar/stats       iiif
    PolicyLoaded, // /polar/policy/loaded ssii (1.2)
    PolicyError,  // /polar/policy/error  siiss (1.2)
    RuleEnter,    // /polar/rule/enter    siiiii (+s) (1.3)
};

struct PolarEvent {
    EventKind kind = EventKind::Hello;
    // Hello: program name. QueryBegin: predicate. Rule, RuleEnter: rule
    // name. Error,
    // PolicyError: error name ("ParseError::UnrecognizedToken").
    std::string name;
    // Hello: namespace version ("1.3"; "1.2", "1.1", "1.0" from older senders).
    std::string version;
    // Hello: process id.
    std::int32_t processId = 0;
    // Hello: the broadcaster's instance id (0..2^31-1, version 1.1); -1 when
    // a 1.0 hello carried none.
    std::int32_t instanceId = -1;
    // QueryBegin, QueryEnd, Result, Error, RuleEnter (0: unknown).
    std::int32_t queryId = 0;
    // QueryEnd: results, steps (goals executed), failed (an error ended it).
    std::int32_t results = 0;
    std::int32_t steps = 0;
    bool failed = false;
    // Rule: arity and applicable rules.
    std::int32_t arity = 0;
    std::int32_t applicable = 0;
    // Rule: depth of the caller. RuleEnter: depth of the rule body. Depth:
    // active rule bodies. Branch: depth. Backtrack: depth after backtracking.
    std::int32_t depth = 0;
    // Branch: alternatives (>= 2). RuleEnter: the call's applicable rules.
    std::int32_t alternatives = 0;
    // RuleEnter: the alternative tried, 0 for the call's first applicable
    // rule. With `call` it names one node of the search tree exactly.
    std::int32_t alternative = 0;
    // RuleEnter: the ordinal of the call in its query (the n-th Rule since
    // QueryBegin, from 1; 0 unknown). Explicit here, so a receiver counting
    // Rules can check it; names and depths repeat, this does not.
    std::int32_t call = 0;
    // Depth: depth / 32. Branch: alternatives / 16. Both in 0..1.
    float normalised = 0.0f;
    // Result: ordinal (1 for the first).
    std::int32_t ordinal = 0;
    // Rule: the call with its arguments; RuleEnter: the rule's source text;
    // Result: the bindings. Only when the
    // broadcaster sends values; empty otherwise.
    std::string values;
    // Stats: events sent, dropped, waiting, and events per second.
    std::int32_t sent = 0;
    std::int32_t dropped = 0;
    std::int32_t waiting = 0;
    float perSecond = 0.0f;
    // PolicyLoaded, PolicyError: the policy file as given to the load
    // ("<string>" when unnamed), cut at 400 bytes with `~`.
    std::string file;
    // PolicyLoaded: FNV-1a 64 of the source text, 16 lowercase hex digits;
    // rules in the knowledge base after the load, and the source's bytes
    // (both saturated at 2^31-1).
    std::string hash;
    std::int32_t rules = 0;
    std::int32_t bytes = 0;
    // PolicyError: where (0 when unknown) and the message (one line, cut
    // at 240 bytes with `~`).
    std::int32_t line = 0;
    std::int32_t column = 0;
    std::string message;
    // Copied from the message, so an event stands on its own.
    std::uint64_t timetag = kTimetagImmediately;
    Clock::time_point arrival{};
};

// The event for a message of our address space whose arguments are usable
// (leniently, as above); nullopt for anything else.
std::optional<PolarEvent> toPolarEvent(const OscMessage& message);

// True for the thirteen addresses of the table, whatever the arguments.
bool isPolarAddress(std::string_view address);

// "hello", "query/begin", ...: the address without "/polar/".
std::string_view eventKindName(EventKind kind);

} // namespace polar::osc
