// osc/tool/record_command.hpp — `polar-osc record FILE`.
//
// Records every datagram that reaches the socket, exactly as it came
// (garbage included: this is a recorder, not a filter), with its arrival
// time since the recording started, in the format of
// polar/osc/recording.hpp. Stops on SIGINT/SIGTERM or after --duration,
// then prints one counter line on stderr: datagrams, bytes, and what
// parseDatagram() made of them (messages, bundles, malformed).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "tool_common.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc::tool {

struct RecordOptions {
    std::string file;
    std::string bind = "127.0.0.1";
    std::uint16_t port = 9000;
    double duration = 0.0;  // seconds; 0 = until stopped
    ListeningHook listening;  // not a command-line option
    // Not a command-line option either: called on the receive thread after
    // each datagram is written, with the count so far, so a test knows
    // when everything it sent is in, instead of guessing with a sleep.
    std::function<void(std::uint64_t datagrams)> recorded;
};

CLI::App& addRecordCommand(CLI::App& app, RecordOptions& options);
int runRecord(const RecordOptions& options, std::ostream& err, const StopFlag& stop);

} // namespace polar::osc::tool
