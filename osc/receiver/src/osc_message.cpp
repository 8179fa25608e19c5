// osc_message.cpp — type tags and timetag conversion for OscMessage.
#include "polar/osc/osc_message.hpp"

#include <type_traits>

namespace polar::osc {

char typeTag(const OscArg& arg) {
    return std::visit(
        [](const auto& value) -> char {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::int32_t>) return 'i';
            else if constexpr (std::is_same_v<T, float>) return 'f';
            else if constexpr (std::is_same_v<T, std::string>) return 's';
            else if constexpr (std::is_same_v<T, std::int64_t>) return 'h';
            else if constexpr (std::is_same_v<T, double>) return 'd';
            else if constexpr (std::is_same_v<T, bool>) return value ? 'T' : 'F';
            else if constexpr (std::is_same_v<T, OscSymbol>) return 'S';
            else if constexpr (std::is_same_v<T, OscChar>) return 'c';
            else if constexpr (std::is_same_v<T, OscRgba>) return 'r';
            else if constexpr (std::is_same_v<T, OscMidi>) return 'm';
            else if constexpr (std::is_same_v<T, OscTimetag>) return 't';
            else if constexpr (std::is_same_v<T, OscBlob>) return 'b';
            else if constexpr (std::is_same_v<T, OscNil>) return 'N';
            else if constexpr (std::is_same_v<T, OscInfinitum>) return 'I';
            else return value.begin ? '[' : ']';
        },
        arg);
}

std::string typeTags(const OscMessage& message) {
    std::string tags;
    tags.reserve(message.args.size());
    for (const OscArg& arg : message.args) {
        tags += typeTag(arg);
    }
    return tags;
}

std::chrono::system_clock::time_point timetagToSystemTime(std::uint64_t timetag) {
    // NTP counts from 1900, Unix from 1970: 70 years with 17 leap days.
    constexpr std::uint64_t kNtpToUnixSeconds = 2'208'988'800ULL;
    const std::uint64_t seconds = timetag >> 32;
    if (seconds < kNtpToUnixSeconds) {
        return std::chrono::system_clock::time_point{};
    }
    const std::uint64_t fraction = timetag & 0xFFFF'FFFFULL;
    const auto sinceEpoch = std::chrono::seconds(seconds - kNtpToUnixSeconds) +
                            std::chrono::nanoseconds((fraction * 1'000'000'000ULL) >> 32);
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(sinceEpoch));
}

} // namespace polar::osc
