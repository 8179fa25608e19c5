// cli/pass_scheduler.cpp — see pass_scheduler.hpp.
#include "pass_scheduler.hpp"

namespace polar::cli {

PassScheduler PassScheduler::grid(double bpm, unsigned beats) {
    // Nanoseconds, so 128 bpm's 468.75 ms beat does not drift by a rounded
    // millisecond each pass.
    const auto beat = std::chrono::nanoseconds(static_cast<long long>(60e9 / bpm));
    return PassScheduler(std::chrono::duration_cast<Clock::duration>(beat * beats));
}

PassScheduler::Clock::time_point PassScheduler::first(Clock::time_point now) {
    m_anchor = now;
    m_slot = 0;
    m_skipped = 0;
    return now;
}

PassScheduler::Clock::time_point PassScheduler::next(Clock::time_point now) {
    if (m_period <= Clock::duration::zero()) return now;
    const unsigned long long wanted = m_slot + 1;
    unsigned long long slot = wanted;
    if (now > m_anchor + m_period * static_cast<long long>(wanted)) {
        // Behind: the first grid point not yet past (ceil of elapsed/period).
        const auto elapsed = now - m_anchor;
        slot = static_cast<unsigned long long>((elapsed + m_period - Clock::duration(1)) / m_period);
        m_skipped += slot - wanted;
    }
    m_slot = slot;
    return m_anchor + m_period * static_cast<long long>(slot);
}

} // namespace polar::cli
