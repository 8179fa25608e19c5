// cli/main.cpp — entry point of the `polar` command.
//
//   polar query [--json] [--limit N] [--trace] [--osc ...] [LIMITS] FILE... -q QUERY
//   polar check [LIMITS] FILE...
//   polar repl [OSC] [LIMITS] [FILE...]
//   polar fmt [--check] [--diff] [-w] [--width N] [FILE...]
//   polar live [OSC] [LIMITS] [--every D | --grid-bpm N --beats K] FILE... -q QUERY...
//   polar lsp [--stdio]
//   LIMITS: [--timeout D] [--max-depth N] [--max-steps N] [--max-memory SIZE]
//
// main() only parses the command line (CLI11) and dispatches; each
// subcommand lives in its own file with a run function that takes streams.
// Every failure — bad usage (a numeric flag out of its range included), an
// unreadable policy, a runtime error, running out of memory — exits with
// 2, so scripts can tell "no answer" (1) from "something broke" (2).
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <new>

#include "check_command.hpp"
#include "fmt_command.hpp"
#include "live_command.hpp"
#include "lsp/lsp_command.hpp"
#include "output.hpp"
#include "polar/error.hpp"
#include "query_command.hpp"
#include "repl_command.hpp"

int main(int argc, char** argv) {
    using namespace polar::cli;

    CLI::App app{"polar — load Polar policies and ask them questions", "polar"};
    app.set_version_flag("--version", "polar " POLAR_AV_VERSION);
    app.require_subcommand(1);

    QueryOptions queryOptions;
    CheckOptions checkOptions;
    ReplOptions replOptions;
    LiveOptions liveOptions;
    FmtOptions fmtOptions;
    LspOptions lspOptions;
    CLI::App& query = addQueryCommand(app, queryOptions);
    CLI::App& check = addCheckCommand(app, checkOptions);
    CLI::App& repl = addReplCommand(app, replOptions);
    CLI::App& live = addLiveCommand(app, liveOptions);
    CLI::App& fmt = addFmtCommand(app, fmtOptions);
    CLI::App& lsp = addLspCommand(app, lspOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version arrive here too, with exit code 0.
        return app.exit(error) == 0 ? kExitOk : kExitError;
    }

    try {
        if (query.parsed()) {
            return runQuery(queryOptions, std::cout, std::cerr);
        }
        if (check.parsed()) {
            return runCheck(checkOptions, std::cout, std::cerr);
        }
        if (repl.parsed()) {
            return runReplCommand(replOptions);
        }
        if (fmt.parsed()) {
            return runFmt(fmtOptions, std::cin, std::cout, std::cerr);
        }
        if (live.parsed()) {
            return runLive(liveOptions, std::cout, std::cerr);
        }
        if (lsp.parsed()) {
            return runLsp(0, std::cout, std::cerr);
        }
    } catch (const polar::Error& error) {
        printError(std::cerr, error);
    } catch (const std::bad_alloc&) {
        // The commands name the stage they were in; this is what is left
        // (building a broadcaster, say).
        printOutOfMemory(std::cerr, "starting polar " + app.get_subcommands().front()->get_name());
    } catch (const std::exception& error) {
        // Not a policy problem: a bug or resource exhaustion. Say so plainly.
        std::cerr << "polar: internal error: " << error.what() << '\n';
    }
    return kExitError;
}
