// catch_cli_live.cpp — the pieces of `polar live` that need no process:
// the pass grid (pure arithmetic on time points, so no sleeping), the
// --queries file format, and a LiveSession reloading a policy that turns
// bad and good again. The loop itself (inotify, signals, OSC) is tested on
// the real binary by tests/cli/live/run_live_tests.sh.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "live_session.hpp"
#include "pass_scheduler.hpp"
#include "query_list.hpp"

using polar::cli::PassScheduler;
using namespace std::chrono_literals;

TEST_CASE("The pass grid keeps passes on the beat", "[cli][live]") {
    const PassScheduler::Clock::time_point t0{};
    SECTION("back to back: the next pass starts now") {
        PassScheduler scheduler;
        scheduler.first(t0);
        CHECK(scheduler.next(t0 + 7ms) == t0 + 7ms);
    }
    SECTION("120 bpm, 4 beats: a pass every 2 s from the first") {
        PassScheduler scheduler = PassScheduler::grid(120, 4);
        CHECK(scheduler.period() == 2s);
        CHECK(scheduler.first(t0) == t0);
        CHECK(scheduler.next(t0 + 300ms) == t0 + 2s);
        CHECK(scheduler.next(t0 + 2s + 10ms) == t0 + 4s);
        CHECK(scheduler.skipped() == 0);
    }
    SECTION("an overrun skips the missed grid points instead of bunching passes") {
        PassScheduler scheduler(100ms);
        scheduler.first(t0);
        CHECK(scheduler.next(t0 + 350ms) == t0 + 400ms);
        CHECK(scheduler.skipped() == 3);  // 100, 200 and 300 ms were missed
        CHECK(scheduler.next(t0 + 400ms) == t0 + 500ms);
    }
}

TEST_CASE("A --queries file: one query per line, # comments", "[cli][live]") {
    const auto queries = polar::cli::parseQueryList("# drums\nf(x);\n\n  g(1, y)  \n# x = 1\nx = \"#1\"");
    REQUIRE(queries.size() == 3);
    CHECK(queries[0] == "f(x)");
    CHECK(queries[1] == "g(1, y)");
    CHECK(queries[2] == "x = \"#1\"");
}

TEST_CASE("A bad reload keeps the last good policy running", "[cli][live]") {
    const std::string path = "catch_cli_live_policy.polar";
    auto write = [&](const char* text) {
        std::ofstream(path) << text;
    };
    write("f(1);\n");
    polar::cli::LiveSession session({path}, {}, {});
    session.setQueries({"f(x)"});
    std::ostringstream out, err;
    auto never = [] { return false; };
    REQUIRE(session.reload(err));
    session.runPass({}, out, err, never);
    write("f(1);\nf(x) if x = ;\n");
    CHECK_FALSE(session.reload(err));
    CHECK(err.str().find(path + ":2:") != std::string::npos);
    session.runPass({}, out, err, never);
    write("f(2);\n");
    REQUIRE(session.reload(err));
    session.runPass({}, out, err, never);
    CHECK(out.str() == "#1 f(x): x = 1\n#2 f(x): x = 1\n#3 f(x): x = 2\n");
    CHECK(session.counters().reloads == 1);
    CHECK(session.counters().loadErrors == 1);
    std::remove(path.c_str());
}
