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

TEST_CASE("Event texts can be cut to a budget as they are printed", "[observer]") {
    // An observer that keeps 1,024 bytes (the OSC broadcaster) must not pay
    // for printing a whole long list at every call that holds it.
    struct TextTaker : polar::Observer {
        std::size_t budget = 0;
        std::vector<std::string> goals, whole, results;
        void onRuleCall(const polar::RuleCallEvent& e) override {
            goals.push_back(e.detail->goalText(budget));
            whole.push_back(e.detail->goalText());
        }
        void onResult(const polar::ResultEvent& e) override {
            for (const auto& [name, text] : e.detail->bindings(budget)) results.push_back(name + "=" + text);
        }
    };
    polar::Polar p;
    p.loadString("len([], 0); len([_, *t], n) if len(t, m) and n = m + 1;");
    TextTaker taker;
    p.addObserver(taker);

    SECTION("a long goal ends in ... within the budget") {
        taker.budget = 40;
        auto results = p.query("x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] and len(x, n)").collect();
        REQUIRE(results.size() == 1);
        REQUIRE(!taker.goals.empty());
        CHECK(taker.goals.front() == "len([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1...");
        CHECK(taker.goals.front().size() == 40);
        CHECK(taker.whole.front() == "len([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], _" +
                                         taker.whole.front().substr(taker.whole.front().rfind('_') + 1));
        // A short goal is untouched: the last call, len([], m).
        CHECK(taker.goals.back() == taker.whole.back());
        CHECK(std::find(taker.results.begin(), taker.results.end(), "n=16") != taker.results.end());
        CHECK(std::find_if(taker.results.begin(), taker.results.end(), [](const std::string& r) {
                  return r.rfind("x=[1, 2, 3", 0) == 0 && r.size() == 2 + 40 && r.ends_with("...");
              }) != taker.results.end());
    }
    SECTION("a multi-byte character is never cut in half") {
        taker.budget = 12;
        auto results = p.query("x = [\"ééééééééé\"] and len(x, n)").collect();
        REQUIRE(results.size() == 1);
        // 12 bytes leave 9 before "...": len([" is 6, é is 2 more, and
        // byte 9 would be the first half of the second é — so it goes.
        CHECK(taker.goals.front() == "len([\"é...");
    }
}

TEST_CASE("Tracer follows Oso for conjunctions, dead ends and bare successes", "[observer][tracer]") {
    polar::Polar p;
    p.loadString("f(1); g(x) if f(x);", "t.polar");
    std::ostringstream out;
    polar::Tracer tracer(out, "[polar]");
    p.addObserver(tracer);
    p.query("g(2) or g(1)").collect();
    // Oso 0.27.3 prints the same lines, one space further in after its
    // `[oso][info]` prefix (POLAR_LOG=1, loadStr).
    CHECK(out.str() ==
          "[polar]    QUERY RULE: g(2)\n"
          "[polar]      APPLICABLE_RULES:\n"
          "[polar]        g(x) at line 1, column 7\n"
          "[polar]      RULE: g(x) if f(x);\n"
          "[polar]        QUERY RULE: f(2)\n"
          "[polar]          No matching rules found\n"
          "[polar]    QUERY RULE: g(1)\n"
          "[polar]      APPLICABLE_RULES:\n"
          "[polar]        g(x) at line 1, column 7\n"
          "[polar]      RULE: g(x) if f(x);\n"
          "[polar]        QUERY RULE: f(1)\n"
          "[polar]          APPLICABLE_RULES:\n"
          "[polar]            f(1) at line 1, column 1\n"
          "[polar]          RULE: f(1);\n"
          "[polar]  RESULT: SUCCESS\n");
}
