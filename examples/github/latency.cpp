// latency.cpp — see latency.hpp.
#include "latency.hpp"

#include <algorithm>

namespace github {

void LatencyStats::record(std::chrono::nanoseconds elapsed) {
    ++m_count;
    if (m_samples.size() < kMaxSamples) {
        m_samples.push_back(elapsed.count());
        return;
    }
    // Algorithm R: the n-th sample replaces a random slot with probability k/n.
    std::uint64_t slot = m_rng.below(m_count);
    if (slot < kMaxSamples) m_samples[slot] = elapsed.count();
}

double LatencyStats::quantileMicros(double q) const {
    if (m_samples.empty()) return 0.0;
    std::vector<std::int64_t> sorted = m_samples;
    auto rank = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(rank),
                     sorted.end());
    return static_cast<double>(sorted[rank]) / 1000.0;
}

} // namespace github
