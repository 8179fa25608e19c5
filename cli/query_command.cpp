// cli/query_command.cpp — see query_command.hpp.
#include "query_command.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <new>
#include <optional>
#include <ostream>

#include "output.hpp"
#include "polar/flags/cli.hpp"
#include "policy_loader.hpp"
#include "polar/osc/broadcaster.hpp"
#include "polar/osc/oscquery.hpp"
#include "polar/polar.hpp"
#include "polar/tracer.hpp"

namespace polar::cli {

CLI::App& addQueryCommand(CLI::App& app, QueryOptions& options) {
    CLI::App* command = app.add_subcommand("query", "Load policy files and print the answers to a query");
    command->add_option("-q,--query", options.query, "The query, in Polar: 'f(x) and x > 1'")
        ->required();
    command->add_flag("--json", options.json, "Print each answer as one JSON object per line");
    flags::checked(command->add_option("--limit", options.limit, "Stop after N answers (0 = all)"),
                   "N", flags::whole(flags::wholeRange<std::size_t>()));
    command->add_flag("--trace", options.trace, "Trace the solver's steps on stderr");
    addOscOptions(*command, options.osc);
    addLimitOptions(*command, options.limits);
    command->add_option("files", options.files, "Policy files (.polar) to load, in order");
    return *command;
}

int runQuery(const QueryOptions& options, std::ostream& out, std::ostream& err) {
    // Declared before the Polar so they outlive it: observers are not owned
    // and must not be destroyed while attached.
    std::optional<polar::Tracer> tracer;
    std::unique_ptr<polar::osc::OscBroadcaster> osc;
    std::unique_ptr<polar::oscquery::Server> oscQuery;
    try {
        osc = makeBroadcaster(options.osc); // a bad destination fails before any work
        oscQuery = makeOscQueryServer(options.osc, err);
    } catch (const polar::Error& error) {
        printError(err, error);
        return kExitError;
    }
    polar::Polar polar;
    try {
        applyLimits(options.limits, polar); // before loading: inline queries obey them too
    } catch (const polar::Error& error) {
        printError(err, error);
        return kExitError;
    }
    if (!loadPolicies(polar, options.files, err)) {
        return kExitError;
    }
    // Attached after loading so the trace shows the user's query, not the
    // policies' inline `?=` checks.
    if (options.trace) {
        tracer.emplace(err);
        polar.addObserver(*tracer);
    }
    if (osc) polar.addObserver(*osc);

    std::size_t answers = 0;
    int code = kExitOk;
    try {
        polar::Query query = polar.query(options.query);
        while (options.limit == 0 || answers < options.limit) {
            std::optional<polar::Bindings> result = query.next();
            if (!result) {
                break;
            }
            ++answers;
            // Flushed per answer so answers and the trace on stderr
            // interleave in the order they happened.
            out << (options.json ? formatJson(*result) : formatPlain(*result)) << '\n'
                << std::flush;
        }
        code = answers > 0 ? kExitOk : kExitNoResults;
    } catch (const polar::Error& error) {
        printError(err, error);
        code = kExitError;
    } catch (const std::bad_alloc&) {
        // The query's memory is gone with it; the report below still runs.
        printOutOfMemory(err, "running the query");
        code = kExitError;
    }
    // Whatever the query's outcome, events OSC lost are counted and said,
    // never silent; they do not change the exit code (the answers stand).
    if (osc) reportOscLosses(*osc, err);
    return code;
}

} // namespace polar::cli
