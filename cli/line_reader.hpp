// cli/line_reader.hpp — where `polar repl` gets its lines.
//
// Two sources behind one interface. On a terminal, libedit (when the build
// found it: BSD licence, unlike GNU readline) gives line editing, arrow-key
// history and a history file, ~/.polar_history, capped at kHistoryLines so
// it never grows without bound. Anywhere else — a pipe, a file, a test —
// plain std::getline with no prompt, so piped output stays exactly the
// answers and tests need no terminal.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace polar::cli {

// 1,000 lines: weeks of interactive use, a few tens of kilobytes on disk.
inline constexpr int kHistoryLines = 1000;

class LineReader {
public:
    virtual ~LineReader() = default;
    // The next line without its newline, or nothing at end of input.
    virtual std::optional<std::string> read() = 0;
};

// getline on `in`; writes `prompt` to `out` before each line when `showPrompt`.
std::unique_ptr<LineReader> makeStreamReader(std::istream& in, std::ostream& out, bool showPrompt,
                                             std::string_view prompt);
// libedit on the process's terminal, or nullptr when the build has no
// libedit (the caller then uses a stream reader with a prompt).
std::unique_ptr<LineReader> makeTerminalReader(std::string_view prompt);

} // namespace polar::cli
