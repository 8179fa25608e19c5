// osc/tool/dump_command.hpp — `polar-osc dump`: an OSC stream, readable.
//
// One message per line in the format of polar/osc/osc_text.hpp (liblo's
// oscdump, with exact floats and escaped strings). Bundles are marked with
// a line before and after, their contents indented two spaces per level:
//
//   #bundle 00000003.80000000 [
//     /polar/rule siii "allow" 3 0 2
//   ]
//
// A datagram that is not OSC prints `# malformed datagram (N bytes): why`.
// --times prefixes every line with the datagram's arrival in seconds since
// the dump started (or as recorded, with --file). Live output is flushed
// after every datagram, so it can be piped (oscdump needs -L for that).
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "tool_common.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc::tool {

struct DumpOptions {
    std::string file;  // print this recording instead of listening
    std::string bind = "127.0.0.1";
    std::uint16_t port = 9000;
    bool times = false;
    ListeningHook listening;  // not a command-line option
};

CLI::App& addDumpCommand(CLI::App& app, DumpOptions& options);
int runDump(const DumpOptions& options, std::ostream& out, std::ostream& err, const StopFlag& stop);

// The lines for one datagram, each ending in '\n'; `time` is printed only
// when `times` is set. `malformed`, when given, says whether it was OSC.
std::string dumpDatagram(const char* data, std::size_t size, std::chrono::microseconds time,
                         bool times, bool* malformed = nullptr);

} // namespace polar::osc::tool
