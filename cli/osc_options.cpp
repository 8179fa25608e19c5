// cli/osc_options.cpp — see osc_options.hpp. The syntax of destinations and
// durations is polar_osc's (polar/osc/options.hpp), shared with POLAR_OSC.
#include "osc_options.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ostream>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/options.hpp>

#include "polar/flags/cli.hpp"

namespace polar::cli {

namespace {

// The sender drains its queue every millisecond, so a real-time queue is
// empty within a few; a paced one holds at most 8 events, which at an
// unusually slow pace take longer — 2 s is the bound the broadcaster's own
// destructor gives paced events, and a report a little early only
// undercounts what is still on its way.
constexpr auto kLossReportWait = std::chrono::seconds(2);

} // namespace

void addOscOptions(CLI::App& command, OscCliOptions& options) {
    CLI::Option* osc =
        command
            .add_option("--osc", options.destinations,
                        "Broadcast the query's steps as OSC to HOST:PORT (repeatable)")
            ->option_text("HOST:PORT")
            // One destination per --osc, so `--osc 127.0.0.1:9000 policy.polar`
            // leaves the file alone.
            ->allow_extra_args(false);
    CLI::Option* pace = flags::checked(
        command.add_option("--pace", options.pace,
                           "Paced OSC: one event per DURATION (e.g. 40ms); the query waits for it"),
        "DURATION", flags::duration({polar::osc::kMinPace, polar::osc::kMaxPace, false}));
    pace->needs(osc);
    flags::checked(command.add_option("--bpm", options.bpm,
                                      "Paced OSC: one event per beat at N beats per minute"),
                   "N", flags::real({polar::osc::kMinBpm, polar::osc::kMaxBpm}))
        ->needs(osc)
        ->excludes(pace);
    command
        .add_flag("--osc-values", options.values,
                  "Also send goal text and bindings (off by default: they may be private)")
        ->needs(osc);
}

std::unique_ptr<polar::osc::OscBroadcaster> makeBroadcaster(const OscCliOptions& options) {
    if (options.destinations.empty()) return nullptr;
    polar::osc::OscOptions osc =
        polar::osc::makeOscOptions(options.destinations, options.pace, options.bpm, options.values);
    osc.programName = "polar";
    return std::make_unique<polar::osc::OscBroadcaster>(std::move(osc));
}

void reportOscLosses(polar::osc::OscBroadcaster& osc, std::ostream& err) {
    osc.flush(std::chrono::duration_cast<std::chrono::milliseconds>(kLossReportWait));
    const polar::osc::OscBroadcaster::Stats stats = osc.stats();
    if (stats.dropped == 0 && stats.sendErrors == 0) return;
    // Each datagram goes to every destination, so sends = datagrams x destinations.
    const auto sends = stats.datagrams * osc.options().destinations.size();
    err << "polar: warning: OSC: " << stats.dropped << " of " << stats.captured
        << " events dropped (queue full), " << stats.sendErrors << " of " << sends
        << " sends failed (is anyone listening?)\n";
}

} // namespace polar::cli
