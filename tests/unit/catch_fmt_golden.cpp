// catch_fmt_golden.cpp — `polar fmt`'s layouts pinned down, one golden file
// per construct and comment placement (tests/unit/golden/fmt/README.md).
// The guarantees (meaning, idempotence, comments, width) are checked on
// these files too, by catch_fmt_guarantees.cpp's walk of tests/.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "format/format.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("polar fmt gives the golden output for each construct", "[fmt]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(POLAR_TEST_DIR) / "golden" / "fmt";
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".input") continue;
        ++count;
        fs::path expectedPath = entry.path();
        expectedPath.replace_extension(".expected");
        INFO(entry.path().filename().string());
        REQUIRE(fs::exists(expectedPath));
        const std::string expected = slurp(expectedPath);
        CHECK(polar::fmt::formatPolar(slurp(entry.path())) == expected);
        CHECK(polar::fmt::formatPolar(expected) == expected);
        // NAME.w60.expected, when there is one: the same input at width 60.
        fs::path narrowPath = entry.path();
        narrowPath.replace_extension(".w60.expected");
        if (fs::exists(narrowPath)) {
            const std::string narrow = slurp(narrowPath);
            CHECK(polar::fmt::formatPolar(slurp(entry.path()), {60}) == narrow);
            CHECK(polar::fmt::formatPolar(narrow, {60}) == narrow);
        }
    }
    CHECK(count >= 10);
}

TEST_CASE("polar fmt: the 80-column boundary", "[fmt]") {
    // `boundary(x) if ` + call + ` and g(x);`: n columns in all.
    auto rule = [](std::size_t n) {
        const std::string head = "boundary(x) if f(\"", tail = "\") and g(x);";
        return head + std::string(n - head.size() - tail.size(), 'a') + tail + "\n";
    };
    CHECK(polar::fmt::formatPolar(rule(79)) == rule(79));
    CHECK(polar::fmt::formatPolar(rule(80)) == rule(80));
    CHECK(polar::fmt::formatPolar(rule(81)).find(" if\n    f(\"") != std::string::npos);
    CHECK(polar::fmt::formatPolar(rule(81), {81}) == rule(81));
}
