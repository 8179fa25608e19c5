// cli/lsp/text_position.cpp — see text_position.hpp.
#include "lsp/text_position.hpp"

namespace polar::cli::lsp {
namespace {

// Bytes of the UTF-8 sequence led by this byte; 1 for a stray or invalid
// byte, so every byte is consumed exactly once.
std::size_t sequenceLength(std::string_view s, std::size_t at) {
    const auto lead = static_cast<unsigned char>(s[at]);
    std::size_t n = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf8 ? 4 : 1;
    if (at + n > s.size()) return 1;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[at + k]) & 0xc0) != 0x80) return 1;
    return n;
}

// A four-byte sequence is a code point above U+FFFF: a surrogate pair.
int unitsOf(std::size_t sequence) { return sequence == 4 ? 2 : 1; }

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
}

} // namespace

std::string_view lineAt(std::string_view text, int line0) {
    std::size_t start = 0;
    for (int k = 0; k < line0; ++k) {
        const std::size_t eol = text.find('\n', start);
        if (eol == std::string_view::npos) return {};
        start = eol + 1;
    }
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

int utf16Column(std::string_view line, int codePointColumn) {
    int units = 0;
    std::size_t at = 0;
    // The engine counts a character as one byte that is not a continuation
    // byte; walking whole sequences counts the same for valid UTF-8.
    for (int column = 1; column < codePointColumn && at < line.size(); ++column) {
        const std::size_t n = sequenceLength(line, at);
        units += unitsOf(n);
        at += n;
    }
    return units;
}

std::size_t byteOffsetOfUtf16(std::string_view line, int character) {
    std::size_t at = 0;
    int units = 0;
    while (at < line.size() && units < character) {
        const std::size_t n = sequenceLength(line, at);
        units += unitsOf(n);
        at += n;
    }
    return at;
}

int utf16Length(std::string_view text) {
    int units = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t n = sequenceLength(text, at);
        units += unitsOf(n);
        at += n;
    }
    return units;
}

Position toLspPosition(std::string_view text, int line, int column) {
    const int line0 = line > 0 ? line - 1 : 0;
    return {line0, utf16Column(lineAt(text, line0), column)};
}

Word wordAt(std::string_view text, Position at) {
    const std::string_view line = lineAt(text, at.line);
    const std::size_t offset = byteOffsetOfUtf16(line, at.character);
    std::size_t start = offset;
    std::size_t end = offset;
    while (start > 0 && isWordChar(line[start - 1])) --start;
    while (end < line.size() && isWordChar(line[end])) ++end;
    Word word;
    // Trim colons: `x:` in `f(x: User)` is not part of a name, `a::b` is.
    while (start < end && line[start] == ':') ++start;
    while (end > start && line[end - 1] == ':') --end;
    if (start == end || (line[start] >= '0' && line[start] <= '9')) return word;
    word.text = std::string(line.substr(start, end - start));
    word.range.start = {at.line, utf16Length(line.substr(0, start))};
    word.range.end = {at.line, utf16Length(line.substr(0, end))};
    return word;
}

} // namespace polar::cli::lsp
