// rng.hpp — a small deterministic random number generator (SplitMix64).
//
// std::mt19937_64 is deterministic, but std::uniform_int_distribution is
// not specified across standard libraries; the data set and the workload
// must be the same on every machine so that a seed names one exact run
// (and the Oso comparison replays the same checks). SplitMix64 is five
// lines, passes BigCrush, and is fully specified here.
#pragma once

#include <cstdint>

namespace github {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n), n > 0. The modulo bias is below 2^-40 for the
    // sizes used here, far under anything a workload could notice.
    std::uint64_t below(std::uint64_t n) { return next() % n; }

    // True with probability percent / 100.
    bool chance(unsigned percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

} // namespace github
