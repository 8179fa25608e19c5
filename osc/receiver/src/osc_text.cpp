// osc_text.cpp — see osc_text.hpp for the format and its choices.
#include "polar/osc/osc_text.hpp"

#include <charconv>
#include <cstdio>
#include <type_traits>

namespace polar::osc {

namespace {

template <typename Float>
std::string shortest(Float value) {
    char text[64];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

std::string hex32(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value));
    return text;
}

} // namespace

// quoteString() without the quotes: escaped symbols and chars.
static std::string unquoted(std::string_view text) {
    const std::string quoted = quoteString(text);
    return quoted.substr(1, quoted.size() - 2);
}

std::string quoteString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                const auto byte = static_cast<unsigned char>(c);
                if (byte < 0x20 || byte == 0x7f) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(byte));
                    out += escaped;
                } else {
                    out += c;  // UTF-8 passes through untouched
                }
            }
        }
    }
    out += '"';
    return out;
}

std::string formatTimetag(std::uint64_t timetag) {
    char text[24];
    std::snprintf(text, sizeof text, "%08x.%08x", static_cast<unsigned>(timetag >> 32),
                  static_cast<unsigned>(timetag & 0xFFFF'FFFFULL));
    return text;
}

std::string formatArg(const OscArg& arg) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t>) {
                return std::to_string(value);
            } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
                return shortest(value);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return quoteString(value);
            } else if constexpr (std::is_same_v<T, bool>) {
                return value ? "#T" : "#F";
            } else if constexpr (std::is_same_v<T, OscSymbol>) {
                return "'" + unquoted(value.value);
            } else if constexpr (std::is_same_v<T, OscChar>) {
                return "'" + unquoted(std::string_view(&value.value, 1)) + "'";
            } else if constexpr (std::is_same_v<T, OscRgba>) {
                return hex32(value.value);
            } else if constexpr (std::is_same_v<T, OscMidi>) {
                char text[40];
                std::snprintf(text, sizeof text, "MIDI [0x%02x 0x%02x 0x%02x 0x%02x]",
                              static_cast<unsigned>(value.value >> 24),
                              static_cast<unsigned>((value.value >> 16) & 0xff),
                              static_cast<unsigned>((value.value >> 8) & 0xff),
                              static_cast<unsigned>(value.value & 0xff));
                return text;
            } else if constexpr (std::is_same_v<T, OscTimetag>) {
                return formatTimetag(value.value);
            } else if constexpr (std::is_same_v<T, OscBlob>) {
                return "[" + std::to_string(value.size) + " byte blob]";
            } else if constexpr (std::is_same_v<T, OscNil>) {
                return "Nil";
            } else if constexpr (std::is_same_v<T, OscInfinitum>) {
                return "Infinitum";
            } else {
                return value.begin ? "[" : "]";
            }
        },
        arg);
}

std::string formatMessage(const OscMessage& message) {
    std::string line = message.address;
    if (message.args.empty()) {
        return line;
    }
    line += ' ';
    line += typeTags(message);
    for (const OscArg& arg : message.args) {
        line += ' ';
        line += formatArg(arg);
    }
    return line;
}

} // namespace polar::osc
