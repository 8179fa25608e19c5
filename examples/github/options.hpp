// options.hpp — the command line of polar-github, parsed by CLI11.
//
// Every number is checked while parsing (polar/flags/cli.hpp): a negative
// count, one past 64 bits or past its cap is a usage error (exit 2) naming
// the range. The data-set sizes are capped because they are allocated up
// front: without caps `--users 1000000000` asked for ~80 GB and died of
// std::bad_alloc.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "workload.hpp"

namespace github {

// A million users, organizations or repositories each, and at most 1,000
// roles per user and 5,000,000 role assignments in all. Measured on this
// example (RelWithDebInfo, peak RSS): 1,000,000 users with 3 roles each
// 317 MB; 10,000,000 role assignments 1.05 GB (~100 bytes each); 1,000,000
// organizations or repositories ~110 MB. So the largest data set the caps
// allow stays near 1 GB — far past what the workload needs to be steady,
// and a size no machine this runs on refuses. --json-dump and --sample-out
// stream their JSON, so they add nothing that grows with these sizes.
inline constexpr std::size_t kMaxUsers = 1'000'000;
inline constexpr std::size_t kMaxOrgs = 1'000'000;
inline constexpr std::size_t kMaxRepos = 1'000'000;
inline constexpr std::size_t kMaxRolesPerUser = 1'000;
inline constexpr std::uint64_t kMaxRoleAssignments = 5'000'000;
// An hour between two checks (--interval): slower is a unit slip, not a
// demonstration.
inline constexpr unsigned kMaxPaceMs = 3'600'000;

struct ProgramOptions {
    DataSetOptions data;
    std::uint64_t checks = 10'000;
    std::string mix{kDefaultMix};
    bool forever = false;
    unsigned paceMs = 0;      // --interval (or the old --pace MS), in milliseconds
    std::string interval;     // --interval as typed
    std::string policyFile; // empty: the bundled github.polar
    bool print = false;
    std::string measure = "allowed";  // --measure: the call each check times
    std::string jsonDump;             // write the data set here
    std::uint64_t sample = 1'000;     // checks written by --sample-out
    std::string sampleOut;            // write sampled checks and decisions here
    std::vector<std::string> actions; // USER RESOURCE for --actions
    std::string dataFile;             // --data: read the data set instead of generating it
    std::vector<std::string> check;   // USER ACTION RESOURCE for --check
    bool trace = false;               // --trace: a polar::Tracer on stderr
    // OSC (osc/README.md): destinations, and paced mode by duration or tempo.
    std::vector<std::string> osc;
    std::string oscPace;
    double bpm = 0;
    bool oscValues = false;
    std::uint16_t oscqueryPort = 0; // --oscquery-port: describe the OSC stream; 0 off
    // Limits::maxHeapBytes for every check (--max-memory); unset: the
    // engine's default.
    std::optional<std::uint64_t> maxMemory;
};

void addOptions(CLI::App& app, ProgramOptions& options);

// What no single option can check: users x roles-per-user within
// kMaxRoleAssignments. Throws CLI::ValidationError, a usage error.
void checkOptions(const ProgramOptions& options);

} // namespace github
