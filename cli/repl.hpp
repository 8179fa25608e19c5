// cli/repl.hpp — the read-eval-print loop behind `polar repl`.
//
// Behaves like Oso's REPL: each line is a query; the answers' bindings are
// printed, then `true` (at least one answer) or `false` (none). An answer
// that binds nothing prints no line of its own — the closing `true` already
// says it. Errors are printed and the loop goes on; a trailing `;` is
// dropped, blank lines are skipped, and EOF, `exit` or `quit` end the
// session. Lines that start with `:` are commands (repl_session.hpp:
// :load, :reload, :limits, :osc, :help). The loop only sees a LineReader
// and streams, so tests drive it with strings.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "polar/polar.hpp"

namespace polar::cli {

class LineReader;
class ReplSession;

constexpr std::string_view kReplPrompt = "query> ";

// The query in one line of input: surrounding blanks and trailing `;`s removed.
std::string replQueryText(std::string_view line);

// Runs until EOF or exit/quit; writes `kReplPrompt` before each line only
// when `showPrompt` (stdin is a terminal). Returns the process exit code.
int runRepl(polar::Polar& polar, std::istream& in, std::ostream& out, std::ostream& err,
            bool showPrompt);
// The same with a session (its commands, its OSC) and any line source.
int runRepl(ReplSession& session, LineReader& reader, std::ostream& out, std::ostream& err);

} // namespace polar::cli
