// Observer hooks: the exact event sequence of small queries, and the tracer.
#include <catch2/catch.hpp>

#include <sstream>

#include <polar/polar.hpp>
#include <polar/tracer.hpp>

namespace {

class Recorder : public polar::Observer {
public:
    std::vector<std::string> events;
    void onQueryBegin(const polar::QueryBeginEvent& e) override {
        events.push_back("begin " + std::string(e.predicate));
    }
    void onQueryEnd(const polar::QueryEndEvent& e) override {
        events.push_back("end results=" + std::to_string(e.results) + (e.failed ? " failed" : ""));
    }
    void onRuleCall(const polar::RuleCallEvent& e) override {
        events.push_back("call " + std::string(e.predicate) + "/" + std::to_string(e.arity) +
                         " depth=" + std::to_string(e.depth) + " applicable=" + std::to_string(e.applicable));
    }
    void onRuleEnter(const polar::RuleEnterEvent& e) override {
        events.push_back("enter #" + std::to_string(e.alternative) + " depth=" + std::to_string(e.depth));
    }
    void onDepthChange(const polar::DepthEvent& e) override {
        events.push_back("depth " + std::to_string(e.previous) + "->" + std::to_string(e.depth));
    }
    void onBranch(const polar::BranchEvent& e) override {
        events.push_back(std::string("branch ") + e.kind + " x" + std::to_string(e.alternatives));
    }
    void onBacktrack(const polar::BacktrackEvent& e) override {
        events.push_back("backtrack depth=" + std::to_string(e.depth));
    }
    void onResult(const polar::ResultEvent& e) override {
        events.push_back("result " + std::to_string(e.ordinal));
    }
    void onError(const polar::ErrorEvent& e) override { events.push_back("error " + e.error.name()); }
};

} // namespace

TEST_CASE("Observer sees the exact event sequence of a small query", "[observer]") {
    polar::Polar p;
    p.loadString("f(1); f(x) if x = 2;");
    Recorder rec;
    p.addObserver(rec);
    auto results = p.query("f(x)").collect();
    CHECK(results.size() == 2);
    CHECK(rec.events == std::vector<std::string>{
                            "begin f",
                            "call f/1 depth=0 applicable=2",
                            "branch rule x2",
                            "enter #0 depth=1",
                            "depth 0->1",
                            "depth 1->0",
                            "result 1",
                            // The choice point was made at depth 0, before the first rule ran.
                            "backtrack depth=0",
                            "enter #1 depth=1",
                            "depth 0->1",
                            "depth 1->0",
                            "result 2",
                            "end results=2",
                        });
}

TEST_CASE("Observer sees errors and negation's backtracking", "[observer]") {
    polar::Polar p;
    Recorder rec;
    p.addObserver(rec);
    SECTION("error") {
        CHECK_THROWS(p.query("x = 1 / 0 and y = 1 mod 0").next());
        CHECK(rec.events.back() == "end results=0 failed");
        CHECK(rec.events[rec.events.size() - 2] == "error RuntimeError::ArithmeticError");
    }
    SECTION("an or with two branches") {
        p.query("x = 1 or x = 2").collect();
        CHECK(rec.events == std::vector<std::string>{"begin or", "branch or x2", "result 1",
                                                     "backtrack depth=0", "result 2", "end results=2"});
    }
    SECTION("detaching stops the events") {
        p.removeObserver(rec);
        p.query("x = 1").collect();
        CHECK(rec.events.empty());
    }
}

TEST_CASE("Tracer prints Oso's POLAR_LOG layout", "[observer][tracer]") {
    polar::Polar p;
    p.loadString("f(1); f(x) if x = 2; g(x) if f(x) and x > 1;", "t.polar");
    std::ostringstream out;
    polar::Tracer tracer(out, "[polar]");
    p.addObserver(tracer);
    p.query("g(x)").collect();
    const std::string expected =
        "[polar]  QUERY RULE: g(_4)\n"
        "[polar]    APPLICABLE_RULES:\n"
        "[polar]      g(x) at line 1, column 22\n"
        "[polar]    RULE: g(x) if f(x) and x > 1;\n"
        "[polar]      QUERY RULE: f(_4)\n"
        "[polar]        APPLICABLE_RULES:\n"
        "[polar]          f(1) at line 1, column 1\n"
        "[polar]          f(x) at line 1, column 7\n"
        "[polar]        RULE: f(1);\n"
        "[polar]        RULE: f(x) if x = 2;\n"
        "[polar]  RESULT: {\n"
        "[polar]    x: 2\n"
        "[polar]  }\n";
    CHECK(out.str() == expected);
}
