// polar/flags/parse.hpp — the numbers, sizes and durations a command line
// gives, parsed strictly into the type that holds them.
//
// Every program of Polar AV (polar, polar-github, polar-osc, polar-viewer)
// reads its numeric flags through these functions, so `-1`, `2^64`, `1e999`,
// `nan`, `12abc` and a value past a cap are refused the same way
// everywhere, with a message that says why and names the range:
//
//   must be between 0 and 18446744073709551615, got -1
//   must be between 0 and 1000000 (a cap), got 1000000000
//   must be 0 (none) or between 1us and 1h (a cap), got 7200s
//   must be a duration such as 20ms, 1.5s or 2m, between 1ms and 1h, got 'fast'
//
// Why not the library's own conversion: CLI11 2.1 reads unsigned numbers
// with strtoull in base 0, so `-1` wraps to 2^64 - 1, `2^64` saturates,
// and `010` is octal 8 — a show must not start with a wrapped limit.
// The caller prefixes the flag's name (CLI11 does it for options checked
// through polar/flags/cli.hpp): `--pace: must be between 1ms and 1h, got 0ms`.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace polar::flags {

// A value the range or the syntax refuses; what() is the whole reason,
// without the flag's name.
class BadValue : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Whole numbers: decimal digits only (no sign, no `0x`, no exponent).
// `typeMax` is the largest value the destination type holds; a `max` below
// it is a deliberate cap, and the message calls it one.
struct WholeRange {
    std::uint64_t min = 0;
    std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t typeMax = std::numeric_limits<std::uint64_t>::max();
};

// The range of a whole-number flag held in a T, from min to max (default:
// all that T holds).
template <class T>
WholeRange wholeRange(T min = 0, T max = std::numeric_limits<T>::max()) {
    static_assert(std::numeric_limits<T>::is_integer && !std::numeric_limits<T>::is_signed,
                  "whole-number flags are unsigned: a negative count means nothing");
    return {static_cast<std::uint64_t>(min), static_cast<std::uint64_t>(max),
            static_cast<std::uint64_t>(std::numeric_limits<T>::max())};
}

// Decimal numbers (`0.5`, `2`, `1e3`), finite, within [min, max].
struct RealRange {
    double min = 0;
    double max = 0;
};

// Durations: a number and a unit (ns, us, ms, s, m, h: 20ms, 1.5s, 2m,
// 1h), within [min, max]; `zeroMeansNone` also accepts 0 (with or without
// a unit): "no limit". `bareSeconds` reads a number without a unit as
// seconds — only for options that took seconds before they took durations
// (polar-viewer --timeout, polar-osc record --duration), so old scripts
// keep working; elsewhere a bare `5` is refused, not guessed at.
struct DurationRange {
    std::chrono::microseconds min{1};
    std::chrono::microseconds max{std::chrono::hours(1)};
    bool zeroMeansNone = false;
    bool bareSeconds = false;
};

std::uint64_t parseWhole(std::string_view text, const WholeRange& range);
double parseReal(std::string_view text, const RealRange& range);
// Bytes: a whole number, optionally followed by K, M, G or T (powers of
// 1,024; lower case too, and an optional B or iB: 512M, 2GiB, 64kb).
std::uint64_t parseSize(std::string_view text, const WholeRange& range);
std::chrono::microseconds parseDuration(std::string_view text, const DurationRange& range);

// The range as the messages and --help print it: "0..255", "0.1..600000",
// "0 or 1us..1h".
std::string describe(const WholeRange& range);
std::string describe(const RealRange& range);
std::string describe(const DurationRange& range);
// The shortest exact spelling of a duration: 1h, 2m, 90s, 40ms, 250us.
std::string formatDuration(std::chrono::microseconds duration);
// The shortest decimal that reads back as the same double: 0.1, 600000.
std::string formatReal(double value);

} // namespace polar::flags
