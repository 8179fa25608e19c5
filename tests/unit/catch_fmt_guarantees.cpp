// catch_fmt_guarantees.cpp — what `polar fmt` promises (meaning,
// idempotence, comments, width: fmt_guarantees.hpp), on every .polar file
// of the repository (examples, conformance cases, fixtures, golden
// inputs...), found by walking the source tree so new files are covered
// without editing this test; checked at widths 40, 80 and 120, and at 20
// (the narrowest) for all but the width, since a few two- or three-token
// constructs that never break do not fit there. The property test
// (catch_fmt_property.cpp) checks the same on generated policies.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fmt_guarantees.hpp"
#include "format/format.hpp"

using polar::testing::checkFormatGuarantees;
using polar::testing::loadOutcome;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::filesystem::path> repositoryPolicies() {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(POLAR_TEST_DIR).parent_path().parent_path();
    std::vector<fs::path> out;
    for (const char* dir : {"examples", "tests", "bench", "cli", "docs"}) {
        if (!fs::exists(root / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root / dir))
            // .input: the formatter's golden inputs (tests/unit/golden/fmt).
            if (e.is_regular_file() && (e.path().extension() == ".polar" || e.path().extension() == ".input"))
                out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void checkGuarantees(const std::filesystem::path& path, int width, bool checkWidth = true) {
    checkFormatGuarantees(slurp(path), path.string(), width, checkWidth);
}

} // namespace

TEST_CASE("polar fmt keeps meaning, comments and width on every .polar file of the repository", "[fmt]") {
    const auto files = repositoryPolicies();
    REQUIRE(files.size() > 100);
    for (const auto& path : files) checkGuarantees(path, 80);
}

TEST_CASE("polar fmt keeps meaning at narrow and wide widths too", "[fmt]") {
    for (const auto& path : repositoryPolicies()) {
        // The narrowest --width: meaning, idempotence and comments only. A
        // few constructs of two or three tokens never break (`resource Foo {`,
        // `key: Class`, `x: Specializer`) and are longer than 20 columns.
        checkGuarantees(path, 20, false);
        checkGuarantees(path, 40);
        checkGuarantees(path, 120);
    }
}

TEST_CASE("a formatted policy loads exactly when the original does", "[fmt]") {
    for (const auto& path : repositoryPolicies()) {
        if (path.string().find("hostile") != std::string::npos) continue;  // slow by design
        const std::string source = slurp(path);
        std::string out;
        try {
            out = polar::fmt::formatPolar(source);
        } catch (const polar::fmt::FormatError&) {
            continue;
        }
        INFO(path.string());
        CHECK(loadOutcome(out) == loadOutcome(source));
    }
}
