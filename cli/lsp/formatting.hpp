// cli/lsp/formatting.hpp — THE place where `polar fmt` plugs into the server.
//
// textDocument/formatting is not served yet: the formatter is being written
// on its own branch (issue 17, `polar fmt`). When it lands:
//   1. make formatPolicyText() call it (nullopt when the text does not parse);
//   2. set "documentFormattingProvider": true in Server::initialize;
//   3. add a "textDocument/formatting" handler that replaces the whole
//      document with one TextEdit when this returns a text.
// Until then the capability is not advertised, so editors do not offer it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace polar::cli::lsp {

// The formatted text at this line width, or nothing (no formatter yet,
// or a text that does not parse).
std::optional<std::string> formatPolicyText(std::string_view text, int width);

} // namespace polar::cli::lsp
