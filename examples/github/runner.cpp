// runner.cpp — see runner.hpp.
#include "runner.hpp"

#include <chrono>
#include <csignal>
#include <iomanip>
#include <ostream>
#include <thread>

#include "latency.hpp"

namespace github {

namespace {

using Clock = std::chrono::steady_clock;

// Written by the signal handler: a lock-free flag is all a handler may touch.
volatile std::sig_atomic_t g_stop = 0;
extern "C" void requestStop(int) { g_stop = 1; }

double secondsBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

void printProgress(std::ostream& out, double elapsed, std::uint64_t checks, std::uint64_t sinceLast,
                   double interval, std::uint64_t allowed) {
    out << std::fixed << std::setprecision(0) << "[" << elapsed << " s] " << checks << " checks, "
        << static_cast<double>(sinceLast) / interval << " checks/s, " << allowed << " allowed, "
        << checks - allowed << " denied" << std::endl;
}

void printSummary(std::ostream& out, const RunResult& result, double elapsed,
                  const LatencyStats& latency) {
    double rate = elapsed > 0 ? static_cast<double>(result.checks) / elapsed : 0.0;
    out << std::fixed << std::setprecision(0) << "checks    " << result.checks << '\n'
        << "allowed   " << result.allowed << '\n'
        << "denied    " << result.checks - result.allowed << '\n'
        << std::setprecision(3) << "elapsed   " << elapsed << " s\n"
        << std::setprecision(0) << "checks/s  " << rate << '\n'
        << std::setprecision(1) << "median    " << latency.quantileMicros(0.5) << " µs\n"
        << "p99       " << latency.quantileMicros(0.99) << " µs" << std::endl;
}

} // namespace

RunResult runWorkload(const RunOptions& options, polar::Polar& polar, const DataSet& data,
                      Workload& workload, std::ostream& out) {
    if (options.forever) {
        g_stop = 0;
        std::signal(SIGINT, requestStop);
        std::signal(SIGTERM, requestStop);
    }
    RunResult result;
    LatencyStats latency;
    const Clock::time_point start = Clock::now();
    Clock::time_point lastProgress = start;
    std::uint64_t checksAtLastProgress = 0;

    while (options.forever ? g_stop == 0 : result.checks < options.checks) {
        Check check = workload.next();
        const Clock::time_point before = Clock::now();
        bool allowed = options.actions ? decideByActions(polar, data, check) : decide(polar, data, check);
        const Clock::time_point after = Clock::now();
        latency.record(after - before);
        ++result.checks;
        result.allowed += allowed ? 1 : 0;

        if (options.print) out << describe(data, check) << (allowed ? " -> allow\n" : " -> deny\n");
        if (options.forever && after - lastProgress >= std::chrono::seconds(1)) {
            printProgress(out, secondsBetween(start, after), result.checks,
                          result.checks - checksAtLastProgress, secondsBetween(lastProgress, after),
                          result.allowed);
            lastProgress = after;
            checksAtLastProgress = result.checks;
        }
        if (options.paceMs > 0) {
            // Paced runs are watched live (through a pipe, too): show each line now.
            out.flush();
            std::this_thread::sleep_for(std::chrono::milliseconds(options.paceMs));
        }
    }

    if (options.forever) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    printSummary(out, result, secondsBetween(start, Clock::now()), latency);
    return result;
}

} // namespace github
