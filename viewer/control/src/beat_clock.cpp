// beat_clock.cpp — see beat_clock.hpp.
#include "polar/viewer/beat_clock.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace polar::viewer {

BeatClock::BeatClock(double bpm) : m_bpm(std::clamp(bpm, kMinBpm, kMaxBpm)) {}

void BeatClock::advance(double dt) {
    if (dt > 0 && std::isfinite(dt)) m_beats += dt * m_bpm / 60.0;
}

void BeatClock::setBpm(double bpm) {
    if (std::isfinite(bpm)) m_bpm = std::clamp(bpm, kMinBpm, kMaxBpm);
}

bool BeatClock::tap(double time) {
    const bool continues = m_lastTap >= 0 && time > m_lastTap && time - m_lastTap <= kTapGap;
    if (!continues) m_intervals.clear();
    else {
        m_intervals.push_back(time - m_lastTap);
        if (m_intervals.size() > kMaxTaps) m_intervals.pop_front();
    }
    m_lastTap = time;
    m_beats = std::floor(m_beats + 0.5);  // the beat falls on the tap
    if (m_intervals.empty()) return false;
    const double mean = std::accumulate(m_intervals.begin(), m_intervals.end(), 0.0) /
                        static_cast<double>(m_intervals.size());
    setBpm(60.0 / mean);
    return true;
}

double BeatClock::phase() const { return m_beats - std::floor(m_beats); }

double BeatClock::pulse() const {
    // An exponential fall: most of the pulse is in the beat's first third,
    // as a kick drum's is.
    return std::exp(-4.0 * phase());
}

} // namespace polar::viewer
