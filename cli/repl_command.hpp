// cli/repl_command.hpp — `polar repl [--osc HOST:PORT...] [--pace D | --bpm N] [--osc-values]
// [--timeout D] [--max-depth N] [--max-steps N] [FILE...]`: ask queries interactively.
//
// Loads the files, then hands stdin/stdout to the loop in repl.hpp. As in
// Oso's REPL, a file that fails to load is reported and the session starts
// anyway (with whatever did load), so one can explore a broken policy. The
// limits apply to each query; a query that hits one is an error like any
// other, and the session goes on. The OSC options are `polar query`'s:
// every query of the session is broadcast; `:osc` adds destinations later.
// On a terminal, lines are edited with libedit (line_reader.hpp).
#pragma once

#include <string>
#include <vector>

#include "limit_options.hpp"
#include "osc_options.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct ReplOptions {
    std::vector<std::string> files;
    OscCliOptions osc;
    LimitCliOptions limits;
};

CLI::App& addReplCommand(CLI::App& app, ReplOptions& options);
// Uses the process's stdin/stdout/stderr; the prompt appears only on a terminal.
int runReplCommand(const ReplOptions& options);

} // namespace polar::cli
