// main.cpp — polar-github: a GitHub-like authorization workload on Polar AV.
//
//   polar-github [--users N --orgs N --repos N --roles-per-user N --seed S]
//                [--checks N | --forever] [--mix pull:40,...] [--interval DURATION] [--print]
//                [--osc HOST:PORT... [--pace DURATION | --bpm N] [--osc-values] [--oscquery-port N]]
//   polar-github --actions USER RESOURCE
//   polar-github --data hackathon.json --check steve invite osohq [--trace] [--osc HOST:PORT ...]
//   polar-github --json-dump data.json --sample 2000 --sample-out checks.json
//
// Builds (or, with --data, reads) the data set, registers the classes, loads
// github.polar, then does one of four things: run one check (--check),
// print authorized actions (--actions), write sampled decisions for the Oso
// comparison (--sample-out), or run the workload.
// Exit codes: 0 success (--check: allowed), 1 --check denied, 2 any error:
// bad usage (a number out of its range
// names the range), a policy error (printed as Error::format()), running
// out of memory (`polar-github: error: out of memory while building the
// data set`).
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <polar/tracer.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/environment.hpp>
#include <polar/osc/oscquery.hpp>

#include "check.hpp"
#include "json_io.hpp"
#include "options.hpp"
#include "registration.hpp"
#include "runner.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDenied = 1;
constexpr int kExitError = 2;
// The workload draws from its own stream, so changing the workload options
// never changes the data set a seed names.
constexpr std::uint64_t kWorkloadSeedSalt = 0x600D5EEDULL;

int printActions(polar::Polar& polar, const github::DataSet& data, const std::string& userName,
                 const std::string& resourceName) {
    const github::User& user = github::userNamed(data, userName);
    const polar::Value resource = github::resourceNamed(data, resourceName);
    std::cout << userName << " on " << resourceName << ":";
    std::vector<polar::Value> actions = polar.authorizedActions(user, resource);
    for (const polar::Value& action : actions) std::cout << ' ' << action.asString();
    std::cout << (actions.empty() ? " (nothing)\n" : "\n");
    return kExitOk;
}

// Waits until the broadcast has left: a paced stream still holds up to
// kPacedWindow events when the query ends, and the broadcaster's
// destructor only gives them a short shutdown budget, so a viewer would
// miss the end of the ride. Bounded, in case nobody drains the socket.
void finishBroadcast(polar::osc::OscBroadcaster* osc) {
    if (!osc) return;
    const polar::osc::OscOptions& options = osc->options();
    auto timeout = std::chrono::milliseconds(2'000);
    if (options.mode == polar::osc::Mode::Paced)
        timeout += std::chrono::ceil<std::chrono::milliseconds>(options.pace) *
                   static_cast<long>(polar::osc::kPacedWindow + 2);
    if (!osc->flush(timeout))
        std::cerr << "polar-github: warning: OSC: events still queued after " << timeout.count()
                  << " ms\n";
}

// --check: one decision, printed, as the exit code.
int runCheck(polar::Polar& polar, const github::DataSet& data,
             const std::vector<std::string>& check, polar::osc::OscBroadcaster* osc) {
    const bool allowed = github::checkNamed(polar, data, check[0], check[1], check[2]);
    std::cout << check[0] << ' ' << check[1] << ' ' << check[2]
              << (allowed ? " -> allow" : " -> deny") << std::endl;
    finishBroadcast(osc);
    return allowed ? kExitOk : kExitDenied;
}

// --oscquery-port: the broadcast's /polar/... namespace over OSCQuery, for
// the stream of --osc or else POLAR_OSC (osc/README.md, "OSCQuery").
std::unique_ptr<polar::oscquery::Server> serveOscQuery(const github::ProgramOptions& options,
                                                       const polar::osc::OscBroadcaster* osc) {
    if (options.oscqueryPort == 0) return nullptr;
    std::shared_ptr<polar::osc::OscBroadcaster> shared; // POLAR_OSC's, kept till exit anyway
    if (!osc) {
        shared = polar::osc::environmentBroadcaster();
        osc = shared.get();
    }
    if (!osc) {
        std::cerr << "polar-github: warning: --oscquery-port: nothing to describe without --osc or POLAR_OSC\n";
        return nullptr;
    }
    try {
        auto server = std::make_unique<polar::oscquery::Server>(
            polar::oscquery::outputServerOptions("polar-github", options.oscqueryPort,
                                                 osc->options().destinations.front()),
            polar::oscquery::polarOutputNamespace());
        std::cerr << "polar-github: OSCQuery on http://127.0.0.1:" << server->port() << "/ ("
                  << server->advertiseStatus() << ")\n";
        return server;
    } catch (const std::runtime_error& error) {
        throw polar::Error(polar::ErrorKind::Operational, "OscQuery", error.what());
    }
}

// What run() is doing, for the one message std::bad_alloc becomes.
struct Stage {
    const char* what = "starting";
};

int run(const github::ProgramOptions& options, Stage& stage) {
    stage.what = "building the data set";
    github::DataSet data = options.dataFile.empty() ? github::generateDataSet(options.data)
                                                    : github::readDataSet(options.dataFile);
    stage.what = "writing the data set";
    if (!options.jsonDump.empty()) github::writeDataSet(options.jsonDump, data, options.data);
    stage.what = "loading the policy";

    // Declared before the Polar, which must not outlive its observers.
    std::optional<polar::Tracer> tracer;
    std::unique_ptr<polar::osc::OscBroadcaster> osc;
    if (!options.osc.empty())
        osc = std::make_unique<polar::osc::OscBroadcaster>(polar::osc::makeOscOptions(
            options.osc, options.oscPace, options.bpm, options.oscValues));
    const auto oscQuery = serveOscQuery(options, osc.get());
    polar::Polar polar;
    if (options.maxMemory) polar.limits().maxHeapBytes = *options.maxMemory;
    github::loadPolicy(polar, options.policyFile);
    stage.what = "running the checks";
    // After loading: the checks, not the policy's own. The tracer first,
    // as `polar query --trace` does.
    if (options.trace) polar.addObserver(tracer.emplace(std::cerr));
    if (osc) polar.addObserver(*osc);
    if (!options.check.empty()) return runCheck(polar, data, options.check, osc.get());
    if (!options.actions.empty())
        return printActions(polar, data, options.actions[0], options.actions[1]);

    github::Workload workload(data, github::parseMix(options.mix),
                              options.data.seed ^ kWorkloadSeedSalt);
    if (!options.sampleOut.empty()) {
        std::uint64_t allowed =
            github::writeSample(options.sampleOut, polar, data, workload, options.sample);
        std::cout << "wrote " << options.sample << " checks (" << allowed << " allowed, "
                  << options.sample - allowed << " denied) to " << options.sampleOut << '\n';
        return kExitOk;
    }
    github::runWorkload({options.checks, options.forever, options.paceMs, options.print, options.measure == "actions"},
                        polar, data, workload, std::cout);
    return kExitOk;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"polar-github — GitHub-like authorization on Polar AV", "polar-github"};
    github::ProgramOptions options;
    github::addOptions(app, options);
    try {
        app.parse(argc, argv);
        github::checkOptions(options);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? kExitOk : kExitError; // --help exits 0
    }

    Stage stage;
    try {
        return run(options, stage);
    } catch (const polar::Error& error) {
        std::cerr << error.format() << '\n';
    } catch (const std::bad_alloc&) {
        // The caps keep the data set small; this is whatever is left (a
        // policy of one's own, a machine already full): a message, not a
        // bare terminate.
        std::cerr << "polar-github: error: out of memory while " << stage.what << '\n';
    } catch (const std::exception& error) {
        std::cerr << "polar-github: " << error.what() << '\n';
    }
    return kExitError;
}
