// Observer hooks: every rule entry names the call it is an alternative of
// (RuleCallEvent::call, RuleEnterEvent::call), even when the search resumes
// it after backtracking through calls of the same name at the same depth.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <polar/polar.hpp>

namespace {

class CallRecorder : public polar::Observer {
public:
    std::vector<std::string> events;
    void onRuleCall(const polar::RuleCallEvent& e) override {
        events.push_back("call #" + std::to_string(e.call) + " " + std::string(e.predicate));
    }
    void onRuleEnter(const polar::RuleEnterEvent& e) override {
        events.push_back("enter #" + std::to_string(e.call) + " alt " + std::to_string(e.alternative) +
                         "/" + std::to_string(e.alternatives));
    }
};

} // namespace

TEST_CASE("Rule entries name their call, resumed ones included", "[observer]") {
    polar::Polar p;
    // Two calls of f at the same depth: the second fails for x = 1, so the
    // search backtracks into the *first* call's second alternative.
    p.loadString("f(1); f(2); g(x) if f(x) and f(y) and y = 2 and x = 2;");
    CallRecorder rec;
    p.addObserver(rec);
    auto results = p.query("g(x)").collect();
    REQUIRE(results.size() == 1);
    CHECK(rec.events == std::vector<std::string>{
                            "call #1 g", "enter #1 alt 0/1",
                            "call #2 f", "enter #2 alt 0/2",
                            "call #3 f", "enter #3 alt 0/2",
                            "enter #3 alt 1/2",  // y = 2 holds, x = 2 fails
                            "enter #2 alt 1/2",  // back into the first f
                            "call #4 f", "enter #4 alt 0/2", "enter #4 alt 1/2",
                        });
}

TEST_CASE("Call ordinals restart with each query and survive a cut", "[observer]") {
    polar::Polar p;
    p.loadString("f(1); f(2); h(x) if f(x) and cut; k(x) if h(x) or f(x);");
    CallRecorder rec;
    p.addObserver(rec);
    auto results = p.query("k(x)").collect();
    CHECK(results.size() == 3);
    CHECK(rec.events == std::vector<std::string>{
                            "call #1 k", "enter #1 alt 0/1",
                            "call #2 h", "enter #2 alt 0/1",
                            "call #3 f", "enter #3 alt 0/2",  // the cut drops f's choice point
                            "call #4 f", "enter #4 alt 0/2", "enter #4 alt 1/2",
                        });
    rec.events.clear();
    p.query("f(x)").collect();
    CHECK(rec.events.front() == "call #1 f");
}
