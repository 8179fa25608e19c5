// cli/osc_options.cpp — see osc_options.hpp. The syntax of destinations and
// durations is polar_osc's (polar/osc/options.hpp), shared with POLAR_OSC.
#include "osc_options.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ostream>
#include <polar/error.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/environment.hpp>
#include <polar/osc/options.hpp>
#include <polar/osc/oscquery.hpp>
#include <stdexcept>

#include "polar/flags/shared.hpp"

namespace polar::cli {

namespace {

// The sender drains its queue every millisecond, so a real-time queue is
// empty within a few; a paced one holds at most 8 events, which at an
// unusually slow pace take longer — 2 s is the bound the broadcaster's own
// destructor gives paced events, and a report a little early only
// undercounts what is still on its way.
constexpr auto kLossReportWait = std::chrono::seconds(2);

} // namespace

// The command line's ranges must lie inside what the sender accepts, or a
// value the parser lets through would fail later, as an error mid-show.
static_assert(flags::kPaceRange.min >= polar::osc::kMinPace &&
              flags::kPaceRange.max <= polar::osc::kMaxPace);
static_assert(flags::kBpmRange.min >= polar::osc::kMinBpm &&
              flags::kBpmRange.max <= polar::osc::kMaxBpm);

void addOscOptions(CLI::App& command, OscCliOptions& options) {
    // The spellings and help texts are flags/'s, shared with polar-github.
    CLI::Option* osc = flags::addOscDestinations(command, options.destinations);
    CLI::Option* pace = flags::addPace(command, options.pace, osc);
    flags::addBpm(command, options.bpm, osc, pace);
    flags::addOscValues(command, options.values, osc);
    flags::addOscQueryPort(command, options.oscqueryPort);
}

std::unique_ptr<polar::osc::OscBroadcaster> makeBroadcaster(const OscCliOptions& options) {
    if (options.destinations.empty()) return nullptr;
    polar::osc::OscOptions osc =
        polar::osc::makeOscOptions(options.destinations, options.pace, options.bpm, options.values);
    osc.programName = "polar";
    return std::make_unique<polar::osc::OscBroadcaster>(std::move(osc));
}

std::unique_ptr<polar::oscquery::Server> makeOscQueryServer(const OscCliOptions& options,
                                                            std::ostream& err) {
    if (options.oscqueryPort == 0) return nullptr;
    std::string destination;
    if (!options.destinations.empty()) {
        destination = options.destinations.front();
    } else if (auto shared = polar::osc::environmentBroadcaster()) {
        destination = shared->options().destinations.front();
    } else {
        err << "polar: warning: --oscquery-port: nothing to describe without --osc or POLAR_OSC\n";
        return nullptr;
    }
    try {
        auto server = std::make_unique<polar::oscquery::Server>(
            polar::oscquery::outputServerOptions("polar", options.oscqueryPort, destination),
            polar::oscquery::polarOutputNamespace());
        err << "polar: OSCQuery on http://127.0.0.1:" << server->port() << "/ ("
            << server->advertiseStatus() << ")\n";
        return server;
    } catch (const std::runtime_error& error) {
        throw polar::Error(polar::ErrorKind::Operational, "OscQuery", error.what());
    }
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
