// cli/pass_scheduler.hpp — when `polar live` starts its next pass.
//
// Three rhythms: back to back (the next pass starts when the last ends),
// every DURATION, or on a beat grid (`--grid-bpm N --beats K`: a pass
// every K beats). The last two are the same thing — a grid of period P
// anchored at the first pass — so a pass always starts ON a grid point:
// a pass that overruns its slot skips the points it missed instead of
// firing a burst of late passes to catch up, which is what a musician
// expects from a loop that fell behind (stay on the beat, drop a bar).
//
// Pure arithmetic on time points, no clock reading, so it is unit-tested
// without sleeping.
#pragma once

#include <chrono>

namespace polar::cli {

class PassScheduler {
public:
    using Clock = std::chrono::steady_clock;

    // period zero: back to back.
    explicit PassScheduler(Clock::duration period = Clock::duration::zero()) : m_period(period) {}
    // A grid of `beats` beats at `bpm` beats per minute.
    static PassScheduler grid(double bpm, unsigned beats);

    Clock::duration period() const { return m_period; }

    // The first pass starts at `now` and anchors the grid.
    Clock::time_point first(Clock::time_point now);
    // The start of the pass after one that started at `previous`, given
    // that it is `now`: the first grid point at or after now (back to back:
    // now). Counts the grid points skipped in skipped().
    Clock::time_point next(Clock::time_point now);
    unsigned long long skipped() const { return m_skipped; }

private:
    Clock::duration m_period;
    Clock::time_point m_anchor{};
    unsigned long long m_slot = 0;  // index of the last pass's grid point
    unsigned long long m_skipped = 0;
};

} // namespace polar::cli
