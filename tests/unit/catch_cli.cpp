// catch_cli.cpp — the `polar` command's output format and REPL loop.
//
// The process-level behaviour (exit codes, --help) is tested on the real
// binary by tests/cli/run_cli_tests.sh; here the pieces are driven with
// string streams, which pins the exact text.
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "limit_options.hpp"
#include "output.hpp"
#include "polar/polar.hpp"
#include "repl.hpp"

using polar::cli::formatPlain;
using polar::cli::replQueryText;
using polar::cli::runRepl;

TEST_CASE("Answers print as name = value pairs", "[cli]") {
    SECTION("no bindings") {
        CHECK(formatPlain(polar::Bindings{}) == "true");
    }
    SECTION("bindings in query order, written as Polar") {
        polar::Bindings bindings;
        bindings.set("y", polar::Value("a"));
        bindings.set("x", polar::Value(polar::Value::List{1, 2.5}));
        CHECK(formatPlain(bindings) == R"(y = "a", x = [1, 2.5])");
    }
}

TEST_CASE("REPL input lines become queries", "[cli][repl]") {
    CHECK(replQueryText("  f(x);  ") == "f(x)");
    CHECK(replQueryText("f(x) ;;") == "f(x)");
    CHECK(replQueryText("   ") == "");
    CHECK(replQueryText("x = \"a;\"") == "x = \"a;\"");
}

TEST_CASE("The REPL answers each line and survives errors", "[cli][repl]") {
    polar::Polar polar;
    polar.loadString("f(1); f(2);");
    std::istringstream in("f(x)\n\nf(3);\n1 = 1\nx = 9223372036854775807 + 1\nquit\nf(1)\n");
    std::ostringstream out;
    std::ostringstream err;

    REQUIRE(runRepl(polar, in, out, err, /*showPrompt=*/false) == 0);

    CHECK(out.str() == "x = 1\nx = 2\ntrue\nfalse\ntrue\n");  // stops at quit
    CHECK(err.str().find("error") != std::string::npos);
}

TEST_CASE("The REPL prompts only when asked to", "[cli][repl]") {
    polar::Polar polar;
    std::istringstream in("1 = 1\n");
    std::ostringstream out;
    std::ostringstream err;
    runRepl(polar, in, out, err, /*showPrompt=*/true);
    CHECK(out.str() == "query> true\nquery> \n");
}

TEST_CASE("The limit options set the engine's Limits", "[cli][limits]") {
    polar::Polar polar;
    polar::cli::LimitCliOptions options;
    SECTION("unset options keep the engine's defaults") {
        const polar::Limits defaults = polar.limits();
        polar::cli::applyLimits(options, polar);
        CHECK(polar.limits().maxHeapBytes == defaults.maxHeapBytes);
        CHECK(polar.limits().timeout == defaults.timeout);
    }
    SECTION("each option reaches its field; 0 disables") {
        options.timeout = "250us"; // rounded up: never "no limit" by accident
        options.maxDepth = 7;
        options.maxSteps = 0;
        options.maxMemory = 512ULL << 20;
        polar::cli::applyLimits(options, polar);
        CHECK(polar.limits().timeout == std::chrono::milliseconds(1));
        CHECK(polar.limits().maxDepth == 7);
        CHECK(polar.limits().maxSteps == 0);
        CHECK(polar.limits().maxHeapBytes == 512ULL << 20);
        options.maxMemory = 0;
        options.timeout = "0s";
        polar::cli::applyLimits(options, polar);
        CHECK(polar.limits().maxHeapBytes == 0);
        CHECK(polar.limits().timeout == std::chrono::milliseconds(0));
    }
    SECTION("a bad timeout names its cap") {
        options.timeout = "7200s";
        try {
            polar::cli::applyLimits(options, polar);
            FAIL("expected an error");
        } catch (const polar::Error& error) {
            CHECK(error.message() == "--timeout: must be 0 (none) or between 1us and 1h (a cap), got 7200s");
        }
    }
}
