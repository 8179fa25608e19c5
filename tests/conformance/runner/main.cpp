// main.cpp — polar_conformance: check one conformance file.
//
//   polar_conformance FILE.polar [--verbose]
//
// Loads FILE as a policy, checks `#!load` if present, runs every `#?` case
// and prints one report per failure, then `N passed, M failed`. Exits 1 on
// any failure, 2 when the file cannot be read. ctest runs one instance per
// file (tests/CMakeLists.txt), so a failing test names the file.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "case_file.hpp"
#include "case_runner.hpp"
#include "fixture_classes.hpp"
#include "polar/polar.hpp"

namespace {

// Policies may print(); the conformance format does not check output, and
// stray lines would only bury the reports.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
};

} // namespace

int main(int argc, char** argv) {
    using namespace polar::conformance;

    std::string path;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-v" || arg == "--verbose") {
            verbose = true;
        } else if (path.empty()) {
            path = arg;
        } else {
            path.clear();
            break;
        }
    }
    if (path.empty()) {
        std::cerr << "usage: polar_conformance FILE.polar [--verbose]\n";
        return 2;
    }

    std::ifstream in(path);
    if (!in) {
        std::cerr << "polar_conformance: cannot open " << path << '\n';
        return 2;
    }
    const CaseFile file = parseCaseFile(in);

    NullBuffer nullBuffer;
    std::ostream nullStream(&nullBuffer);
    polar::Polar polar;
    polar.setPrintStream(nullStream);
    // As tools/regen.js does with Oso: the fixture classes exist for every file.
    registerFixtureClasses(polar);

    int passed = 0;
    int failed = 0;
    auto record = [&](const CaseOutcome& outcome) {
        if (outcome.passed) {
            ++passed;
        } else {
            ++failed;
            std::cout << outcome.report << '\n';
        }
    };
    for (const std::string& problem : file.problems) {
        record({false, path + ": malformed: " + problem + '\n'});
    }

    std::optional<polar::Error> loadError;
    try {
        polar.loadFile(path);
    } catch (const polar::Error& error) {
        loadError = error;
    }
    if (file.load || loadError) {
        record(checkLoad(file.load, loadError ? &*loadError : nullptr, path));
    }

    if (loadError) {
        // Nothing of the file is loaded, so its cases cannot say anything.
        if (!file.cases.empty()) {
            std::cout << path << ": " << file.cases.size()
                      << " case(s) not run because loading failed\n";
            if (!file.load) {
                failed += static_cast<int>(file.cases.size());
            }
        }
    } else {
        for (const Case& testCase : file.cases) {
            if (verbose) {
                std::cout << path << ':' << testCase.line << ": " << testCase.query << '\n';
            }
            record(runCase(polar, testCase, path));
        }
    }

    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
