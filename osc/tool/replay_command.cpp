// osc/tool/replay_command.cpp — see replay_command.hpp.
#include "replay_command.hpp"

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <fstream>
#include <optional>
#include <ostream>

#include "polar/flags/cli.hpp"
#include "destination.hpp"
#include "polar/osc/recording.hpp"

namespace polar::osc::tool {

namespace asio = boost::asio;
using asio::ip::udp;

namespace {

struct Totals {
    std::uint64_t datagrams = 0, bytes = 0, failures = 0, passes = 0;
};

// One pass over the file: checks every line when `socket` is null, sends
// with the original timing otherwise. Returns the last datagram's time, or
// nullopt when `stop` ended it.
std::optional<std::chrono::microseconds> pass(const ReplayOptions& options, udp::socket* socket,
                                              const udp::endpoint& target,
                                              Clock::time_point passStart, const StopFlag& stop,
                                              Totals& totals) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + options.file);
    }
    RecordingReader reader(in, options.file);
    RecordedDatagram datagram;
    std::chrono::microseconds last{0};
    while (reader.next(datagram)) {
        last = datagram.time;
        if (socket == nullptr) {
            continue;
        }
        const auto offset = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(datagram.time) / options.speed);
        if (!sleepUntil(passStart + offset, stop)) {
            return std::nullopt;
        }
        boost::system::error_code error;
        socket->send_to(asio::buffer(datagram.bytes), target, 0, error);
        ++totals.datagrams;
        totals.bytes += datagram.bytes.size();
        totals.failures += error ? 1 : 0;  // e.g. no buffer space: count, go on
    }
    return last;
}

} // namespace

CLI::App& addReplayCommand(CLI::App& app, ReplayOptions& options) {
    CLI::App* command =
        app.add_subcommand("replay", "Send a recording again, with its original timing");
    command->add_option("file", options.file, "Recording made by `polar-osc record`")->required();
    command->add_option("--to,-t", options.to, "Destination HOST:PORT, e.g. 127.0.0.1:9000")
        ->required()
        ->check(destinationCheck());
    flags::checked(command->add_option("--speed,-s", options.speed, "Playback speed: 2 is twice as fast")
                       ->capture_default_str(),
                   "X", flags::real({kMinSpeed, kMaxSpeed}));
    command->add_flag("--loop,-l", options.loop, "Start again at the end, until Ctrl-C");
    return *command;
}

int runReplay(const ReplayOptions& options, std::ostream& err, const StopFlag& stop) {
    Totals totals;
    const Clock::time_point start = Clock::now();
    try {
        asio::io_context io;
        const udp::endpoint target = resolve(io, options.to);
        Totals checked;
        pass(options, nullptr, target, start, stop, checked);  // throws on a bad line

        udp::socket socket(io);
        socket.open(target.protocol());
        Clock::time_point passStart = Clock::now();
        for (;;) {
            const auto last = pass(options, &socket, target, passStart, stop, totals);
            if (!last) {
                break;  // stopped
            }
            ++totals.passes;
            if (!options.loop || stop.load()) {
                break;
            }
            const auto length = std::max<Clock::duration>(*last, kMinLoopPass);
            passStart += std::chrono::duration_cast<Clock::duration>(
                std::chrono::duration<double>(length) / options.speed);
        }
    } catch (const std::exception& error) {
        err << "polar-osc: " << error.what() << '\n';
        return kExitError;
    }
    err << "replayed " << totals.datagrams << " datagrams, " << totals.bytes << " bytes to "
        << options.to << " in " << formatSeconds(Clock::now() - start) << " (" << totals.passes
        << (totals.passes == 1 ? " pass" : " passes");
    if (totals.failures > 0) {
        err << ", " << totals.failures << " sends failed";
    }
    err << ")\n";
    return kExitOk;
}

} // namespace polar::osc::tool
