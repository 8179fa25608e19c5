// latency.hpp — per-decision latencies, summarised as median and p99.
//
// Keeps every sample up to kMaxSamples (a million, 8 MB), then switches to
// reservoir sampling so that --forever runs in bounded memory while the
// percentiles stay an unbiased estimate over the whole run.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "rng.hpp"

namespace github {

class LatencyStats {
public:
    static constexpr std::size_t kMaxSamples = 1 << 20;

    void record(std::chrono::nanoseconds elapsed);
    std::uint64_t count() const { return m_count; }
    // The q-quantile (0.5 = median) in microseconds; 0 with no samples.
    double quantileMicros(double q) const;

private:
    std::vector<std::int64_t> m_samples; // nanoseconds
    std::uint64_t m_count = 0;
    Rng m_rng{0x5EED};
};

} // namespace github
