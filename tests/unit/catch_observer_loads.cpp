// Observer hooks for loads: what a live-coding loop tells its listeners.
// A source that loads is reported once, after its rules (and inline queries)
// are in, with a hash of its text; a source that is refused is reported with
// its error before the caller sees the exception, and the rules loaded
// before it still stand.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <polar/polar.hpp>

namespace {

class LoadRecorder : public polar::Observer {
public:
    struct Load {
        std::string file;
        std::uint64_t hash;
        std::size_t bytes, rules;
    };
    struct Refusal {
        std::string file, name;
        int line = 0, column = 0;
    };
    std::vector<Load> loads;
    std::vector<Refusal> refusals;
    std::vector<std::string> order;

    void onPolicyLoad(const polar::PolicyLoadEvent& e) override {
        loads.push_back({std::string(e.filename), e.hash, e.bytes, e.rules});
        order.push_back("load");
    }
    void onPolicyError(const polar::PolicyErrorEvent& e) override {
        Refusal r{std::string(e.filename), e.error.name()};
        if (e.error.location()) {
            r.line = e.error.location()->line;
            r.column = e.error.location()->column;
        }
        refusals.push_back(r);
        order.push_back("refused");
    }
    void onQueryBegin(const polar::QueryBeginEvent&) override { order.push_back("query"); }
};

} // namespace

TEST_CASE("Loads are reported to observers", "[observer][load]") {
    polar::Polar p;
    LoadRecorder rec;
    p.addObserver(rec);

    SECTION("a good source: name, size, rules so far and a hash of the text") {
        p.loadString("f(1); f(2);", "a.polar");
        p.loadString("g(1);", "b.polar");
        REQUIRE(rec.loads.size() == 2);
        CHECK(rec.loads[0].file == "a.polar");
        CHECK(rec.loads[0].bytes == 11);
        CHECK(rec.loads[0].rules == 2);
        CHECK(rec.loads[1].rules == 3);
        CHECK(rec.loads[0].hash != rec.loads[1].hash);
        CHECK(rec.refusals.empty());
    }
    SECTION("the hash depends on the text alone") {
        p.loadString("f(1);", "a.polar");
        p.clearRules();
        p.loadString("f(1);", "renamed.polar");
        p.clearRules();
        p.loadString("f(2);", "a.polar");
        REQUIRE(rec.loads.size() == 3);
        CHECK(rec.loads[0].hash == rec.loads[1].hash);
        CHECK(rec.loads[0].hash != rec.loads[2].hash);
    }
    SECTION("inline queries run before the load is reported") {
        p.loadString("f(1); ?= f(1);", "a.polar");
        CHECK(rec.order == std::vector<std::string>{"query", "load"});
    }
    SECTION("a syntax error: reported with its place, nothing of it kept") {
        p.loadString("f(1);", "good.polar");
        CHECK_THROWS_AS(p.loadString("g(1);\ng(2) if ;", "bad.polar"), polar::Error);
        REQUIRE(rec.refusals.size() == 1);
        CHECK(rec.refusals[0].file == "bad.polar");
        CHECK(rec.refusals[0].name.rfind("ParseError::", 0) == 0);
        CHECK(rec.refusals[0].line == 2);
        CHECK(rec.refusals[0].column > 0);
        CHECK(rec.loads.size() == 1);
        CHECK(p.query("f(1)").next().has_value());
        // g was in the refused source only: Polar knows no rule g.
        CHECK_THROWS_WITH(p.query("g(1)").next(), Catch::Contains("undefined rule"));
    }
    SECTION("a file that cannot be read is refused too") {
        const std::string missing = "polar-observer-loads-missing.polar";
        std::remove(missing.c_str());
        CHECK_THROWS_AS(p.loadFile(missing), polar::Error);
        REQUIRE(rec.refusals.size() == 1);
        CHECK(rec.refusals[0].file == missing);
        CHECK(rec.refusals[0].name == "OperationalError::FileLoading");
    }
    SECTION("a file loads under its path") {
        const std::string path = "polar-observer-loads.polar";
        std::ofstream(path) << "h(1);\n";
        p.loadFile(path);
        std::remove(path.c_str());
        REQUIRE(rec.loads.size() == 1);
        CHECK(rec.loads[0].file == path);
        CHECK(rec.loads[0].bytes == 6);
    }
}
