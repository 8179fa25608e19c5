// cli/lsp/text_position.hpp — between the engine's places and LSP's.
//
// The engine counts lines and columns from 1, columns in code points; LSP
// counts both from 0 and characters in UTF-16 code units (the protocol's
// default position encoding, the only one every client speaks). A code
// point above U+FFFF is one engine column but two LSP characters, so every
// conversion walks the line's UTF-8. Invalid UTF-8 bytes count as one
// character each, as the engine counts them, so positions never drift on
// hostile text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace polar::cli::lsp {

struct Position {
    int line = 0;       // 0-based
    int character = 0;  // 0-based, UTF-16 code units
};

struct Range {
    Position start;
    Position end;
};

// Line `line0` (0-based) of the text, without its "\n" or "\r\n"; empty past the end.
std::string_view lineAt(std::string_view text, int line0);
// The LSP character of an engine column (1-based, code points) on that line.
int utf16Column(std::string_view line, int codePointColumn);
// The byte offset in the line of an LSP character (clamped to the line).
std::size_t byteOffsetOfUtf16(std::string_view line, int character);
// UTF-16 length of some UTF-8 text.
int utf16Length(std::string_view text);
// An engine position (1-based line and code-point column) as an LSP position.
Position toLspPosition(std::string_view text, int line, int column);

// The identifier (letters, digits, '_', '::') under an LSP position, with
// its range; empty when the position is not on one.
struct Word {
    std::string text;
    Range range;
};
Word wordAt(std::string_view text, Position at);

} // namespace polar::cli::lsp
