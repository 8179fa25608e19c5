// cli/lsp/formatting.hpp — textDocument/formatting: `polar fmt` in the editor.
//
// The server formats with the same library as `polar fmt` (fmt/format), so
// "format on save" in an editor and `polar fmt -w` on the command line
// always agree. The answer is one TextEdit replacing the whole document —
// simple, and what gofmt- and rustfmt-based servers send — or no edit when
// the text is already formatted, or null when the text does not parse (the
// diagnostics already say why; rewriting a broken file could lose work).
//
// The width is 80 unless the client sets `initializationOptions.width`
// (20..1000, as `polar fmt --width`); the editor's tabSize and
// insertSpaces are ignored because Polar's style is four spaces.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace polar::cli::lsp {

inline constexpr int kDefaultFormatWidth = 80;

// The formatted text at this line width, or nothing when it does not parse.
std::optional<std::string> formatPolicyText(std::string_view text, int width);

// The TextEdit[] (or null) answering textDocument/formatting for `text`.
nlohmann::json formattingEdits(std::string_view text, int width);

// The width asked for in initialize's params, or the default; throws
// RpcError(InvalidParams) on a width out of range.
int formatWidthOf(const nlohmann::json& initializeParams);

} // namespace polar::cli::lsp
