#include "frame_stats.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {

FrameStats::FrameStats() : m_bins(kBins + 1, 0) {}

void FrameStats::add(double seconds) {
    if (!(seconds >= 0)) seconds = 0;  // NaN or a clock step backwards: count it as instant
    const double bin = std::floor(seconds * 1000 / kBinMs);
    m_bins[bin >= static_cast<double>(kBins) ? kBins : static_cast<std::size_t>(bin)] += 1;
    m_smoothedSeconds = m_frames == 0 ? seconds : m_smoothedSeconds + kSmoothing * (seconds - m_smoothedSeconds);
    ++m_frames;
}

double FrameStats::fps() const { return m_smoothedSeconds > 0 ? 1.0 / m_smoothedSeconds : 0; }

double FrameStats::percentileMs(double fraction) const {
    if (m_frames == 0) return 0;
    // The smallest bin whose running count reaches the fraction's rank
    // (nearest-rank definition: p50 of 1..100 is 50, p99 is 99).
    const auto rank = static_cast<std::uint64_t>(std::ceil(std::clamp(fraction, 0.0, 1.0) * m_frames));
    std::uint64_t seen = 0;
    for (std::size_t k = 0; k <= kBins; ++k) {
        seen += m_bins[k];
        if (seen >= std::max<std::uint64_t>(rank, 1)) return (k + 1) * kBinMs;
    }
    return (kBins + 1) * kBinMs;
}

} // namespace polar::viewer
