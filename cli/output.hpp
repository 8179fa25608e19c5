// cli/output.hpp — how the `polar` command writes answers, errors and warnings.
//
// All commands print through these few functions so that `query`, `check`
// and `repl` agree on the format, and the tests can pin it down in one
// place. Answers go to stdout; errors, warnings and traces go to stderr, so
// `polar query ... > answers.txt` captures exactly the answers.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "polar/polar.hpp"

namespace polar::cli {

// Exit codes shared by every subcommand; scripts test them, so they are
// part of the interface (documented in cli/README.md).
constexpr int kExitOk = 0;         // success, at least one answer
constexpr int kExitNoResults = 1;  // the query ran and had no answer
constexpr int kExitError = 2;      // bad usage, unreadable or invalid policy, runtime error

// `x = 1, y = "a"`, or `true` for an answer that binds no variable.
std::string formatPlain(const polar::Bindings& bindings);
// Exactly Bindings::toJson(): one JSON object per answer.
std::string formatJson(const polar::Bindings& bindings);

// Error::format() on its own line(s). Errors without a source position
// (a missing file) get a `polar: ` prefix, as compilers do, so the reader
// knows which program complained.
void printError(std::ostream& err, const polar::Error& error);
// `polar: error: out of memory while WHAT` — what std::bad_alloc becomes:
// a named stage and exit 2, never a bare terminate. The engine's own
// budget (Limits::maxHeapBytes, --max-memory) ends a query with
// RuntimeError::MemoryLimit first; this is for what it does not count.
void printOutOfMemory(std::ostream& err, std::string_view what);
// The warnings produced since `alreadyPrinted`; returns the new count.
std::size_t printWarnings(std::ostream& err, const polar::Polar& polar,
                          std::size_t alreadyPrinted);

} // namespace polar::cli
