#include "polar/viewer/sound/tempo_grid.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer::sound {

TempoGrid::TempoGrid(double bpm, int stepsPerBeat, unsigned sampleRate, TempoMode mode)
    : m_configuredBpm(bpm > 0 ? bpm : 120.0),
      m_stepsPerBeat(std::max(1, stepsPerBeat)),
      m_rate(static_cast<double>(sampleRate)),
      m_mode(mode) {
    setBpm(m_configuredBpm);
}

void TempoGrid::setBpm(double bpm) {
    m_bpm = bpm;
    m_stepFrames = 60.0 * m_rate / (bpm * m_stepsPerBeat);
}

void TempoGrid::requestBpm(double bpm) {
    if (!(bpm > 0) || !std::isfinite(bpm)) return;
    m_configuredBpm = std::clamp(bpm, 20.0, 300.0);
    m_pendingBpm = m_configuredBpm == m_bpm ? 0 : m_configuredBpm;
}

double TempoGrid::bpmForPace(double paceSeconds, int stepsPerBeat) {
    double bpm = 60.0 / (paceSeconds * std::max(1, stepsPerBeat));
    while (bpm >= 2.0 * kFollowMinBpm) bpm /= 2.0;
    while (bpm < kFollowMinBpm) bpm *= 2.0;
    return bpm;
}

std::uint64_t TempoGrid::advance() {
    const std::uint64_t reached = m_steps++;
    if (m_pendingBpm > 0) {
        // The new tempo's step 0 is the point just reached.
        m_anchor = m_next;
        m_segmentStep = 0;
        setBpm(m_pendingBpm);
        m_pendingBpm = 0;
    }
    ++m_segmentStep;
    m_next = m_anchor + static_cast<std::uint64_t>(std::llround(static_cast<double>(m_segmentStep) * m_stepFrames));
    return reached;
}

void TempoGrid::noteEvent(std::uint64_t frame) {
    if (m_mode != TempoMode::FollowSender) return;
    m_eventFrames[m_eventCount++ % kPaceEvents] = frame;
    if (m_eventCount < kPaceEvents) return;
    // On the stack: this runs on the audio thread (LiveSynth), which must not allocate.
    std::array<double, kPaceEvents - kPaceSpan> spans{};
    const auto at = [&](std::size_t k) { return m_eventFrames[(m_eventCount + k) % kPaceEvents]; };  // oldest first
    for (std::size_t i = kPaceSpan; i < kPaceEvents; ++i)
        spans[i - kPaceSpan] = static_cast<double>(at(i) - at(i - kPaceSpan)) / kPaceSpan;
    std::nth_element(spans.begin(), spans.begin() + static_cast<long>(spans.size() / 2), spans.end());
    const double pace = spans[spans.size() / 2] / m_rate;
    const double wanted = pace < kFloodPaceSeconds || pace > kSlowestPaceSeconds ? m_configuredBpm
                                                                                 : bpmForPace(pace, m_stepsPerBeat);
    if (std::abs(wanted - m_bpm) > kTempoTolerance * m_bpm) m_pendingBpm = wanted;
    else m_pendingBpm = 0;
}

} // namespace polar::viewer::sound
