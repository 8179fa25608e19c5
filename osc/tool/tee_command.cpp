// osc/tool/tee_command.cpp — see tee_command.hpp.
//
// One thread does everything per datagram: the listener's receive thread
// sends it to each destination, then hands it to the Recorder. Sends are
// non-blocking, so the slowest destination costs one failed syscall, never
// a wait; the counters are atomics because the main thread prints them
// after joining that thread anyway (and a test may read them live).
#include "tee_command.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <memory>
#include <optional>
#include <ostream>

#include "destination.hpp"
#include "polar/flags/cli.hpp"
#include "polar/flags/shared.hpp"
#include "polar/osc/udp_listener.hpp"
#include "recorder.hpp"

namespace polar::osc::tool {

namespace asio = boost::asio;
using asio::ip::udp;

namespace {

// One destination: its own socket, opened for its address family.
struct Destination {
    std::string name;
    udp::endpoint endpoint;
    std::unique_ptr<udp::socket> socket;
};

struct TeeCounts {
    std::atomic<std::uint64_t> in{0}, forwarded{0}, sendErrors{0};
};

std::vector<Destination> openDestinations(asio::io_context& io, const std::vector<std::string>& to) {
    std::vector<Destination> destinations;
    for (const std::string& name : to) {
        Destination destination{name, resolve(io, name), std::make_unique<udp::socket>(io)};
        destination.socket->open(destination.endpoint.protocol());
        destination.socket->non_blocking(true);
        destinations.push_back(std::move(destination));
    }
    return destinations;
}

} // namespace

CLI::App& addTeeCommand(CLI::App& app, TeeOptions& options) {
    CLI::App* command = app.add_subcommand(
        "tee", "Forward an OSC stream unchanged to each --to, and record it with --record");
    flags::addListenPort(*command, options.port);
    flags::addListenAddress(*command, options.bind);
    command->add_option("--to,-t", options.to, "Forward every datagram to HOST:PORT (repeatable)")
        ->option_text("HOST:PORT")
        ->required()
        ->allow_extra_args(false)
        ->check(destinationCheck());
    command->add_option("--record,-r", options.record,
                        "Also record the stream to FILE, as `polar-osc record` does")
        ->option_text("FILE");
    flags::addForce(*command, options.force);
    flags::checked(command->add_option("--duration,-d", options.duration,
                                       "Stop after DURATION (e.g. 90s, 2m, 1h; a bare number is seconds)"),
                   "DURATION", flags::seconds(kRecordDuration));
    return *command;
}

int runTee(const TeeOptions& options, std::ostream& err, const StopFlag& stop) {
    const bool recording = !options.record.empty();
    if (recording) {
        if (const std::string problem = checkTarget(options.record, options.force); !problem.empty()) {
            err << "polar-osc: " << problem << '\n';
            return kExitError;
        }
    }
    const Clock::time_point start = Clock::now();
    Recorder recorder(start);
    TeeCounts counts;
    asio::io_context io;
    std::vector<Destination> destinations;
    std::unique_ptr<UdpListener> listener;
    try {
        destinations = openDestinations(io, options.to);
        listener = std::make_unique<UdpListener>(
            options.bind, options.port,
            [&](const char* data, std::size_t size, Clock::time_point arrival) {
                ++counts.in;
                for (Destination& destination : destinations) {
                    boost::system::error_code error;
                    destination.socket->send_to(asio::buffer(data, size), destination.endpoint, 0, error);
                    ++(error ? counts.sendErrors : counts.forwarded);
                }
                if (recording) recorder.handle(data, size, arrival);
                if (options.forwarded) options.forwarded(counts.in.load());
            });
    } catch (const std::exception& error) {
        err << "polar-osc: " << error.what() << " (nothing was written)\n";
        return kExitError;
    }
    if (recording) {
        try {
            recorder.open(options.record, options.force);
        } catch (const RecordingFileError& error) {
            err << "polar-osc: " << error.what() << '\n';
            return kExitError;
        }
    }
    err << "tee " << listener->describe() << " to";
    for (const std::string& to : options.to) err << ' ' << to;
    if (recording) err << ", recording to " << recorder.writingTo();
    err << (options.duration > 0 ? "" : " until Ctrl-C") << '\n';
    if (options.listening) options.listening(listener->describe(), listener->port());

    const Clock::time_point deadline = deadlineAfter(start, options.duration);
    sleepUntil(deadline, stop, [&] { return recorder.failed(); });
    listener.reset(); // joins the receive thread

    std::string problem;
    if (recording) problem = recorder.finish();
    err << "tee: " << counts.in << " datagrams in, " << counts.forwarded << " forwarded to "
        << destinations.size() << (destinations.size() == 1 ? " destination, " : " destinations, ")
        << counts.sendErrors << " send errors";
    if (recording) err << ", " << recorder.counts().datagrams << " recorded to " << options.record;
    err << " in " << formatSeconds(Clock::now() - start) << '\n';
    if (!problem.empty()) {
        err << "polar-osc: " << problem << '\n';
        return kExitError;
    }
    return kExitOk;
}

} // namespace polar::osc::tool
