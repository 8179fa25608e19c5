// cli/limit_options.hpp — `--timeout DURATION`, `--max-depth N`,
// `--max-steps N` and `--max-memory SIZE` for the subcommands that run
// queries (`query`, `repl`, and `check`, whose policies' inline `?=`
// queries run while loading): the engine's Limits (polar/polar.hpp), which
// guard against runaway queries, set from the command line.
//
// The engine's defaults (30 s, 10,000,000 rule bodies, no step limit,
// 4 GiB) stay in force unless an option is given, so a policy that
// recurses forever or a query that never ends already stops with a named
// error; these options let a user (and tests/faults/) stop it sooner. 0
// disables a limit, as it does in Limits. Every value is checked while the
// command line is parsed (polar/flags/cli.hpp): `--max-depth -1` is a
// usage error naming the range, not a limit of 2^64 - 1.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "polar/flags/parse.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar {
class Polar;
} // namespace polar

namespace polar::cli {

// --timeout: 0 (none) or 1us..1 hour. The hour is a cap, not a promise:
// a query meant to run longer should say so with 0, while `7200s` is more
// often a slip for 7200ms; the message states the cap, so nobody guesses.
// Limits counts milliseconds, so a timeout under 1 ms is rounded up.
inline constexpr flags::DurationRange kTimeoutRange{std::chrono::microseconds(1),
                                                    std::chrono::hours(1), true};

struct LimitCliOptions {
    std::string timeout;                    // a duration such as "500ms"; empty: the default
    std::optional<std::uint64_t> maxDepth;  // unset: the default
    std::optional<std::uint64_t> maxSteps;
    std::optional<std::uint64_t> maxMemory; // bytes, from 512M, 2G, 1048576; 0 = none
};

void addLimitOptions(CLI::App& command, LimitCliOptions& options);

// Sets polar.limits() from the options. Throws polar::Error for a bad
// --timeout (kind Operational, naming its range), before any policy is
// loaded; the command line has already refused one, this guards callers
// that fill the struct themselves.
void applyLimits(const LimitCliOptions& options, polar::Polar& polar);

} // namespace polar::cli
