// polar/flags/shared.hpp — the options more than one program takes,
// registered in one place so their spelling, placeholder, range and help
// text cannot drift apart (issue 13: `polar query --pace` was
// `polar-github --osc-pace`, and a bad `--pace 20ms` printed a 300-digit
// range). flags/README.md has the inventory of every program's options;
// tests/cli/run_flag_tests.sh (`shared`) compares the four programs'
// --help lines for these.
//
// A renamed option keeps its old spelling as a hidden alias
// (addDeprecatedAlias): it still works, and says once on stderr what the
// new spelling is, so the demo's and users' scripts do not break.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "polar/flags/parse.hpp"

namespace polar::flags {

// --pace: a millisecond to an hour. The sender drains its queue every
// millisecond, so a faster pace is real time with extra waiting; an hour
// between two events is a unit slip, not a performance. (The sender's own
// POLAR_OSC `paced=` takes 1us..1h; the command line is stricter.)
inline constexpr DurationRange kPaceRange{std::chrono::milliseconds(1), std::chrono::hours(1), false};
// --bpm: 0.1 (one event every ten minutes) to 600,000 (0.1 ms a beat).
inline constexpr RealRange kBpmRange{0.1, 600'000};

// --osc HOST:PORT (repeatable). Returns the option, for needs().
CLI::Option* addOscDestinations(CLI::App& app, std::vector<std::string>& destinations);
// --pace DURATION; needs --osc when `osc` is given. `legacy`, when given,
// sees the text first and may claim it (returns true; --pace stays
// unset): polar-github's old `--pace MS` sleep, which a bare whole number
// still means there. It may throw BadValue.
CLI::Option* addPace(CLI::App& app, std::string& pace, CLI::Option* osc,
                     std::function<bool(const std::string&)> legacy = {});
// --bpm N; needs --osc, excludes --pace.
CLI::Option* addBpm(CLI::App& app, double& bpm, CLI::Option* osc, CLI::Option* pace);
// --osc-values.
CLI::Option* addOscValues(CLI::App& app, bool& values, CLI::Option* osc);
// --oscquery-port N: serve the broadcast's /polar/... namespace over
// OSCQuery (osc/README.md) on HTTP port N while the program broadcasts.
// 0, the default, is off: many short `polar query` runs must not fight
// over one port.
CLI::Option* addOscQueryPort(CLI::App& app, std::uint16_t& port);
// --max-memory SIZE (unset: the engine's 4G).
CLI::Option* addMaxMemory(CLI::App& app, std::optional<std::uint64_t>& bytes);
// --port P and --bind ADDR of a program that listens (polar-osc record,
// dump, tee; polar-viewer). 0 asks for a free port.
CLI::Option* addListenPort(CLI::App& app, std::uint16_t& port);
CLI::Option* addListenAddress(CLI::App& app, std::string& address);
// --force: overwrite an existing output file.
CLI::Option* addForce(CLI::App& app, bool& force);

// A hidden old spelling of `current` that sets the same string and prints
// "note: OLD is now NEW (the old spelling still works)" on stderr.
CLI::Option* addDeprecatedAlias(CLI::App& app, const std::string& oldName, CLI::Option* current,
                                std::string& target, const CLI::Validator& validator);

} // namespace polar::flags
