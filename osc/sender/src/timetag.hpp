// timetag.hpp — steady-clock instants as OSC timetags.
//
// Events are stamped with the steady clock (monotonic, and cheap to read on
// the VM thread); OSC timetags are NTP time: seconds since 1900 in the high
// 32 bits, the fraction of a second in the low 32. The sender reads both
// clocks once when it starts and maps one onto the other, so every bundle of
// a run shares one consistent mapping even if the wall clock is adjusted
// mid-run (receivers then see a constant offset, never time going back).
#pragma once

#include <chrono>
#include <cstdint>

namespace polar::osc::detail {

using SteadyClock = std::chrono::steady_clock;

inline std::int64_t steadyNowNs() noexcept {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               SteadyClock::now().time_since_epoch())
        .count();
}

// Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01).
inline constexpr std::uint64_t kNtpUnixOffset = 2'208'988'800ULL;

// Unix time in nanoseconds → NTP timetag.
inline std::uint64_t ntpFromUnixNs(std::int64_t unixNs) noexcept {
    const auto ns = static_cast<std::uint64_t>(unixNs);
    const std::uint64_t seconds = ns / 1'000'000'000ULL + kNtpUnixOffset;
    const std::uint64_t fraction = ((ns % 1'000'000'000ULL) << 32) / 1'000'000'000ULL;
    return (seconds << 32) | fraction;
}

// NTP timetag → Unix time in nanoseconds (for receivers and tests).
inline std::int64_t unixNsFromNtp(std::uint64_t timetag) noexcept {
    const std::uint64_t seconds = (timetag >> 32) - kNtpUnixOffset;
    const std::uint64_t fraction = ((timetag & 0xFFFF'FFFFULL) * 1'000'000'000ULL) >> 32;
    return static_cast<std::int64_t>(seconds * 1'000'000'000ULL + fraction);
}

class ClockMapping {
public:
    ClockMapping()
        : m_steadyNs(steadyNowNs()),
          m_unixNs(std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count()) {}

    std::uint64_t timetag(std::int64_t steadyNs) const noexcept {
        return ntpFromUnixNs(m_unixNs + (steadyNs - m_steadyNs));
    }

private:
    std::int64_t m_steadyNs;
    std::int64_t m_unixNs;
};

} // namespace polar::osc::detail
