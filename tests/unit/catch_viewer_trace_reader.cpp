// Reading a POLAR_LOG trace back (viewer/scene/trace_reader.hpp): the tree
// built from a query's trace is the tree built from its live events, for
// our trace and for Oso's.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <polar/polar.hpp>
#include <polar/tracer.hpp>

#include "polar/viewer/search_tree.hpp"
#include "polar/viewer/trace_reader.hpp"
#include "viewer_tree_support.hpp"

using namespace polar::viewer;

namespace {

// The tree of `query` on `policy`, live and from the trace.
std::pair<std::string, std::string> bothTrees(const std::string& policy, const std::string& query) {
    polar::Polar p;
    p.loadString(policy);
    SceneFeed feed;
    std::ostringstream trace;
    polar::Tracer tracer(trace, "[polar][info]");
    p.addObserver(feed);
    p.addObserver(tracer);
    p.query(query).collect();
    std::istringstream in(trace.str());
    SearchTree fromTrace;
    for (const SceneEvent& e : readTrace(in)) fromTrace.apply(e);
    return {feed.tree.dump(), fromTrace.dump()};
}

} // namespace

TEST_CASE("Trace reader: the trace's tree is the live tree", "[viewer][trace]") {
    const auto check = [](const std::string& policy, const std::string& query) {
        INFO(policy << "  ?= " << query);
        const auto [live, traced] = bothTrees(policy, query);
        CHECK(traced == live);
        CHECK(live.find("call") != std::string::npos);
    };
    check("f(1); f(2); f(3); g(x) if f(x) and x > 1; h(x) if g(x) or x = 9;", "h(x)");
    check("f(1); f(2); g(x) if f(x) and f(y) and y = 2 and x = 2;", "g(x)");
    check("f(1); g(x) if f(x);", "g(2) or g(1)");  // a dead end: no rule applies
    check("f(1); g(x) if x = 1;", "f(1) and g(1)");  // a conjunction query
    check("a(1); a(2); b(x) if a(x) and cut; c(x) if b(x) or a(x);", "c(x)");
    check("len([], 0); len([_, *t], n) if len(t, m) and n = m + 1;", "len([1, 2, 3, 4], n)");
}

TEST_CASE("Trace reader: Oso's own trace rides too", "[viewer][trace]") {
    // POLAR_LOG=1 from Oso 0.27.3 (npm) for h(x) on the first policy above:
    // a separator space after the prefix, and an `or` indents two further.
    const std::string oso = R"([oso][info]   QUERY RULE: h(x)
[oso][info]     APPLICABLE_RULES:
[oso][info]       h(x) at line 5, column 1
[oso][info]     RULE: h(x) if (g(x) or x = 9);
[oso][info]         QUERY RULE: g(_x_5)
[oso][info]           APPLICABLE_RULES:
[oso][info]             g(x) at line 4, column 1
[oso][info]           RULE: g(x) if f(x) and x > 1;
[oso][info]             QUERY RULE: f(_x_7)
[oso][info]               APPLICABLE_RULES:
[oso][info]                 f(1) at line 1, column 1
[oso][info]                 f(2) at line 2, column 1
[oso][info]                 f(3) at line 3, column 1
[oso][info]               RULE: f(1);
[oso][info]               RULE: f(2);
[oso][info]   RESULT: {
[oso][info]     x: 2
[oso][info]   }
[ [ 'x', 2 ] ]
[oso][info]               RULE: f(3);
[oso][info]   RESULT: {
[oso][info]     x: 3
[oso][info]   }
[oso][info]   RESULT: {
[oso][info]     x: 9
[oso][info]   }
)";
    std::istringstream in(oso);
    TraceCounters counters;
    SearchTree fromOso;
    const auto events = readTrace(in, &counters);
    for (const SceneEvent& e : events) fromOso.apply(e);
    const auto [live, traced] = bothTrees("f(1);\nf(2);\nf(3);\ng(x) if f(x) and x > 1;\nh(x) if g(x) or x = 9;\n", "h(x)");
    CHECK(fromOso.dump() == live);
    CHECK(counters.skipped == 1);  // the program's own output line
    CHECK(counters.orphans == 0);
    // The values a hover shows: the goal, the rule's text, the bindings.
    CHECK(events[1].values == "h(x)");
    CHECK(events[2].values == "h(x) if (g(x) or x = 9);");
    CHECK(std::count_if(events.begin(), events.end(), [](const SceneEvent& e) {
              return e.kind == EventKind::Result && e.values == "{x: 2}";
          }) == 1);
}

TEST_CASE("Trace reader: hostile traces", "[viewer][trace]") {
    SECTION("junk, cut lines and [trace] lines make no events") {
        std::istringstream in("hello\n[\n[oso][trace] Query(f(x))\n[oso][info]\n[a][b]   RULE: x;\n\n" +
                              std::string(200000, 'x') + "\n");
        TraceCounters counters;
        const auto events = readTrace(in, &counters);
        CHECK(counters.lines == 7);
        for (const SceneEvent& e : events) CHECK(e.kind == EventKind::RuleEnter);  // the lone RULE: an orphan
        CHECK(counters.orphans == 1);
    }
    SECTION("a line of megabytes costs what 64 KiB do") {
        std::istringstream in("[oso][info]   QUERY RULE: f(" + std::string(3'000'000, 'a') + ")\n");
        const auto events = readTrace(in);
        REQUIRE(events.size() == 3);  // begin, the call, end
        CHECK(events[1].values.size() < 70'000);
    }
    SECTION("RULE lines deeper than any call hang from the nearest open call") {
        std::istringstream in("[oso][info]   QUERY RULE: f(1)\n[oso][info]     APPLICABLE_RULES:\n"
                              "[oso][info]       f(1) at line 1, column 1\n[oso][info]             RULE: f(1);\n");
        TraceCounters counters;
        SearchTree tree;
        for (const SceneEvent& e : readTrace(in, &counters)) tree.apply(e);
        CHECK(counters.orphans == 0);
        CHECK(tree.counters().entries == 1);
    }
}
