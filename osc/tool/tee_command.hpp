// osc/tool/tee_command.hpp — `polar-osc tee --port P --to HOST:PORT
// [--to …] [--record FILE]`: watch and record the same stream.
//
// Issue 13: a performer could not watch a show in the viewer and record it,
// since both wanted the port. tee listens on P and forwards every datagram,
// byte for byte (bundles and timetags untouched: it never parses what it
// forwards), to each --to destination, and with --record writes it in the
// format of `record` at the same time — with the same guarantees
// (recording_file.hpp: no overwrite without --force, bind first,
// FILE.partial renamed at the end, a write error stops at once).
//
//   polar-osc tee --port 9000 --to 127.0.0.1:9001 --record show.rec
//   polar-viewer --port 9001
//
// A slow or absent destination never holds the stream up: the sending
// socket is non-blocking, and a send that would block or fails is counted,
// not retried. On Ctrl-C (or after --duration) one summary line: datagrams
// in, sends forwarded, send errors, datagrams recorded.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "record_command.hpp"
#include "tool_common.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc::tool {

struct TeeOptions {
    std::string bind = "127.0.0.1";
    std::uint16_t port = 9000;
    std::vector<std::string> to;  // HOST:PORT, [IPv6]:PORT
    std::string record;           // empty: forward only
    bool force = false;
    double duration = 0.0;        // seconds; 0 = until stopped
    ListeningHook listening;      // not a command-line option
    // Not a command-line option: called on the receive thread after each
    // datagram is forwarded (and recorded), with the count so far.
    std::function<void(std::uint64_t datagrams)> forwarded;
};

CLI::App& addTeeCommand(CLI::App& app, TeeOptions& options);
int runTee(const TeeOptions& options, std::ostream& err, const StopFlag& stop);

} // namespace polar::osc::tool
