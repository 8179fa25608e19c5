// cli/repl_command.cpp — see repl_command.hpp.
#include "repl_command.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "line_reader.hpp"
#include "polar/osc/oscquery.hpp"
#include "polar/polar.hpp"
#include "repl.hpp"
#include "repl_session.hpp"

namespace polar::cli {

CLI::App& addReplCommand(CLI::App& app, ReplOptions& options) {
    CLI::App* command = app.add_subcommand(
        "repl", "Read queries from stdin, one per line, and print their answers");
    addOscOptions(*command, options.osc);
    addLimitOptions(*command, options.limits);
    command->add_option("files", options.files, "Policy files (.polar) to load first");
    return *command;
}

int runReplCommand(const ReplOptions& options) {
    polar::Polar polar;
    // A bad --timeout or --osc destination throws: main reports it, exit 2.
    ReplSession session(polar, options.osc, options.limits);
    // A port in use throws polar::Error too. The REPL's :osc destinations,
    // added later, are not described: the server names the startup stream.
    const auto oscQuery = makeOscQueryServer(options.osc, std::cerr);
    session.load(options.files, std::cerr);  // errors are reported; the session goes on
    // A prompt in piped output would only garble scripts and tests; line
    // editing is for terminals only.
    std::unique_ptr<LineReader> reader;
    if (isatty(STDIN_FILENO) != 0) reader = makeTerminalReader(kReplPrompt);
    if (!reader) reader = makeStreamReader(std::cin, std::cout, isatty(STDIN_FILENO) != 0, kReplPrompt);
    return runRepl(session, *reader, std::cout, std::cerr);
}

} // namespace polar::cli
