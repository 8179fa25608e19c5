// cli/repl_command.cpp — see repl_command.hpp.
#include "repl_command.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "policy_loader.hpp"
#include "polar/polar.hpp"
#include "repl.hpp"

namespace polar::cli {

CLI::App& addReplCommand(CLI::App& app, ReplOptions& options) {
    CLI::App* command = app.add_subcommand(
        "repl", "Read queries from stdin, one per line, and print their answers");
    addLimitOptions(*command, options.limits);
    command->add_option("files", options.files, "Policy files (.polar) to load first");
    return *command;
}

int runReplCommand(const ReplOptions& options) {
    polar::Polar polar;
    applyLimits(options.limits, polar); // a bad --timeout throws: main reports it, exit 2
    loadPolicies(polar, options.files, std::cerr);  // errors are reported; the session goes on
    // A prompt in piped output would only garble scripts and tests.
    const bool interactive = isatty(STDIN_FILENO) != 0;
    return runRepl(polar, std::cin, std::cout, std::cerr, interactive);
}

} // namespace polar::cli
