// osc/tool/main.cpp — entry point of `polar-osc`.
//
//   polar-osc record FILE [--port P] [--bind ADDR] [--duration D] [--force]
//   polar-osc tee --port P --to HOST:PORT [--to …] [--record FILE [--force]]
//   polar-osc replay FILE --to HOST:PORT [--speed X] [--loop]
//   polar-osc dump [--port P] [--bind ADDR] [--times] | dump --file FILE [--times]
//
// main() parses the command line (CLI11), installs the SIGINT/SIGTERM
// handlers and dispatches; each subcommand is a file pair with an options
// struct and a run function taking streams and a stop flag, so the tests
// drive them in process. Exit codes: 0 done (a Ctrl-C that ends a record
// or a dump is the normal way to finish), 2 bad usage (a number out of its
// range names the range), a file, socket or recording failed, or memory
// ran out.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <new>

#include "dump_command.hpp"
#include "record_command.hpp"
#include "replay_command.hpp"
#include "tee_command.hpp"

int main(int argc, char** argv) {
    using namespace polar::osc::tool;

    CLI::App app{"polar-osc — record, replay, print and tee OSC streams (Polar AV's or any)",
                 "polar-osc"};
    app.require_subcommand(1);
    app.footer("Exit codes: 0 done (Ctrl-C ends record, dump and tee normally), 2 bad usage, "
               "an existing recording without --force, or a file, socket or recording failed.");

    RecordOptions recordOptions;
    ReplayOptions replayOptions;
    DumpOptions dumpOptions;
    TeeOptions teeOptions;
    CLI::App& record = addRecordCommand(app, recordOptions);
    CLI::App& replay = addReplayCommand(app, replayOptions);
    CLI::App& dump = addDumpCommand(app, dumpOptions);
    CLI::App& tee = addTeeCommand(app, teeOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help arrives here too, with exit code 0.
        return app.exit(error) == 0 ? kExitOk : kExitUsage;
    }

    const StopFlag& stop = installStopSignals();
    try {
        if (record.parsed()) {
            return runRecord(recordOptions, std::cerr, stop);
        }
        if (replay.parsed()) {
            return runReplay(replayOptions, std::cerr, stop);
        }
        if (dump.parsed()) {
            return runDump(dumpOptions, std::cout, std::cerr, stop);
        }
        if (tee.parsed()) {
            return runTee(teeOptions, std::cerr, stop);
        }
    } catch (const std::bad_alloc&) {
        std::cerr << "polar-osc: error: out of memory while running "
                  << app.get_subcommands().front()->get_name() << '\n';
    } catch (const std::exception& error) {
        std::cerr << "polar-osc: internal error: " << error.what() << '\n';
    }
    return kExitError;
}
