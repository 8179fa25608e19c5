// osc/tool/replay_command.hpp — `polar-osc replay FILE --to HOST:PORT`.
//
// Sends a recording's datagrams, byte for byte, with their original
// spacing (divided by --speed). Each datagram is scheduled against the
// start of the pass rather than the previous send, so timing errors do not
// accumulate over a long recording. The file is read twice, streaming: a
// first pass checks every line (a broken recording fails before anything
// is sent), the second sends. With --loop the recording restarts when it
// ends, until SIGINT/SIGTERM; a pass lasts at least kMinLoopPass.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

#include "tool_common.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc::tool {

// A looped recording whose datagrams all arrived at 0.000000 would
// otherwise be sent as fast as the CPU allows: 10 ms bounds a loop to 100
// passes a second, a flood nobody wants but one a receiver survives.
inline constexpr std::chrono::milliseconds kMinLoopPass{10};

struct ReplayOptions {
    std::string file;
    std::string to;  // HOST:PORT, [IPv6]:PORT
    double speed = 1.0;
    bool loop = false;
};

CLI::App& addReplayCommand(CLI::App& app, ReplayOptions& options);
int runReplay(const ReplayOptions& options, std::ostream& err, const StopFlag& stop);

} // namespace polar::osc::tool
