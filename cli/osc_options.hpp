// cli/osc_options.hpp — `--osc HOST:PORT` (repeatable), `--pace DURATION`,
// `--bpm N` and `--osc-values` for `polar query`: broadcast the query's
// steps as OSC (osc/README.md) while it runs.
//
// Without --osc nothing is built and the query runs exactly as before.
// --pace or --bpm switch to paced mode: one event per 40ms (or per beat),
// and the query itself slows down to that pace.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace polar::osc {
class OscBroadcaster;
} // namespace polar::osc

namespace polar::oscquery {
class Server;
} // namespace polar::oscquery

namespace polar::cli {

struct OscCliOptions {
    std::vector<std::string> destinations;
    std::string pace; // a duration such as "40ms"; empty: real time
    double bpm = 0;   // 0: no tempo
    bool values = false;
    std::uint16_t oscqueryPort = 0; // --oscquery-port; 0: no OSCQuery server
};

void addOscOptions(CLI::App& command, OscCliOptions& options);

// The broadcaster the options ask for, or nullptr without --osc. Throws
// polar::Error for a bad destination, duration or tempo.
std::unique_ptr<polar::osc::OscBroadcaster> makeBroadcaster(const OscCliOptions& options);

// With --oscquery-port N and a stream to describe (--osc, else POLAR_OSC):
// an OSCQuery server of the /polar/... namespace on port N, announced in
// one line on `err` (`polar: OSCQuery on http://127.0.0.1:N/ (...)`).
// nullptr when the port is 0, or with a warning when nothing broadcasts.
// Throws polar::Error when the port cannot be bound.
std::unique_ptr<polar::oscquery::Server> makeOscQueryServer(const OscCliOptions& options,
                                                            std::ostream& err);

// After the query: waits (at most kLossReportWait) for the sender to empty
// its queue, then, if any event was dropped or any send failed, says so in
// one line on `err` — `polar: warning: OSC: 0 of 40213 events dropped
// (queue full), 31 of 32 sends failed (is anyone listening?)`. Silent when
// nothing was lost, so a healthy session prints what it always printed.
void reportOscLosses(polar::osc::OscBroadcaster& osc, std::ostream& err);

} // namespace polar::cli
