// osc/tool/record_command.cpp — see record_command.hpp.
//
// The order matters (recording_file.hpp): check the target, bind, then
// create FILE.partial, record, rename. The file is written on the
// listener's receive thread through a Recorder; the main thread only
// waits, and destroys the listener (joining its thread) before it closes
// the file and reads the counters.
#include "record_command.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "polar/flags/cli.hpp"
#include "polar/flags/shared.hpp"
#include "polar/osc/udp_listener.hpp"
#include "recorder.hpp"

namespace polar::osc::tool {

CLI::App& addRecordCommand(CLI::App& app, RecordOptions& options) {
    CLI::App* command = app.add_subcommand(
        "record", "Record an OSC stream, with arrival times, until Ctrl-C or --duration");
    command->add_option("file", options.file,
                        "Recording to write (an existing one only with --force)")
        ->required();
    flags::addListenPort(*command, options.port);
    flags::addListenAddress(*command, options.bind);
    flags::checked(command->add_option("--duration,-d", options.duration,
                                       "Stop after DURATION (e.g. 90s, 2m, 1h; a bare number is seconds)"),
                   "DURATION", flags::seconds(kRecordDuration));
    flags::addForce(*command, options.force);
    return *command;
}

int runRecord(const RecordOptions& options, std::ostream& err, const StopFlag& stop) {
    // Before the socket: refusing touches nothing.
    if (const std::string problem = checkTarget(options.file, options.force); !problem.empty()) {
        err << "polar-osc: " << problem << '\n';
        return kExitError;
    }
    const Clock::time_point start = Clock::now();
    Recorder recorder(start);
    std::unique_ptr<UdpListener> listener;
    try {
        listener = std::make_unique<UdpListener>(
            options.bind, options.port,
            [&](const char* data, std::size_t size, Clock::time_point arrival) {
                recorder.handle(data, size, arrival);
                if (options.recorded) options.recorded(recorder.counts().datagrams);
            });
    } catch (const std::exception& error) {
        err << "polar-osc: " << error.what() << " (nothing was written)\n";
        return kExitError;
    }
    try {
        recorder.open(options.file, options.force);
    } catch (const RecordingFileError& error) {
        err << "polar-osc: " << error.what() << '\n';
        return kExitError;
    }
    err << "recording " << listener->describe() << " to " << recorder.writingTo()
        << (options.duration > 0 ? "" : " until Ctrl-C") << '\n';
    if (options.listening) options.listening(listener->describe(), listener->port());

    const Clock::time_point deadline = deadlineAfter(start, options.duration);
    sleepUntil(deadline, stop, [&] { return recorder.failed(); });
    listener.reset(); // joins the receive thread: the recorder is ours alone

    if (const std::string problem = recorder.finish(); !problem.empty()) {
        err << "polar-osc: " << problem << '\n';
        return kExitError;
    }
    const RecordCounts counts = recorder.counts();
    err << "recorded " << counts.datagrams << " datagrams, " << counts.bytes << " bytes ("
        << counts.messages << " messages, " << counts.bundles << " bundles, " << counts.malformed
        << " malformed) in " << formatSeconds(Clock::now() - start) << " to " << options.file
        << '\n';
    return kExitOk;
}

} // namespace polar::osc::tool
