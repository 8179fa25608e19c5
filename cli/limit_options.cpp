// cli/limit_options.cpp — see limit_options.hpp. Durations use polar_osc's
// syntax (`500ms`, `2s`), the one `--pace` already accepts, so the command
// line speaks one language for time.
#include "limit_options.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <polar/osc/options.hpp>

#include "polar/error.hpp"
#include "polar/polar.hpp"

namespace polar::cli {

void addLimitOptions(CLI::App& command, LimitCliOptions& options) {
    command
        .add_option("--timeout", options.timeout,
                    "Stop a query that runs longer than DURATION (e.g. 500ms, 2s; default 30s, 0 = none)")
        ->option_text("DURATION");
    command
        .add_option("--max-depth", options.maxDepth,
                    "Stop a query with more than N rule bodies active at once (default 10000000, 0 = none)")
        ->option_text("N");
    command
        .add_option("--max-steps", options.maxSteps,
                    "Stop a query after N goals (default 0 = unlimited)")
        ->option_text("N");
}

void applyLimits(const LimitCliOptions& options, polar::Polar& polar) {
    polar::Limits& limits = polar.limits();
    if (options.timeout == "0") {
        limits.timeout = std::chrono::milliseconds(0);
    } else if (!options.timeout.empty()) {
        std::chrono::microseconds timeout{};
        try {
            timeout = polar::osc::parseDuration(options.timeout);
        } catch (const polar::Error& error) {
            throw polar::Error(polar::ErrorKind::Operational, "InvalidOption",
                               "--timeout: " + error.message());
        }
        // Limits counts milliseconds; round up so "250us" is not "no limit".
        limits.timeout = std::chrono::ceil<std::chrono::milliseconds>(timeout);
    }
    if (options.maxDepth) limits.maxDepth = *options.maxDepth;
    if (options.maxSteps) limits.maxSteps = *options.maxSteps;
}

} // namespace polar::cli
