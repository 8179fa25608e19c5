// osc/tool/dump_command.cpp — see dump_command.hpp.
#include "dump_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <ostream>

#include "polar/flags/shared.hpp"
#include "polar/osc/osc_text.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/recording.hpp"
#include "polar/osc/udp_listener.hpp"

namespace polar::osc::tool {

namespace {

class Printer : public DatagramVisitor {
public:
    explicit Printer(std::string prefix) : m_prefix(std::move(prefix)) {}

    void bundleBegin(std::uint64_t timetag, int depth) override {
        line(depth, "#bundle " + formatTimetag(timetag) + " [");
    }
    void bundleEnd(int depth) override { line(depth, "]"); }
    void message(OscMessage&& message) override {
        line(message.bundleDepth, formatMessage(message));
    }

    std::string text;

private:
    void line(int depth, const std::string& content) {
        text += m_prefix;
        text.append(static_cast<std::size_t>(depth) * 2, ' ');
        text += content;
        text += '\n';
    }

    std::string m_prefix;
};

int dumpFile(const DumpOptions& options, std::ostream& out, std::ostream& err) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in) {
        err << "polar-osc: cannot read " << options.file << '\n';
        return kExitError;
    }
    try {
        RecordingReader reader(in, options.file);
        RecordedDatagram datagram;
        while (reader.next(datagram)) {
            out << dumpDatagram(datagram.bytes.data(), datagram.bytes.size(), datagram.time,
                                options.times);
        }
    } catch (const RecordingError& error) {
        err << "polar-osc: " << error.what() << '\n';
        return kExitError;
    }
    return kExitOk;
}

} // namespace

std::string dumpDatagram(const char* data, std::size_t size, std::chrono::microseconds time,
                         bool times, bool* malformed) {
    std::string prefix;
    if (times) {
        const auto micros = static_cast<long long>(time.count());
        char stamp[40];
        std::snprintf(stamp, sizeof stamp, "%lld.%06lld ", micros / 1'000'000, micros % 1'000'000);
        prefix = stamp;
    }
    Printer printer(prefix);
    const DatagramSummary summary = parseDatagram(data, size, Clock::time_point{}, printer);
    if (malformed != nullptr) {
        *malformed = summary.malformed;
    }
    if (summary.malformed) {
        return prefix + "# malformed datagram (" + std::to_string(size) +
               " bytes): " + summary.error + "\n";
    }
    return printer.text;
}

CLI::App& addDumpCommand(CLI::App& app, DumpOptions& options) {
    CLI::App* command = app.add_subcommand(
        "dump", "Print a live OSC stream (or a recording, with --file), one message a line");
    CLI::Option* file =
        command->add_option("--file,-f", options.file, "Print this recording instead of listening");
    flags::addListenPort(*command, options.port)->excludes(file);
    flags::addListenAddress(*command, options.bind)->excludes(file);
    command->add_flag("--times", options.times, "Start each line with the arrival time in seconds");
    return *command;
}

int runDump(const DumpOptions& options, std::ostream& out, std::ostream& err, const StopFlag& stop) {
    if (!options.file.empty()) {
        return dumpFile(options, out, err);
    }
    std::uint64_t datagrams = 0;
    std::uint64_t malformed = 0;
    const Clock::time_point start = Clock::now();
    std::unique_ptr<UdpListener> listener;
    try {
        // Printing happens on the receive thread, the only writer of `out`.
        listener = std::make_unique<UdpListener>(
            options.bind, options.port,
            [&](const char* data, std::size_t size, Clock::time_point arrival) {
                bool bad = false;
                const std::string text = dumpDatagram(
                    data, size, std::chrono::duration_cast<std::chrono::microseconds>(arrival - start),
                    options.times, &bad);
                malformed += bad ? 1 : 0;
                ++datagrams;
                out << text << std::flush;
            });
    } catch (const std::exception& error) {
        err << "polar-osc: " << error.what() << '\n';
        return kExitError;
    }
    err << "listening on " << listener->describe() << " (Ctrl-C to stop)" << std::endl;
    if (options.listening) {
        options.listening(listener->describe(), listener->port());
    }
    sleepUntil(Clock::time_point::max(), stop);
    listener.reset();
    err << "dumped " << datagrams << " datagrams (" << malformed << " malformed)\n";
    return kExitOk;
}

} // namespace polar::osc::tool
