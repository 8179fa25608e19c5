// runner.hpp — runs the workload: a fixed number of checks, or --forever
// with a progress line every second, then the summary.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <polar/polar.hpp>

#include "model.hpp"
#include "workload.hpp"

namespace github {

struct RunOptions {
    std::uint64_t checks = 10'000;
    bool forever = false;
    unsigned paceMs = 0;
    bool print = false;
    bool actions = false;  // --measure actions: time authorizedActions instead of isAllowed
};

struct RunResult {
    std::uint64_t checks = 0;
    std::uint64_t allowed = 0;
};

// With `forever`, runs until SIGINT or SIGTERM (handlers installed here)
// and returns normally, so the caller prints the summary and exits 0.
RunResult runWorkload(const RunOptions& options, polar::Polar& polar, const DataSet& data,
                      Workload& workload, std::ostream& out);

} // namespace github
