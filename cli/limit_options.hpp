// cli/limit_options.hpp — `--timeout DURATION`, `--max-depth N` and
// `--max-steps N` for `polar query` and `polar repl`: the engine's Limits
// (polar/polar.hpp), which guard against runaway queries, set from the
// command line.
//
// The engine's defaults (30 s, 10,000,000 rule bodies, no step limit) stay
// in force unless an option is given, so a policy that recurses forever or
// a query that never ends already stops with a named error; these options
// let a user (and tests/faults/) stop it sooner. 0 disables a limit, as it
// does in Limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace polar {
class Polar;
} // namespace polar

namespace polar::cli {

struct LimitCliOptions {
    std::string timeout;                   // a duration such as "500ms"; empty: the default
    std::optional<std::uint64_t> maxDepth; // unset: the default
    std::optional<std::uint64_t> maxSteps;
};

void addLimitOptions(CLI::App& command, LimitCliOptions& options);

// Sets polar.limits() from the options. Throws polar::Error for a malformed
// duration (kind Operational), before any policy is loaded.
void applyLimits(const LimitCliOptions& options, polar::Polar& polar);

} // namespace polar::cli
