// midi_clock.cpp — tick times in, bpm out (see midi_clock.hpp for the why).
#include "polar/viewer/midi/midi_clock.hpp"

#include <algorithm>

namespace polar::viewer::midi {

void MidiClockTempo::feed(const MidiMessage& msg, double seconds) {
    switch (msg.kind) {
        case MidiKind::Clock:
            tick(seconds);
            break;
        case MidiKind::Start:
        case MidiKind::Continue:
            start();
            break;
        case MidiKind::Stop:
            stop();
            break;
        default:
            break;
    }
}

void MidiClockTempo::tick(double seconds) {
    if (m_stopped) return;
    if (!m_ticks.empty()) {
        const double gap = seconds - m_ticks.back();
        double limit = kDropoutSeconds;
        if (m_ticks.size() >= kMinTicks) {
            limit = std::min(limit, std::max(kBurstSeconds, kDropoutIntervals * meanInterval()));
        }
        if (gap > limit || gap < 0) m_ticks.clear();
    }
    m_ticks.push_back(seconds);
    if (m_ticks.size() > kWindowTicks) m_ticks.pop_front();
}

void MidiClockTempo::start() {
    m_stopped = false;
    m_ticks.clear();
}

void MidiClockTempo::stop() {
    m_stopped = true;
    m_ticks.clear();
}

double MidiClockTempo::meanInterval() const {
    return (m_ticks.back() - m_ticks.front()) / static_cast<double>(m_ticks.size() - 1);
}

std::optional<double> MidiClockTempo::bpm(double now) const {
    if (m_stopped || m_ticks.size() < kMinTicks) return std::nullopt;
    if (now - m_ticks.back() > kStaleSeconds) return std::nullopt;
    const double interval = meanInterval();
    // All ticks of the window at one instant: no tempo can be read.
    if (interval <= 0) return std::nullopt;
    const double bpm = 60.0 / (interval * kTicksPerBeat);
    return std::clamp(bpm, kMinBpm, kMaxBpm);
}

} // namespace polar::viewer::midi
