// format.hpp — `polar fmt`'s library: Polar source in, formatted source out.
//
// formatPolar() first parses the text with the engine's own parser, so a
// file the engine rejects is never reformatted (FormatError carries the
// engine's subkind, message and byte offset), then parses it again into
// the formatter's concrete syntax tree with comments (cst.hpp) and prints
// it through the document algebra (fmt/doc) at the given width.
//
// Guarantees, checked by tests/unit/catch_fmt_guarantees.cpp over every
// .polar file of the repository: the output parses to the same program,
// formatting it again changes nothing, every comment is kept in order, and
// no line is longer than the width unless something unbreakable (one
// token, a comment, an operator with its operand) is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace polar::fmt {

struct Options {
    int width = 80;
};

struct FormatError {
    std::string subkind;
    std::string message;
    std::uint32_t offset = 0;
};

// Throws FormatError when the engine's parser rejects `source`.
std::string formatPolar(std::string_view source, const Options& options = {});

// True when the file opts out of formatting: a line `# polar fmt: off`,
// alone or followed by a space and a reason, in the comments that open it
// (before its first token). For files that are
// deliberately malformed or unformatted — a test's bad input, a golden
// file's "before" — as gofmt's generated-code marker or black's
// `# fmt: off`. `polar fmt` and the language server leave such a file
// exactly as it is; formatPolar() itself ignores the marker.
bool formattingOff(std::string_view source);

} // namespace polar::fmt
