// polar_bench — times the engine on the benchmark programs, in process and
// warm: each workload runs once to warm up, then `repeats` times; the median
// is reported. Output is one JSON object per line so scripts can compare
// builds (hooks in or out) and peers (Oso, SWI-Prolog) in one run.
//
//   polar_bench [--repeats N] [--only NAME] [programs.polar]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <polar/polar.hpp>

namespace {

struct Workload {
    std::string name;
    std::string query;
};

double medianMs(polar::Polar& polar, const std::string& query, int repeats) {
    std::vector<double> times;
    for (int k = 0; k <= repeats; ++k) {
        const auto start = std::chrono::steady_clock::now();
        auto q = polar.query(query);
        if (!q.next()) {
            std::cerr << "polar_bench: no answer for " << query << "\n";
            std::exit(2);
        }
        const auto end = std::chrono::steady_clock::now();
        if (k > 0) times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    int repeats = 5;
    std::string only;
    std::string programs = "bench/programs.polar";
    for (int k = 1; k < argc; ++k) {
        if (!std::strcmp(argv[k], "--repeats") && k + 1 < argc) {
            repeats = std::max(1, std::atoi(argv[++k]));
        } else if (!std::strcmp(argv[k], "--only") && k + 1 < argc) {
            only = argv[++k];
        } else if (!std::strcmp(argv[k], "--help") || !std::strcmp(argv[k], "-h")) {
            std::cout << "usage: polar_bench [--repeats N] [--only NAME] [programs.polar]\n"
                         "Prints one JSON line per workload: name, query, median_ms.\n";
            return 0;
        } else {
            programs = argv[k];
        }
    }
    polar::Polar polar;
    try {
        polar.loadFile(programs);
        std::string facts;
        for (int k = 0; k < 10000; ++k)
            facts += "fact(" + std::to_string(k) + ", " + std::to_string(k * 7) + ");\n";
        polar.loadString(facts, "<facts>");
    } catch (const polar::Error& e) {
        std::cerr << e.format() << "\n";
        return 2;
    }
    const std::vector<Workload> workloads = {
        {"fib15", "fib(15, _)"},
        {"fib20", "fib(20, _)"},
        {"fib25", "fib(25, _)"},
        {"nrev30x1000", "range(30, l) and nrev_times(1000, l)"},
        {"facts10k_lookup_x1000", "forall(i in [" + [] {
             std::string s;
             for (int k = 0; k < 1000; ++k) s += (k ? "," : "") + std::to_string((k * 9973) % 10000);
             return s;
         }() + "], fact(i, _))"},
        {"chain20", "chain20(_)"},
        {"in_list_100k", "range(100000, l) and 1 in l"},
    };
    for (const auto& w : workloads) {
        if (!only.empty() && w.name != only) continue;
        const double ms = medianMs(polar, w.query, repeats);
        std::printf("{\"name\":\"%s\",\"median_ms\":%.4f}\n", w.name.c_str(), ms);
        std::fflush(stdout);
    }
    return 0;
}
