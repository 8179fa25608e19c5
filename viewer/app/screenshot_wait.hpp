// screenshot_wait.hpp — when `--screenshot FILE --after N` takes its picture.
//
// The N-th event alone is not enough: when it ends a query (the stack back
// at depth 0), a picture taken then shows an empty screen — 4 runs in 12 on
// the GitHub replay. So after N events the loop goes on (events keep being
// applied) until the scene shows a square again, for at most
// kMaxWaitSeconds of scene time; a replay that has nothing more to give
// ends the wait at once. Then the picture is taken either way, and when the
// stack stayed empty, the program says why and exits 3 (kExitTimedOut).
// A replay that ends before its N-th event gives up the same way at once,
// instead of waiting out --timeout for events that cannot come.
#pragma once

#include <cstdint>
#include <string>

#include "pump.hpp"

namespace polar::viewer {

class ScreenshotWait {
public:
    enum class Verdict { Waiting, Ready, GaveUp };

    // `afterQueries` > 0: ready once that many queries have ended, instead
    // (the picture of a whole check, however long its events took to come).
    explicit ScreenshotWait(std::uint64_t after, std::uint64_t afterQueries = 0)
        : m_after(after), m_afterQueries(afterQueries) {}
    // Once per frame, after the frame's events were applied; `dt` is the
    // scene time the frame advanced.
    // In coaster mode a picture is ready once a tree has grown (a trace has
    // no depth events: its stack is never drawn as squares).
    Verdict check(const Pump& pump, double dt, bool coaster = false);
    // After GaveUp, why: "the stack stayed empty after event N: ..." or
    // "the recording ended after E events, before --after N".
    std::string why() const;

private:
    // Two seconds of scene time: a paced query (polar query --pace 40ms)
    // starts its next one well within it, and a test or a script waiting
    // on a picture is not held for long when none will come.
    static constexpr double kMaxWaitSeconds = 2.0;

    std::uint64_t m_after;
    std::uint64_t m_afterQueries;
    std::uint64_t m_reachedAt = 0;  // the event count when the N-th arrived
    std::uint64_t m_events = 0;     // the count when the wait ended
    bool m_reached = false;
    double m_waited = 0;
};

} // namespace polar::viewer
