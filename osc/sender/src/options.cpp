// options.cpp — the text syntax of polar/osc/options.hpp. Kept strict (a
// typo is an error, not a silent default) because a misspelt option would
// otherwise look like "OSC does not work".
#include "polar/osc/options.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "config_error.hpp"

namespace polar::osc {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A finite decimal number that is the whole of `text`, or NaN.
double parseNumber(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nan("");
    return value;
}

long long parseCount(std::string_view option, std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        throw detail::configError("POLAR_OSC option '" + std::string(option) +
                                  "' needs a whole number, got '" + std::string(text) + "'");
    return value;
}

} // namespace

std::chrono::microseconds parseDuration(std::string_view text) {
    text = trim(text);
    struct Unit {
        std::string_view suffix;
        double microseconds;
    };
    // Longest suffixes first: "ms" and "us" also end in "s".
    static constexpr Unit kUnits[] = {{"ms", 1e3}, {"us", 1.0}, {"ns", 1e-3}, {"s", 1e6}};
    for (const Unit& unit : kUnits) {
        if (!text.ends_with(unit.suffix)) continue;
        const double number = parseNumber(text.substr(0, text.size() - unit.suffix.size()));
        const double micros = number * unit.microseconds;
        // One microsecond is the timer's resolution; an hour per event is
        // surely a mistake.
        if (std::isnan(number) || micros < 1.0 || micros > 3.6e9) break;
        return std::chrono::microseconds(std::llround(micros));
    }
    throw detail::configError("bad duration '" + std::string(text) +
                              "': expected a positive number and a unit (us, ms, s), e.g. 40ms");
}

double parseBpm(std::string_view text) {
    const double bpm = parseNumber(trim(text));
    if (std::isnan(bpm) || bpm <= 0 || bpm > 600'000)
        throw detail::configError("bad tempo '" + std::string(text) +
                                  "': expected beats per minute, e.g. 120");
    return bpm;
}

std::chrono::microseconds paceFromBpm(double bpm) {
    if (!(bpm > 0 && bpm <= 600'000))
        throw detail::configError("bad tempo " + std::to_string(bpm) +
                                  ": expected 0 < bpm <= 600000");
    return std::chrono::microseconds(std::llround(60e6 / bpm));
}

OscOptions makeOscOptions(std::vector<std::string> destinations, std::string_view pace, double bpm,
                          bool values) {
    OscOptions options;
    options.destinations = std::move(destinations);
    options.values = values;
    if (!pace.empty() && bpm > 0)
        throw detail::configError("give a pace or a tempo (bpm), not both");
    if (!pace.empty()) {
        options.mode = Mode::Paced;
        options.pace = parseDuration(pace);
    } else if (bpm > 0) {
        options.mode = Mode::Paced;
        options.pace = paceFromBpm(bpm);
    }
    return options;
}

OscOptions parseOscSpec(std::string_view spec) {
    OscOptions options;
    const std::size_t semicolon = spec.find(';');
    const std::string_view list = trim(spec.substr(0, semicolon));
    if (list.empty()) throw detail::configError("POLAR_OSC names no destination");
    if (list != "1" && list != "on") {
        options.destinations.clear();
        for (std::size_t start = 0; start <= list.size();) {
            const std::size_t comma = std::min(list.find(',', start), list.size());
            const std::string_view one = trim(list.substr(start, comma - start));
            if (one.empty()) throw detail::configError("POLAR_OSC has an empty destination");
            options.destinations.emplace_back(one);
            start = comma + 1;
        }
    }
    std::string_view rest = semicolon == std::string_view::npos ? "" : spec.substr(semicolon + 1);
    while (!rest.empty()) {
        const std::size_t next = rest.find(';');
        const std::string_view option = trim(rest.substr(0, next));
        rest = next == std::string_view::npos ? "" : rest.substr(next + 1);
        if (option.empty()) continue;
        const std::size_t equals = option.find('=');
        const std::string_view key = trim(option.substr(0, equals));
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view() : trim(option.substr(equals + 1));
        if (key == "values" && equals == std::string_view::npos) {
            options.values = true;
        } else if (key == "nobundle" && equals == std::string_view::npos) {
            options.bundling = false;
        } else if (key == "paced" && !value.empty()) {
            options.mode = Mode::Paced;
            options.pace = parseDuration(value);
        } else if (key == "bpm" && !value.empty()) {
            options.mode = Mode::Paced;
            options.pace = paceFromBpm(parseBpm(value));
        } else if (key == "ttl" && !value.empty()) {
            const long long ttl = parseCount(key, value);
            if (ttl > 255) throw detail::configError("POLAR_OSC ttl must be 0..255");
            options.multicastTtl = static_cast<int>(ttl);
        } else if (key == "queue" && !value.empty()) {
            const long long capacity = parseCount(key, value);
            if (capacity < 2 || capacity > (1LL << 24))
                throw detail::configError("POLAR_OSC queue must be 2..16777216 events");
            options.queueCapacity = static_cast<std::size_t>(capacity);
        } else {
            throw detail::configError(
                "unknown POLAR_OSC option '" + std::string(option) +
                "' (known: paced=DURATION, bpm=N, values, nobundle, ttl=N, queue=N)");
        }
    }
    return options;
}

} // namespace polar::osc
