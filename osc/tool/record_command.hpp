// osc/tool/record_command.hpp — `polar-osc record FILE`.
//
// Records every datagram that reaches the socket, exactly as it came
// (garbage included: this is a recorder, not a filter), with its arrival
// time since the recording started, in the format of
// polar/osc/recording.hpp. Stops on SIGINT/SIGTERM or after --duration,
// then prints one counter line on stderr: datagrams, bytes, and what
// parseDatagram() made of them (messages, bundles, malformed).
//
// It never loses a recording (recording_file.hpp): an existing FILE is
// refused without --force, the port is bound before any file is created,
// the bytes go to FILE.partial until the end, and a write error (a full
// disk) stops the recording at once with its reason and exit 2.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "polar/flags/parse.hpp"
#include "tool_common.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc::tool {

// --duration: a millisecond (what a wait here resolves) to a year; past
// it `start + S` still fits the steady clock, but nobody records a year.
inline constexpr flags::DurationRange kRecordDuration{std::chrono::milliseconds(1),
                                                      std::chrono::hours(24 * 365), false, true};

struct RecordOptions {
    std::string file;
    std::string bind = "127.0.0.1";
    std::uint16_t port = 9000;
    double duration = 0.0;  // seconds; 0 = until stopped
    bool force = false;     // overwrite an existing FILE
    ListeningHook listening;  // not a command-line option
    // Not a command-line option either: called on the receive thread after
    // each datagram is written, with the count so far, so a test knows
    // when everything it sent is in, instead of guessing with a sleep.
    std::function<void(std::uint64_t datagrams)> recorded;
};

CLI::App& addRecordCommand(CLI::App& app, RecordOptions& options);
int runRecord(const RecordOptions& options, std::ostream& err, const StopFlag& stop);

} // namespace polar::osc::tool
