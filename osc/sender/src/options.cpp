// options.cpp — the text syntax of polar/osc/options.hpp. Kept strict (a
// typo is an error, not a silent default) because a misspelt option would
// otherwise look like "OSC does not work".
#include "polar/osc/options.hpp"

#include <cmath>
#include <string>

#include "config_error.hpp"
#include "polar/flags/parse.hpp"

namespace polar::osc {
namespace {

constexpr flags::DurationRange kPaceRange{kMinPace, kMaxPace, false};
constexpr flags::RealRange kBpmRange{kMinBpm, kMaxBpm};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// ttl=N, queue=N: a whole number in range; the error names the option.
std::uint64_t parseCount(std::string_view option, std::string_view text,
                         const flags::WholeRange& range) {
    try {
        return flags::parseWhole(text, range);
    } catch (const flags::BadValue& error) {
        throw detail::configError("POLAR_OSC " + std::string(option) + ": " + error.what());
    }
}

} // namespace

std::chrono::microseconds parseDuration(std::string_view text) {
    try {
        return flags::parseDuration(trim(text), kPaceRange);
    } catch (const flags::BadValue& error) {
        throw detail::configError(std::string("bad duration: ") + error.what());
    }
}

double parseBpm(std::string_view text) {
    try {
        return flags::parseReal(trim(text), kBpmRange);
    } catch (const flags::BadValue& error) {
        throw detail::configError(std::string("bad tempo: ") + error.what());
    }
}

std::chrono::microseconds paceFromBpm(double bpm) {
    if (!(bpm >= kMinBpm && bpm <= kMaxBpm))
        throw detail::configError("bad tempo: " + flags::formatReal(bpm) + " is out of range " +
                                  flags::describe(kBpmRange));
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
            options.multicastTtl =
                static_cast<int>(parseCount(key, value, flags::wholeRange<unsigned>(0, kMaxMulticastTtl)));
        } else if (key == "queue" && !value.empty()) {
            options.queueCapacity = static_cast<std::size_t>(parseCount(
                key, value, flags::wholeRange<std::size_t>(kMinQueueCapacity, kMaxQueueCapacity)));
        } else {
            throw detail::configError(
                "unknown POLAR_OSC option '" + std::string(option) +
                "' (known: paced=DURATION, bpm=N, values, nobundle, ttl=N, queue=N)");
        }
    }
    return options;
}

} // namespace polar::osc
