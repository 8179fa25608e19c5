// osc/tool/record_command.cpp — see record_command.hpp.
//
// The file is written on the listener's receive thread (one writer, no
// lock); the main thread only waits. The listener is destroyed — its
// thread joined — before the file is closed and the counters are read.
#include "record_command.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <ostream>

#include "polar/flags/cli.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/recording.hpp"
#include "polar/osc/udp_listener.hpp"

namespace polar::osc::tool {

namespace {

// Counts messages and bundles without keeping them.
class CountingVisitor : public DatagramVisitor {
public:
    void message(OscMessage&& /*message*/) override {}
};

struct RecordCounts {
    std::uint64_t datagrams = 0, bytes = 0, messages = 0, bundles = 0, malformed = 0;
};

} // namespace

CLI::App& addRecordCommand(CLI::App& app, RecordOptions& options) {
    CLI::App* command = app.add_subcommand(
        "record", "Record an OSC stream, with arrival times, until Ctrl-C or --duration");
    command->add_option("file", options.file, "Recording to write (overwritten)")->required();
    flags::checked(command->add_option("--port,-p", options.port,
                                       "UDP port to listen on (0: a free one, printed on stderr)")
                       ->capture_default_str(),
                   "P", flags::whole(flags::wholeRange<std::uint16_t>()));
    command->add_option("--bind,-b", options.bind,
                        "Address to listen on: 127.0.0.1, ::1, 0.0.0.0, or a multicast group")
        ->capture_default_str();
    flags::checked(command->add_option("--duration,-d", options.duration, "Stop after S seconds"),
                   "S", flags::real({kMinSeconds, kMaxSeconds}));
    return *command;
}

int runRecord(const RecordOptions& options, std::ostream& err, const StopFlag& stop) {
    std::ofstream file(options.file, std::ios::binary | std::ios::trunc);
    if (!file) {
        err << "polar-osc: cannot write " << options.file << '\n';
        return kExitError;
    }
    RecordingWriter writer(file);
    RecordCounts counts;
    const Clock::time_point start = Clock::now();
    std::unique_ptr<UdpListener> listener;
    try {
        listener = std::make_unique<UdpListener>(
            options.bind, options.port,
            [&](const char* data, std::size_t size, Clock::time_point arrival) {
                const auto since =
                    std::chrono::duration_cast<std::chrono::microseconds>(arrival - start);
                writer.write(since, data, size);
                // Each line reaches the file as it arrives: a recorder killed
                // hard loses at most one, and the file can be watched (and
                // waited for, by tests) while it grows.
                file.flush();
                CountingVisitor visitor;
                const DatagramSummary summary = parseDatagram(data, size, arrival, visitor);
                ++counts.datagrams;
                counts.bytes += size;
                counts.messages += summary.messages;
                counts.bundles += summary.bundles;
                counts.malformed += summary.malformed ? 1 : 0;
                if (options.recorded) options.recorded(counts.datagrams);
            });
    } catch (const std::exception& error) {
        err << "polar-osc: " << error.what() << '\n';
        return kExitError;
    }
    err << "recording " << listener->describe() << " to " << options.file
        << (options.duration > 0 ? "" : " until Ctrl-C") << '\n';
    if (options.listening) {
        options.listening(listener->describe(), listener->port());
    }

    const Clock::time_point deadline =
        options.duration > 0
            ? start + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(options.duration))
            : Clock::time_point::max();
    sleepUntil(deadline, stop);
    listener.reset();  // joins the receive thread: counts and file are ours again

    file.flush();
    if (!file) {
        err << "polar-osc: error while writing " << options.file << '\n';
        return kExitError;
    }
    err << "recorded " << counts.datagrams << " datagrams, " << counts.bytes << " bytes ("
        << counts.messages << " messages, " << counts.bundles << " bundles, " << counts.malformed
        << " malformed) in " << formatSeconds(Clock::now() - start) << " to " << options.file
        << '\n';
    return kExitOk;
}

} // namespace polar::osc::tool
