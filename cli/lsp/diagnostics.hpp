// cli/lsp/diagnostics.hpp — what `polar check` says about a text, as LSP diagnostics.
//
// A document is loaded into a fresh Polar exactly as `polar check` loads a
// file (parse, validate, run its inline `?=` queries), so the editor shows
// the same errors the CLI and CI give. The engine stops at the first error,
// so there is at most one error, plus the load's warnings.
//
// The engine reports where a problem starts, not how long it is; the range
// covers the token found there (a name, a number, a string literal), else
// one character. Loading runs under tight limits and with print() sent
// nowhere: an inline query must neither hang the server nor write into the
// protocol stream on stdout.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "lsp/text_position.hpp"
#include "polar/error.hpp"

namespace polar::cli::lsp {

// The token's range at an engine position (1-based line and code-point column).
Range tokenRange(std::string_view text, int line, int column);

// One LSP Diagnostic object for an error or warning about `text`.
nlohmann::json errorDiagnostic(std::string_view text, const polar::Error& error);
nlohmann::json warningDiagnostic(std::string_view text, const polar::Warning& warning);

// Every diagnostic of loading `text` (an array; empty when it loads).
nlohmann::json checkText(std::string_view text, std::string_view file);

nlohmann::json toJson(const Position& p);
nlohmann::json toJson(const Range& r);

} // namespace polar::cli::lsp
