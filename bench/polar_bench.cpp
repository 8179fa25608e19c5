// polar_bench — times the engine on the benchmark programs, in process and
// warm: each workload runs once to warm up, then up to `repeats` times (or
// until the time budget is spent); the median is reported. Output is one
// JSON object per line so bench/run_all.py can compare builds (hooks in or
// out) and peers (Oso, SWI-Prolog) in one run. The workloads come from the
// command line (bench/workloads.py owns the list, for every peer at once);
// without any, a built-in set keeps the program useful on its own.
//
//   polar_bench [--repeats N] [--budget-ms MS] [--only NAME]
//               [--workload NAME QUERY]... [--list-workload NAME N]...
//               [--once] [policy files...]
//
// --list-workload times `in_list(N, l)` with l = [1, ..., N] passed in as a
// host list: `in` over a long list without building it in Polar first.
// --once (the scaling mode) runs each workload once, cold, and adds the
// time to load the files, the goals executed, the deepest stack, the peak
// resident memory (VmHWM) and the CPU time of a third, warm run.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <polar/polar.hpp>

namespace {

struct Workload {
    std::string name;
    std::string query;  // empty for a host-list workload
    long listLength = 0;
};

struct Options {
    int repeats = 5;
    double budgetMs = 3000;  // enough for 5 repeats of the slowest default row
    bool once = false;
    double loadMs = 0;  // loading the files (scaling mode reports it: the fact rows' work is loading)
    std::string only;
    std::vector<std::string> files;
    std::vector<Workload> workloads;
};

// Remembers the deepest stack a query reached (scaling mode only: the
// timed runs have no observer attached).
class MaxDepth : public polar::Observer {
public:
    void onDepthChange(const polar::DepthEvent& e) override { m_max = std::max(m_max, e.depth); }
    int max() const { return m_max; }

private:
    int m_max = 0;
};

polar::Query start(polar::Polar& polar, const Workload& w, const polar::Value::List& list) {
    if (w.query.empty()) return polar.queryRuleValues("in_list", {polar::Value(w.listLength), list});
    return polar.query(w.query);
}

// Process CPU time: on a shared machine wall time also counts the other
// processes' turns; CPU time is what the query cost. Both are reported.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Run {
    double ms;
    double cpuMs;
    std::uint64_t steps;
};

Run runOnce(polar::Polar& polar, const Workload& w, const polar::Value::List& list) {
    const double cpuBegin = cpuMs();
    const auto begin = std::chrono::steady_clock::now();
    auto q = start(polar, w, list);
    if (!q.next()) throw polar::Error(polar::ErrorKind::Runtime, "NoAnswer", "no answer for " + w.name);
    const auto end = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(end - begin).count(), cpuMs() - cpuBegin, q.steps()};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Peak resident memory of this process (VmHWM). Not getrusage's ru_maxrss:
// Linux carries that over exec, so a child of a big Python would report
// Python's peak.
double peakRssKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6);  // "VmHWM:   1234 kB"
    }
    return -1;
}

void measure(polar::Polar& polar, const Workload& w, const Options& o) {
    polar::Value::List list;
    for (long k = 1; k <= w.listLength; ++k) list.emplace_back(k);
    if (o.once) {
        const Run run = runOnce(polar, w, list);
        const double rss = peakRssKiB();
        MaxDepth depth;  // a second, untimed run, after the memory was read
        polar.addObserver(depth);
        runOnce(polar, w, list);
        polar.removeObserver(depth);
        const Run warm = runOnce(polar, w, list);  // e.g. with the argument index already built
        std::printf("{\"name\":\"%s\",\"ms\":%.4f,\"cpu_ms\":%.4f,\"warm_cpu_ms\":%.4f,\"load_ms\":%.1f,"
                    "\"steps\":%llu,\"max_depth\":%d,\"peak_rss_kib\":%.0f}\n",
                    w.name.c_str(), run.ms, run.cpuMs, warm.cpuMs, o.loadMs,
                    static_cast<unsigned long long>(run.steps), depth.max(), rss);
        return;
    }
    runOnce(polar, w, list);  // warm-up
    std::vector<double> times, cpuTimes;
    double spent = 0;
    while (static_cast<int>(times.size()) < o.repeats && (times.empty() || spent < o.budgetMs)) {
        const Run run = runOnce(polar, w, list);
        times.push_back(run.ms);
        cpuTimes.push_back(run.cpuMs);
        spent += run.ms;
    }
    std::printf("{\"name\":\"%s\",\"median_ms\":%.6f,\"median_cpu_ms\":%.6f,\"runs\":%zu}\n", w.name.c_str(),
                median(times), median(cpuTimes), times.size());
}

std::vector<Workload> defaultWorkloads() {
    return {{"fib15", "fib(15, _)"},
            {"fib20", "fib(20, _)"},
            {"nrev30x1000", "range(30, l) and nrev_times(1000, l)"},
            {"chain20", "chain20(_)"},
            {"in_list_100k", "", 100000}};
}

bool parse(int argc, char** argv, Options& o) {
    for (int k = 1; k < argc; ++k) {
        const std::string arg = argv[k];
        const bool has1 = k + 1 < argc, has2 = k + 2 < argc;
        if (arg == "--repeats" && has1) {
            o.repeats = std::max(1, std::atoi(argv[++k]));
        } else if (arg == "--budget-ms" && has1) {
            o.budgetMs = std::atof(argv[++k]);
        } else if (arg == "--only" && has1) {
            o.only = argv[++k];
        } else if (arg == "--once") {
            o.once = true;
        } else if (arg == "--workload" && has2) {
            o.workloads.push_back({argv[k + 1], argv[k + 2]});
            k += 2;
        } else if (arg == "--list-workload" && has2) {
            o.workloads.push_back({argv[k + 1], "", std::atol(argv[k + 2])});
            k += 2;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: polar_bench [--repeats N] [--budget-ms MS] [--only NAME] [--once]\n"
                         "                   [--workload NAME QUERY]... [--list-workload NAME N]... [files...]\n"
                         "Prints one JSON line per workload: name, median_ms, median_cpu_ms, runs\n"
                         "(--once: name, ms, cpu_ms, warm_cpu_ms, load_ms, steps, max_depth, peak_rss_kib).\n";
            std::exit(0);
        } else if (!arg.empty() && arg[0] == '-') {
            std::cerr << "polar_bench: unknown or incomplete option " << arg << " (see --help)\n";
            return false;
        } else {
            o.files.push_back(arg);
        }
    }
    if (o.files.empty()) o.files.push_back("bench/programs.polar");
    if (o.workloads.empty()) o.workloads = defaultWorkloads();
    return true;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) return 2;
    polar::Polar polar;
    // Benchmarks are long by design; the 30 s default would cut fib(25) short
    // on a busy machine. The caller bounds every run with its own timeout.
    polar.limits().timeout = std::chrono::milliseconds(0);
    try {
        const auto loadStart = std::chrono::steady_clock::now();
        for (const auto& file : o.files) polar.loadFile(file);
        o.loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();
        for (const auto& w : o.workloads) {
            if (!o.only.empty() && w.name != o.only) continue;
            measure(polar, w, o);
            std::fflush(stdout);
        }
    } catch (const polar::Error& e) {
        std::cerr << e.format() << "\n";
        return 2;
    }
    return 0;
}
