// cli/limit_options.cpp — see limit_options.hpp. Durations use the syntax
// `--pace` already accepts (`500ms`, `2s`; polar/flags/parse.hpp), so the
// command line speaks one language for time.
#include "limit_options.hpp"

#include <CLI/CLI.hpp>

#include "polar/error.hpp"
#include "polar/flags/cli.hpp"
#include "polar/flags/shared.hpp"
#include "polar/polar.hpp"

namespace polar::cli {

void addLimitOptions(CLI::App& command, LimitCliOptions& options) {
    flags::checked(command.add_option("--timeout", options.timeout,
                                      "Stop a query that runs longer than DURATION (e.g. 500ms, "
                                      "2s, 1m; default 30s, 0 = none)"),
                   "DURATION", flags::duration(kTimeoutRange));
    flags::checked(command.add_option("--max-depth", options.maxDepth,
                                      "Stop a query with more than N rule bodies active at once "
                                      "(default 10000000, 0 = none)"),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    flags::checked(command.add_option("--max-steps", options.maxSteps,
                                      "Stop a query after N goals (default 0 = unlimited)"),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    // Shared with polar-github: one spelling, one help text (flags/).
    flags::addMaxMemory(command, options.maxMemory);
}

void applyLimits(const LimitCliOptions& options, polar::Polar& polar) {
    polar::Limits& limits = polar.limits();
    if (!options.timeout.empty()) {
        std::chrono::microseconds timeout{};
        try {
            timeout = flags::parseDuration(options.timeout, kTimeoutRange);
        } catch (const flags::BadValue& error) {
            throw polar::Error(polar::ErrorKind::Operational, "InvalidOption",
                               std::string("--timeout: ") + error.what());
        }
        // Limits counts milliseconds; round up so "250us" is not "no limit".
        limits.timeout = std::chrono::ceil<std::chrono::milliseconds>(timeout);
    }
    if (options.maxDepth) limits.maxDepth = *options.maxDepth;
    if (options.maxSteps) limits.maxSteps = *options.maxSteps;
    if (options.maxMemory) limits.maxHeapBytes = *options.maxMemory;
}

} // namespace polar::cli
