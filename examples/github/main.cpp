// main.cpp — polar-github: a GitHub-like authorization workload on Polar AV.
//
//   polar-github [--users N --orgs N --repos N --roles-per-user N --seed S]
//                [--checks N | --forever] [--mix pull:40,...] [--interval DURATION] [--print]
//                [--osc HOST:PORT... [--pace DURATION | --bpm N] [--osc-values] [--oscquery-port N]]
//   polar-github --actions USER RESOURCE
//   polar-github --json-dump data.json --sample 2000 --sample-out checks.json
//
// Builds the data set, registers the classes, loads github.polar, then does
// one of three things: print authorized actions (--actions), write sampled
// decisions for the Oso comparison (--sample-out), or run the workload.
// Exit codes: 0 success, 2 any error: bad usage (a number out of its range
// names the range), a policy error (printed as Error::format()), running
// out of memory (`polar-github: error: out of memory while building the
// data set`).
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <memory>
#include <new>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/environment.hpp>
#include <polar/osc/oscquery.hpp>

#include "json_io.hpp"
#include "options.hpp"
#include "registration.hpp"
#include "runner.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 2;
// The workload draws from its own stream, so changing the workload options
// never changes the data set a seed names.
constexpr std::uint64_t kWorkloadSeedSalt = 0x600D5EEDULL;

int printActions(polar::Polar& polar, const github::DataSet& data, const std::string& userName,
                 const std::string& resourceName) {
    const github::User* user = data.findUser(userName);
    if (!user) throw std::invalid_argument("no user named '" + userName + "'");
    polar::Value resource;
    if (const github::Repository* repo = data.findRepo(resourceName)) {
        resource = polar::hostArgument(*repo);  // borrowed, like every reference argument
    } else if (const github::Organization* org = data.findOrg(resourceName)) {
        resource = polar::hostArgument(*org);
    } else {
        throw std::invalid_argument("no organization or repository named '" + resourceName + "'");
    }
    std::cout << userName << " on " << resourceName << ":";
    std::vector<polar::Value> actions = polar.authorizedActions(*user, resource);
    for (const polar::Value& action : actions) std::cout << ' ' << action.asString();
    std::cout << (actions.empty() ? " (nothing)\n" : "\n");
    return kExitOk;
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
    github::DataSet data = github::generateDataSet(options.data);
    stage.what = "writing the data set";
    if (!options.jsonDump.empty()) github::writeDataSet(options.jsonDump, data, options.data);
    stage.what = "loading the policy";

    // Declared before the Polar, which must not outlive its observers.
    std::unique_ptr<polar::osc::OscBroadcaster> osc;
    if (!options.osc.empty())
        osc = std::make_unique<polar::osc::OscBroadcaster>(polar::osc::makeOscOptions(
            options.osc, options.oscPace, options.bpm, options.oscValues));
    const auto oscQuery = serveOscQuery(options, osc.get());
    polar::Polar polar;
    if (options.maxMemory) polar.limits().maxHeapBytes = *options.maxMemory;
    github::loadPolicy(polar, options.policyFile);
    stage.what = "running the checks";
    if (osc) polar.addObserver(*osc); // after loading: the checks, not the policy's own
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
    github::runWorkload({options.checks, options.forever, options.paceMs, options.print}, polar,
                        data, workload, std::cout);
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
