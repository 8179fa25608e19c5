// cli/lsp/formatting.cpp — see formatting.hpp.
#include "lsp/formatting.hpp"

#include "format/format.hpp"
#include "lsp/server.hpp"
#include "lsp/text_position.hpp"

namespace polar::cli::lsp {

using nlohmann::json;

std::optional<std::string> formatPolicyText(std::string_view text, int width) {
    try {
        return polar::fmt::formatPolar(text, polar::fmt::Options{width});
    } catch (const polar::fmt::FormatError&) {
        return std::nullopt;
    }
}

namespace {

// The position just past the last character: the last line (0-based) and
// its length in UTF-16 units. A text ending in "\n" ends on an empty line.
Position endOf(std::string_view text) {
    int line = 0;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, utf16Length(text.substr(lineStart))};
}

} // namespace

json formattingEdits(std::string_view text, int width) {
    if (polar::fmt::formattingOff(text)) return json::array();
    const std::optional<std::string> formatted = formatPolicyText(text, width);
    if (!formatted) return nullptr;
    if (*formatted == text) return json::array();
    const Position end = endOf(text);
    return json::array({{{"range",
                          {{"start", {{"line", 0}, {"character", 0}}},
                           {"end", {{"line", end.line}, {"character", end.character}}}}},
                         {"newText", *formatted}}});
}

int formatWidthOf(const json& params) {
    // The same bounds as `polar fmt --width`: below 20 columns nothing
    // useful fits; above 1000 "never break" is what is meant.
    constexpr int kMinWidth = 20, kMaxWidth = 1000;
    if (!params.is_object()) return kDefaultFormatWidth;
    const auto options = params.find("initializationOptions");
    if (options == params.end() || !options->is_object()) return kDefaultFormatWidth;
    const auto width = options->find("width");
    if (width == options->end() || width->is_null()) return kDefaultFormatWidth;
    if (!width->is_number_integer() || width->get<long long>() < kMinWidth || width->get<long long>() > kMaxWidth)
        throw RpcError(kInvalidParams, "initializationOptions.width must be an integer from 20 to 1000");
    return width->get<int>();
}

} // namespace polar::cli::lsp
