// parse.cpp — see polar/flags/parse.hpp.
#include "polar/flags/parse.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

namespace polar::flags {
namespace {

bool allDigits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// "-12": a number the user meant, below any unsigned range.
bool negativeWhole(std::string_view text) {
    return text.size() > 1 && text.front() == '-' && allDigits(text.substr(1));
}

// Every refusal reads "must be <what>, got <value>": the flag's name comes
// first (CLI11 prefixes it), then what it wants in words, then what it got.
[[noreturn]] void refuse(const std::string& wanted, std::string_view got) {
    throw BadValue("must be " + wanted + ", got " + std::string(got));
}

std::string between(const std::string& min, const std::string& max, bool cap) {
    return "between " + min + " and " + max + (cap ? " (a cap)" : "");
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// The value of a digits-only text, or nothing when it passes 2^64 - 1.
std::optional<std::uint64_t> digitsValue(std::string_view digits) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

// Checks a value already known to be whole against the range; `shown` is
// what the user typed.
std::uint64_t checkWhole(std::string_view shown, std::optional<std::uint64_t> value,
                         const WholeRange& range, const std::string& unit = "") {
    if (value && *value >= range.min && *value <= range.max) return *value;
    // Past the cap, or past what 64 bits hold: a cap only when one was chosen.
    const bool cap = !(value && *value < range.min) && range.max < range.typeMax;
    refuse(between(std::to_string(range.min), std::to_string(range.max) + unit, cap), shown);
}

// A finite or infinite decimal that is the whole of `text`; nothing when
// it is not a number at all. Too large for a double reads as infinity.
std::optional<double> decimalValue(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (end != text.data() + text.size() || text.empty()) return std::nullopt;
    if (error == std::errc::result_out_of_range) {
        // Overflow or underflow: which one matters only for the message.
        const std::size_t e = text.find_first_of("eE");
        const bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
        const double huge = std::numeric_limits<double>::infinity();
        return tiny ? 0.0 : (text.front() == '-' ? -huge : huge);
    }
    if (error != std::errc()) return std::nullopt;
    return value;
}

bool isNanOrInfText(std::string_view text) {
    std::string lower;
    for (const char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (!lower.empty() && (lower.front() == '-' || lower.front() == '+')) lower.erase(0, 1);
    return lower == "nan" || lower == "inf" || lower == "infinity" || lower.starts_with("nan(");
}

struct SizeUnit {
    char letter;
    unsigned shift;
};
constexpr std::array<SizeUnit, 4> kSizeUnits{{{'K', 10}, {'M', 20}, {'G', 30}, {'T', 40}}};

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// "M", "MB", "MiB", "" → the shift of the multiplier; nothing for junk.
std::optional<unsigned> sizeShift(std::string_view suffix) {
    unsigned shift = 0;
    if (!suffix.empty()) {
        for (const SizeUnit& unit : kSizeUnits) {
            if (upper(suffix.front()) == unit.letter) {
                shift = unit.shift;
                suffix.remove_prefix(1);
                break;
            }
        }
    }
    if (shift > 0 && suffix.size() == 2 && upper(suffix[0]) == 'I' && upper(suffix[1]) == 'B')
        return shift;
    if (suffix.empty() || (suffix.size() == 1 && upper(suffix[0]) == 'B')) return shift;
    return std::nullopt;
}

std::size_t leadingDigits(std::string_view text) {
    return std::min(text.find_first_not_of("0123456789"), text.size());
}

// Digits and a unit: what parseSize reads, before any range.
bool isSizeText(std::string_view text) {
    const std::size_t digits = leadingDigits(text);
    return digits > 0 && sizeShift(text.substr(digits)).has_value();
}

struct DurationUnit {
    std::string_view suffix;
    double microseconds;
};
// Longest suffixes first: "ms", "us" and "ns" also end in "s".
constexpr std::array<DurationUnit, 6> kDurationUnits{
    {{"ms", 1e3}, {"us", 1.0}, {"ns", 1e-3}, {"s", 1e6}, {"m", 60e6}, {"h", 3600e6}}};

std::string wantedDuration(const DurationRange& range, bool cap) {
    return (range.zeroMeansNone ? "0 (none) or " : std::string()) +
           between(formatDuration(range.min), formatDuration(range.max), cap);
}

} // namespace

std::uint64_t parseWhole(std::string_view text, const WholeRange& range) {
    if (negativeWhole(text)) refuse(between(std::to_string(range.min), std::to_string(range.max), false), text);
    if (!allDigits(text))
        refuse("a whole number " + between(std::to_string(range.min), std::to_string(range.max), false),
               quoted(text));
    return checkWhole(text, digitsValue(text), range);
}

double parseReal(std::string_view text, const RealRange& range) {
    const std::string wanted = between(formatReal(range.min), formatReal(range.max), false);
    if (isNanOrInfText(text)) refuse("a finite number " + wanted, quoted(text));
    const std::optional<double> value = decimalValue(text);
    if (!value) refuse("a number " + wanted, quoted(text));
    if (*value > range.max)
        refuse(between(formatReal(range.min), formatReal(range.max), true), text);
    if (*value < range.min) refuse(wanted, text);
    return *value;
}

std::uint64_t parseSize(std::string_view text, const WholeRange& range) {
    const std::string wanted =
        between(std::to_string(range.min), std::to_string(range.max) + " bytes", false);
    if (text.size() > 1 && text.front() == '-' && isSizeText(text.substr(1))) refuse(wanted, text);
    const std::size_t digits = leadingDigits(text);
    const std::optional<unsigned> shift = sizeShift(text.substr(digits));
    const std::string_view number = text.substr(0, digits);
    if (number.empty() || !shift)
        refuse("a size such as 512M, 2G or 1048576, " + wanted, quoted(text));
    std::optional<std::uint64_t> value = digitsValue(number);
    // Shifting past 64 bits is the same overflow as too many digits.
    if (value && *shift > 0 && *value > (std::numeric_limits<std::uint64_t>::max() >> *shift))
        value.reset();
    if (value) *value <<= *shift;
    return checkWhole(text, value, range, " bytes");
}

std::chrono::microseconds parseDuration(std::string_view text, const DurationRange& range) {
    std::optional<double> micros;
    for (const DurationUnit& unit : kDurationUnits) {
        if (!text.ends_with(unit.suffix)) continue;
        const std::string_view number = text.substr(0, text.size() - unit.suffix.size());
        if (isNanOrInfText(number)) break;
        if (const std::optional<double> value = decimalValue(number)) micros = *value * unit.microseconds;
        break;
    }
    // A bare number: seconds where the option always took seconds, else
    // only 0 ("none"); `--timeout 5` is refused rather than guessed at.
    if (!micros && !isNanOrInfText(text)) {
        if (const std::optional<double> value = decimalValue(text)) {
            if (range.bareSeconds) micros = *value * 1e6;
            else if (*value == 0 && range.zeroMeansNone) micros = 0.0;
        }
    }
    if (!micros)
        refuse("a duration such as 20ms, 1.5s or 2m, " + wantedDuration(range, false), quoted(text));
    if (*micros == 0 && range.zeroMeansNone) return std::chrono::microseconds(0);
    if (*micros > static_cast<double>(range.max.count())) refuse(wantedDuration(range, true), text);
    if (*micros < static_cast<double>(range.min.count())) refuse(wantedDuration(range, false), text);
    return std::chrono::microseconds(std::llround(*micros));
}

std::string describe(const WholeRange& range) {
    return std::to_string(range.min) + ".." + std::to_string(range.max);
}

std::string describe(const RealRange& range) {
    return formatReal(range.min) + ".." + formatReal(range.max);
}

std::string describe(const DurationRange& range) {
    return (range.zeroMeansNone ? "0 or " : "") + formatDuration(range.min) + ".." +
           formatDuration(range.max);
}

std::string formatDuration(std::chrono::microseconds duration) {
    const long long us = duration.count();
    if (us != 0 && us % 3'600'000'000 == 0) return std::to_string(us / 3'600'000'000) + "h";
    if (us != 0 && us % 60'000'000 == 0) return std::to_string(us / 60'000'000) + "m";
    if (us != 0 && us % 1'000'000 == 0) return std::to_string(us / 1'000'000) + "s";
    if (us != 0 && us % 1'000 == 0) return std::to_string(us / 1'000) + "ms";
    return std::to_string(us) + "us";
}

std::string formatReal(double value) {
    // Fixed notation: 600000, not 6e+05, in a range people read; but never
    // the 309 digits of DBL_MAX (issue 13): past 1e15 the shortest form.
    std::array<char, 400> text{};
    if (std::fabs(value) >= 1e15) {
        const auto r = std::to_chars(text.data(), text.data() + text.size(), value);
        return std::string(text.data(), r.ptr);
    }
    const auto result =
        std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    return std::string(text.data(), result.ptr);
}

} // namespace polar::flags
