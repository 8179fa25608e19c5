// polar/observer.hpp — instrumentation hooks: watch a query think.
//
// The solver reports what it does to every attached Observer: a query starts
// and ends, a rule is called, the stack of active rules grows or shrinks, a
// choice point with several alternatives is made, the search backtracks, a
// result is found, an error ends the query. Loads are reported too: a policy
// source loaded (with a hash of its text) or refused (with the error), so a
// live-coding loop can tell its listeners what is running. The tracer behind POLAR_LOG, the
// OSC broadcaster and the tests' event recorder are all Observers.
//
// Cost model: with no observer attached each hook is one predictable branch
// on an empty list; builds configured with POLAR_HOOKS=OFF compile them out.
// Events carry plain numbers; anything that costs a string (the goal as
// Polar text, the applicable rules, the bindings) is produced only when an
// observer asks the event's `detail()` during the callback, so an observer
// that only counts never pays for text.
//
// Callbacks run on the thread that runs the query, synchronously. They must
// not call back into the same Query, and must not block past the query's
// deadline (QueryBeginEvent::deadline). Event objects and details are valid only
// during the callback.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace polar {

class Error;

// Text about the current moment of a query, computed on demand.
class EventDetail {
public:
    virtual ~EventDetail() = default;
    // Texts may be cut: at most `maxBytes` bytes, then "...". An observer
    // that keeps only the start of a text (the OSC broadcaster sends 1,024
    // bytes) passes its budget, so printing a goal costs what is kept, not
    // the whole term — a million-element list would otherwise be printed at
    // every call that holds it.
    static constexpr std::size_t kWholeText = static_cast<std::size_t>(-1);

    // The goal being evaluated, with current bindings substituted:
    // `has_role(User("ann"), "admin", _org_12)`.
    virtual std::string goalText(std::size_t maxBytes = kWholeText) const = 0;
    // Each applicable rule at a rule call, in the order they will be tried,
    // as its head and position: `f(x) at line 1, column 7` (empty for
    // other events).
    virtual std::vector<std::string> applicableRules() const = 0;
    // The source text of the rule being tried (RuleEnter only).
    virtual std::string ruleText() const = 0;
    // The query's own variables that are bound now, as (name, Polar text).
    virtual std::vector<std::pair<std::string, std::string>> bindings(std::size_t maxBytesEach = kWholeText) const = 0;
};

struct QueryBeginEvent {
    std::uint64_t queryId;      // unique in the process (all Polars share one counter), from 1
    std::string_view predicate; // name of the outermost call, or the operator ("and", "=")
    std::string_view text;      // the query as written (or built by queryRule)
    // When Limits::timeout ends the query (time_point::max() when it has
    // none). An observer that waits inside its callbacks (a paced OSC
    // listener) must not wait past it: the engine reads the clock after
    // every goal while observed, so the query stops as soon as the observer
    // returns, but it cannot interrupt a callback.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct QueryEndEvent {
    std::uint64_t queryId;
    std::uint64_t results;  // how many results were produced
    std::uint64_t steps;    // goals executed
    bool failed;            // ended by an error
};

struct RuleCallEvent {
    std::uint64_t queryId;
    std::string_view predicate;
    int arity;
    int depth;       // depth of the caller; the rules run at depth + 1
    int applicable;  // rules whose parameters may match the arguments
    const EventDetail* detail;
    // The call's ordinal in its query: 1 for the first rule call, 2 for the
    // next... A RuleEnterEvent names the call it tries an alternative of by
    // this number, so a listener drawing the search tree knows exactly which
    // node a resumed alternative hangs from (names and depths repeat).
    std::uint64_t call = 0;
};

// A rule is about to be tried (Oso's RULE line).
struct RuleEnterEvent {
    std::uint64_t queryId;
    std::string_view predicate;
    int depth;        // depth of the rule body
    int alternative;  // 0 for the first applicable rule, 1 for the next...
    const EventDetail* detail;
    std::uint64_t call = 0;  // the RuleCallEvent::call it belongs to (0: unknown)
    int alternatives = 0;    // that call's applicable rules
};

struct DepthEvent {
    std::uint64_t queryId;
    int depth;     // number of rule bodies currently active
    int previous;
};

struct BranchEvent {
    std::uint64_t queryId;
    int depth;
    int alternatives;  // >= 2
    const char* kind;  // "rule", "or", "in"
};

struct BacktrackEvent {
    std::uint64_t queryId;
    int depth;  // depth after backtracking
};

struct ResultEvent {
    std::uint64_t queryId;
    std::uint64_t ordinal;  // 1 for the first result
    const EventDetail* detail;
};

struct ErrorEvent {
    std::uint64_t queryId;
    const Error& error;
};

// A policy source was loaded (Polar::loadString / loadFile succeeded, its
// inline queries included). Sent once per source, after the rules are in.
struct PolicyLoadEvent {
    std::string_view filename;  // as given to the load ("<string>" when unnamed)
    std::uint64_t hash;         // FNV-1a 64 of the source text: equal texts, equal hashes
    std::size_t bytes;          // length of the source text
    std::size_t rules;          // rules in the knowledge base after this load (all sources)
};

// A load failed; nothing of that source was kept, the rules loaded before
// still stand. Sent before the error is thrown to the caller.
struct PolicyErrorEvent {
    std::string_view filename;
    const Error& error;  // kind, subkind, message and (when known) line and column
};

class Observer {
public:
    virtual ~Observer() = default;
    virtual void onQueryBegin(const QueryBeginEvent&) {}
    virtual void onQueryEnd(const QueryEndEvent&) {}
    virtual void onRuleCall(const RuleCallEvent&) {}
    virtual void onRuleEnter(const RuleEnterEvent&) {}
    virtual void onDepthChange(const DepthEvent&) {}
    virtual void onBranch(const BranchEvent&) {}
    virtual void onBacktrack(const BacktrackEvent&) {}
    virtual void onResult(const ResultEvent&) {}
    virtual void onError(const ErrorEvent&) {}
    virtual void onPolicyLoad(const PolicyLoadEvent&) {}
    virtual void onPolicyError(const PolicyErrorEvent&) {}
};

} // namespace polar
