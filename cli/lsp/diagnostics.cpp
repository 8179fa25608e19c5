// cli/lsp/diagnostics.cpp — see diagnostics.hpp.
#include "lsp/diagnostics.hpp"

#include <chrono>
#include <new>
#include <ostream>
#include <streambuf>

#include "polar/polar.hpp"

namespace polar::cli::lsp {
namespace {

// LSP DiagnosticSeverity.
constexpr int kSeverityError = 1;
constexpr int kSeverityWarning = 2;

// Swallows print() output of inline queries.
class NullBuffer : public std::streambuf {
protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Bytes of the token starting at `at`; 0 when no token is recognised there.
std::size_t tokenBytes(std::string_view line, std::size_t at) {
    if (at >= line.size()) return 0;
    std::size_t end = at;
    const char c = line[at];
    if (c == '"') {
        // A string literal up to its closing quote (or the end of the line).
        for (end = at + 1; end < line.size() && line[end] != '"'; ++end)
            if (line[end] == '\\') ++end;
        return std::min(end + 1, line.size()) - at;
    }
    if (isNameChar(c)) {
        while (end < line.size() && (isNameChar(line[end]) || line[end] == '.' ||
                                     (line[end] == ':' && end + 1 < line.size() && line[end + 1] == ':'))) {
            // `::` joins a name, `.` only inside a number.
            if (line[end] == '.' && !(c >= '0' && c <= '9')) break;
            end += line[end] == ':' ? 2 : 1;
        }
        return end - at;
    }
    return 0;
}

nlohmann::json diagnostic(std::string_view text, const std::optional<SourceLocation>& location, int severity,
                          const std::string& code, const std::string& message) {
    const Range range = location ? tokenRange(text, location->line, location->column) : Range{{0, 0}, {0, 1}};
    return {{"range", toJson(range)}, {"severity", severity}, {"source", "polar"},
            {"code", code}, {"message", message}};
}

} // namespace

nlohmann::json toJson(const Position& p) { return {{"line", p.line}, {"character", p.character}}; }
nlohmann::json toJson(const Range& r) { return {{"start", toJson(r.start)}, {"end", toJson(r.end)}}; }

Range tokenRange(std::string_view text, int line, int column) {
    const Position start = toLspPosition(text, line, column);
    const std::string_view lineText = lineAt(text, start.line);
    const std::size_t at = byteOffsetOfUtf16(lineText, start.character);
    std::size_t bytes = tokenBytes(lineText, at);
    if (bytes == 0 && at < lineText.size()) bytes = 1;  // one character (UTF-16 length below)
    int units = utf16Length(lineText.substr(at, bytes));
    if (units == 0) units = 1;  // past the end of the line: still one visible character
    return {start, {start.line, start.character + units}};
}

nlohmann::json errorDiagnostic(std::string_view text, const polar::Error& error) {
    // A runtime error of an inline query may point into the query's own
    // text ("<query>"): its line numbers are not this document's.
    const auto& location = error.location();
    const bool here = location && location->file != "<query>";
    return diagnostic(text, here ? location : std::nullopt, kSeverityError, error.name(), error.message());
}

nlohmann::json warningDiagnostic(std::string_view text, const polar::Warning& warning) {
    return diagnostic(text, warning.location, kSeverityWarning, warning.kind, warning.message);
}

nlohmann::json checkText(std::string_view text, std::string_view file) {
    nlohmann::json out = nlohmann::json::array();
    NullBuffer nowhere;
    std::ostream sink(&nowhere);
    try {
        polar::Polar polar;
        polar.setPrintStream(sink);
        // Checked on every keystroke: an inline query gets a second and
        // modest memory, not the 30 s and 4 GiB of a command-line run.
        polar.limits().timeout = std::chrono::milliseconds(1000);
        polar.limits().maxHeapBytes = std::uint64_t{256} << 20;
        try {
            polar.loadString(text, file);
        } catch (const polar::Error& error) {
            out.push_back(errorDiagnostic(text, error));
        }
        for (const polar::Warning& warning : polar.warnings()) out.push_back(warningDiagnostic(text, warning));
    } catch (const std::bad_alloc&) {
        out.push_back(diagnostic(text, std::nullopt, kSeverityError, "OutOfMemory", "out of memory while loading"));
    }
    return out;
}

} // namespace polar::cli::lsp
