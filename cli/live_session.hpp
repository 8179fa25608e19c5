// cli/live_session.hpp — the state of a `polar live` run: the policy that
// is running, the queries it is asked, and what happened so far.
//
// A reload never touches the running policy until the new one is known to
// be good: it builds a fresh Polar, attaches the observers (the OSC
// broadcaster among them) BEFORE loading — so the engine's onPolicyLoad /
// onPolicyError hooks reach the listeners, for a good load and a bad one
// alike — loads every file in order, and only then swaps it in. A bad load
// prints its error (Error::format(): file:line:col, the line, a caret) and
// leaves the last good policy running: the music does not stop because of
// a typo. Passes run on the thread that reloads, so a swap can only happen
// between two passes.
//
// A query error is printed when it first appears or changes, not on every
// pass: a loop at 10 passes a second would otherwise bury the terminal
// under one message.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "limit_options.hpp"
#include "polar/observer.hpp"
#include "polar/polar.hpp"

namespace polar::cli {

struct LiveCounters {
    std::uint64_t passes = 0;
    std::uint64_t reloads = 0;      // good loads after the first
    std::uint64_t loadErrors = 0;   // bad loads (the previous policy kept running)
    std::uint64_t answers = 0;
    std::uint64_t queryErrors = 0;  // queries that ended with an error, over all passes
};

struct PassStyle {
    bool quiet = false;       // one summary line per pass instead of the answers
    std::size_t limit = 0;    // answers per query (0 = all)
};

class LiveSession {
public:
    // `observers` are attached to every Polar the session builds; they must
    // outlive the session.
    LiveSession(std::vector<std::string> files, LimitCliOptions limits,
                std::vector<polar::Observer*> observers);
    ~LiveSession();

    // Builds and loads a new policy; on success it replaces the running one.
    // Prints "polar: loaded ..." or the error on `err`. Returns true if loaded.
    bool reload(std::ostream& err);
    bool hasPolicy() const { return m_polar != nullptr; }
    // A flag that stops a running query (Limits::cancel) in every policy
    // loaded from now on: Ctrl-C ends a pass at once, not at --timeout.
    void setCancelFlag(const std::atomic<bool>* flag) { m_cancel = flag; }

    void setQueries(std::vector<std::string> queries);
    const std::vector<std::string>& queries() const { return m_queries; }

    // Asks every query once. `stopRequested` is polled between answers, so
    // a signal ends even a long pass after the answer in progress.
    void runPass(const PassStyle& style, std::ostream& out, std::ostream& err,
                 const std::function<bool()>& stopRequested);

    const LiveCounters& counters() const { return m_counters; }

private:
    std::vector<std::string> m_files;
    LimitCliOptions m_limits;
    std::vector<polar::Observer*> m_observers;
    std::unique_ptr<polar::Polar> m_polar;
    bool m_loadedOnce = false;
    const std::atomic<bool>* m_cancel = nullptr;
    std::vector<std::string> m_queries;
    std::vector<std::string> m_lastErrors;  // per query: the last error printed
    LiveCounters m_counters;
};

} // namespace polar::cli
