// catch_fmt_cli.cpp — `polar fmt` as a command (runFmt with string streams):
// stdin to stdout, --check, --diff, -w, and parse errors exiting 2 with the
// same report as `polar check`.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fmt_command.hpp"
#include "output.hpp"

using namespace polar::cli;

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run fmt(FmtOptions options, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = runFmt(options, in, out, err);
    return {code, out.str(), err.str()};
}

std::filesystem::path tempPolicy(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("polar_fmt_test_" + name + ".polar");
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("polar fmt filters stdin to stdout", "[fmt]") {
    const Run r = fmt({}, "f( 1 ) ;\n");
    CHECK(r.code == kExitOk);
    CHECK(r.out == "f(1);\n");
    CHECK(r.err.empty());
}

TEST_CASE("polar fmt --check names the files that would change and exits 1", "[fmt]") {
    const auto messy = tempPolicy("messy", "f( 1 ) ;\n");
    const auto tidy = tempPolicy("tidy", "f(1);\n");
    FmtOptions o;
    o.check = true;
    o.files = {tidy.string()};
    CHECK(fmt(o).code == kExitOk);
    o.files = {messy.string(), tidy.string()};
    const Run r = fmt(o);
    CHECK(r.code == 1);
    CHECK(r.out == "would reformat " + messy.string() + "\n");
    CHECK(slurp(messy) == "f( 1 ) ;\n");  // --check changes nothing
}

TEST_CASE("polar fmt --diff prints a unified diff", "[fmt]") {
    const auto messy = tempPolicy("diff", "a(1);\nf( 1 ) ;\nb(2);\n");
    FmtOptions o;
    o.diff = true;
    o.files = {messy.string()};
    const Run r = fmt(o);
    CHECK(r.code == kExitOk);
    CHECK(r.out == "--- a/" + messy.string() + "\n+++ b/" + messy.string() +
                       "\n@@ -1,3 +1,3 @@\n a(1);\n-f( 1 ) ;\n+f(1);\n b(2);\n");
}

TEST_CASE("polar fmt -w rewrites the files that change", "[fmt]") {
    const auto messy = tempPolicy("write", "f( 1 ) ;\n");
    FmtOptions o;
    o.write = true;
    o.files = {messy.string()};
    const Run r = fmt(o);
    CHECK(r.code == kExitOk);
    CHECK(r.out.empty());
    CHECK(slurp(messy) == "f(1);\n");
}

TEST_CASE("polar fmt reports a parse error as polar check does and exits 2", "[fmt]") {
    const auto bad = tempPolicy("bad", "f(x) if x = ;\n");
    FmtOptions o;
    o.files = {bad.string()};
    const Run r = fmt(o);
    CHECK(r.code == kExitError);
    CHECK(r.out.empty());
    CHECK(r.err == bad.string() + ":1:13: error: did not expect to find the token ';'\n    f(x) if x = ;\n                ^\n");
}

TEST_CASE("polar fmt --width changes where lines break", "[fmt]") {
    FmtOptions o;
    o.width = 20;
    CHECK(fmt(o, "allow(a, b) if f(a) and g(b);\n").out == "allow(a, b) if\n    f(a) and\n    g(b);\n");
}

TEST_CASE("polar fmt leaves a file marked '# polar fmt: off' as it is", "[fmt]") {
    const std::string broken = "# polar fmt: off (a test's bad input)\nf(x) if x = ;\n";
    const std::string messy = "# A header.\n# polar fmt: off\nf(x)   if\n  g(x);\n";
    const auto a = tempPolicy("off_broken", broken), b = tempPolicy("off_messy", messy),
               c = tempPolicy("off_not", "f(x)   if g(x);\n");
    SECTION("--check counts them as formatted, and says how many it left alone") {
        FmtOptions o;
        o.check = true;
        o.files = {a.string(), b.string(), c.string()};
        const Run r = fmt(o);
        CHECK(r.code == 1);  // only the third would change
        CHECK(r.out == "would reformat " + c.string() + "\n");
        CHECK(r.err == "polar fmt: 3 files, 1 would be reformatted, 2 left alone (# polar fmt: off)\n");
    }
    SECTION("-w does not touch them") {
        FmtOptions o;
        o.write = true;
        o.files = {a.string(), b.string(), c.string()};
        CHECK(fmt(o).code == kExitOk);
        CHECK(slurp(a) == broken);
        CHECK(slurp(b) == messy);
        CHECK(slurp(c) == "f(x) if g(x);\n");
    }
    SECTION("stdin is copied through") {
        CHECK(fmt(FmtOptions{}, messy).out == messy);
    }
    SECTION("the marker counts only in the opening comments") {
        CHECK(fmt(FmtOptions{}, "f(x)   if g(x);\n# polar fmt: off\n").out == "f(x) if g(x);\n# polar fmt: off\n");
        CHECK(fmt(FmtOptions{}, "# polar fmt: offside\nf(x)   if g(x);\n").out == "# polar fmt: offside\nf(x) if g(x);\n");
    }
    std::filesystem::remove(a);
    std::filesystem::remove(b);
    std::filesystem::remove(c);
}
