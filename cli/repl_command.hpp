// cli/repl_command.hpp — `polar repl [FILE...]`: ask queries interactively.
//
// Loads the files, then hands stdin/stdout to the loop in repl.hpp. As in
// Oso's REPL, a file that fails to load is reported and the session starts
// anyway (with whatever did load), so one can explore a broken policy.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct ReplOptions {
    std::vector<std::string> files;
};

CLI::App& addReplCommand(CLI::App& app, ReplOptions& options);
// Uses the process's stdin/stdout/stderr; the prompt appears only on a terminal.
int runReplCommand(const ReplOptions& options);

} // namespace polar::cli
