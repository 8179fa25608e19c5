// options.hpp — the command line of polar-github, parsed by CLI11.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "workload.hpp"

namespace github {

struct ProgramOptions {
    DataSetOptions data;
    std::uint64_t checks = 10'000;
    std::string mix{kDefaultMix};
    bool forever = false;
    unsigned paceMs = 0;
    std::string policyFile; // empty: the bundled github.polar
    bool print = false;
    std::string jsonDump;             // write the data set here
    std::uint64_t sample = 1'000;     // checks written by --sample-out
    std::string sampleOut;            // write sampled checks and decisions here
    std::vector<std::string> actions; // USER RESOURCE for --actions
    // OSC (osc/README.md): destinations, and paced mode by duration or tempo.
    std::vector<std::string> osc;
    std::string oscPace;
    double bpm = 0;
    bool oscValues = false;
};

void addOptions(CLI::App& app, ProgramOptions& options);

} // namespace github
