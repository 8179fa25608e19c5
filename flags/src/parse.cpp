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

[[noreturn]] void outOfRange(std::string_view text, const std::string& range) {
    throw BadValue(std::string(text) + " is out of range " + range);
}

[[noreturn]] void aboveCap(std::string_view text, const std::string& cap, const std::string& range) {
    throw BadValue(std::string(text) + " is above the " + cap + " cap (range " + range + ")");
}

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
    const std::string text = describe(range) + unit;
    if (value && *value >= range.min && *value <= range.max) return *value;
    if (value && *value < range.min) outOfRange(shown, text);
    // Past the cap, or past what 64 bits hold: a cap only when one was chosen.
    if (range.max < range.typeMax) aboveCap(shown, std::to_string(range.max) + unit, text);
    outOfRange(shown, text);
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
constexpr std::array<DurationUnit, 4> kDurationUnits{
    {{"ms", 1e3}, {"us", 1.0}, {"ns", 1e-3}, {"s", 1e6}}};

} // namespace

std::uint64_t parseWhole(std::string_view text, const WholeRange& range) {
    if (negativeWhole(text)) outOfRange(text, describe(range));
    if (!allDigits(text))
        throw BadValue("'" + std::string(text) + "' is not a whole number (range " +
                       describe(range) + ")");
    return checkWhole(text, digitsValue(text), range);
}

double parseReal(std::string_view text, const RealRange& range) {
    const std::string shown = describe(range);
    if (isNanOrInfText(text))
        throw BadValue("'" + std::string(text) + "' is not a finite number (range " + shown + ")");
    const std::optional<double> value = decimalValue(text);
    if (!value)
        throw BadValue("'" + std::string(text) + "' is not a number (range " + shown + ")");
    if (*value > range.max) aboveCap(text, formatReal(range.max), shown);
    if (*value < range.min) outOfRange(text, shown);
    return *value;
}

std::uint64_t parseSize(std::string_view text, const WholeRange& range) {
    if (text.size() > 1 && text.front() == '-' && isSizeText(text.substr(1)))
        outOfRange(text, describe(range) + " bytes");
    const std::size_t digits = leadingDigits(text);
    const std::optional<unsigned> shift = sizeShift(text.substr(digits));
    const std::string_view number = text.substr(0, digits);
    if (number.empty() || !shift)
        throw BadValue("'" + std::string(text) + "' is not a size such as 512M, 2G or 1048576 (range " +
                       describe(range) + " bytes)");
    std::optional<std::uint64_t> value = digitsValue(number);
    // Shifting past 64 bits is the same overflow as too many digits.
    if (value && *shift > 0 && *value > (std::numeric_limits<std::uint64_t>::max() >> *shift))
        value.reset();
    if (value) *value <<= *shift;
    return checkWhole(text, value, range, " bytes");
}

std::chrono::microseconds parseDuration(std::string_view text, const DurationRange& range) {
    const std::string shown = describe(range);
    for (const DurationUnit& unit : kDurationUnits) {
        if (!text.ends_with(unit.suffix)) continue;
        const std::string_view number = text.substr(0, text.size() - unit.suffix.size());
        if (isNanOrInfText(number)) break;
        const std::optional<double> value = decimalValue(number);
        if (!value) break;
        const double micros = *value * unit.microseconds;
        if (micros == 0 && range.zeroMeansNone) return std::chrono::microseconds(0);
        if (micros > static_cast<double>(range.max.count()))
            aboveCap(text, formatDuration(range.max), shown);
        if (micros < static_cast<double>(range.min.count())) outOfRange(text, shown);
        return std::chrono::microseconds(std::llround(micros));
    }
    if (text == "0" && range.zeroMeansNone) return std::chrono::microseconds(0);
    throw BadValue("'" + std::string(text) + "' is not a duration such as 40ms, 0.5s or 250us (range " +
                   shown + ")");
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
    if (us != 0 && us % 1'000'000 == 0) return std::to_string(us / 1'000'000) + "s";
    if (us != 0 && us % 1'000 == 0) return std::to_string(us / 1'000) + "ms";
    return std::to_string(us) + "us";
}

std::string formatReal(double value) {
    // Fixed notation: 600000, not 6e+05, in a range people read.
    std::array<char, 400> text{};
    const auto result =
        std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    return std::string(text.data(), result.ptr);
}

} // namespace polar::flags
