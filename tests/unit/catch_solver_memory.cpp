// The solver's memory: the heap is garbage-collected (engine/src/machine_gc.cpp),
// so a query's heap follows what is reachable — its depth and live data —
// not the number of steps it ran; and collections never change an answer.
#include <catch2/catch.hpp>

#include <polar/polar.hpp>

namespace {

const char* const kProgram =
    "count(0); count(n) if n > 0 and count(n - 1);"
    "fib(0, 0); fib(1, 1); fib(n, r) if n > 1 and fib(n - 1, a) and fib(n - 2, b) and r = a + b;"
    "range(0, []); range(n, [n, *t]) if n > 0 and range(n - 1, t);"
    "app([], l, l); app([h, *t], l, [h, *r]) if app(t, l, r);"
    "nrev([], []); nrev([h, *t], r) if nrev(t, rt) and app(rt, [h], r);"
    "len([], 0); len([_, *t], n) if len(t, m) and n = m + 1;"
    "edge(1, 2); edge(2, 3); edge(3, 4);"
    "path(a, b) if edge(a, b); path(a, b) if edge(a, c) and path(c, b);"
    "pick(x) if x in [1, 2, 3] and count(300);"
    "either(x) if (count(200) and x = 1) or (count(200) and x = 2);"
    "first(x) if x in [7, 8] and count(100) and cut;";

std::vector<std::string> answers(polar::Polar& p, const std::string& q) {
    std::vector<std::string> out;
    for (const auto& r : p.query(q)) out.push_back(r.toJson());
    return out;
}

std::size_t peakCells(polar::Polar& p, const std::string& q) {
    auto query = p.query(q);
    REQUIRE(query.next());
    return query.peakHeapCells();
}

} // namespace

TEST_CASE("A deterministic loop's heap does not grow with its steps", "[solver][memory]") {
    polar::Polar p;
    p.loadString(kProgram);
    // 300,000 levels take 2 cells each (argument, frame): 600,000 cells
    // without collection. Only the current level is reachable. (A recursion
    // that is not a last call may still grow to about half a cell per level:
    // a collection walks the goal stack, one goal per level, and so waits
    // for as much garbage.)
    SECTION("collected") { CHECK(peakCells(p, "count(300000)") < 200000); }
    SECTION("not collected (Limits::gcMinCells = 0), for contrast") {
        p.limits().gcMinCells = 0;
        CHECK(peakCells(p, "count(300000)") > 600000);
    }
}

TEST_CASE("A last call pushes no goal of its own", "[solver][memory]") {
    polar::Polar p;
    p.loadString(kProgram);
    // count's recursive call is the last goal of its body, so the 300,000
    // levels share one ExitRule goal (Machine::pushExit): the goal stack
    // stays short, and so the collector runs at its minimum threshold
    // (Limits::gcMinCells = 65,536 cells) instead of waiting for garbage as
    // large as a 300,000-goal stack (about 150,000 cells before).
    CHECK(peakCells(p, "count(300000)") < 70000);
    // The depth still counts every level: the limit stops it at the same call.
    p.limits().maxDepth = 1000;
    CHECK(answers(p, "count(999)").size() == 1);
    CHECK_THROWS(answers(p, "count(1000)"));
}

TEST_CASE("Repeated list work keeps only the live lists", "[solver][memory]") {
    polar::Polar p;
    p.loadString(kProgram);
    p.loadString("nrev_times(0, _); nrev_times(n, l) if n > 0 and nrev(l, _) and nrev_times(n - 1, l);");
    // 300 reverses of a 30-element list: about 1,500 cells each, 450,000 in all.
    CHECK(peakCells(p, "range(30, l) and nrev_times(300, l)") < 100000);
}

TEST_CASE("fib keeps memory proportional to its depth", "[solver][memory]") {
    polar::Polar p;
    p.loadString(kProgram);
    // fib(22) makes 57,313 calls. With collection the heap holds only the
    // 22 open levels; fib(1, a) leaves no choice point behind (the third rule's
    // guard `n > 1` rules it out), so nothing pins the dead calls' cells.
    CHECK(answers(p, "fib(22, r)") == std::vector<std::string>{R"({"r":17711})"});
    CHECK(peakCells(p, "fib(22, r)") < 100000);
}

TEST_CASE("Collections between every few goals do not change answers", "[solver][memory]") {
    // Collecting every 64 cells moves every term many times: under choice
    // points, deferred constraints, negation, cut and `in`.
    const std::vector<std::string> queries = {
        "range(300, l) and nrev(l, r) and len(r, n) and r = [1, 2, *_]",
        "range(50, l) and nrev(l, r)",
        "path(1, x)",
        "path(x, 4)",
        "pick(x)",
        "either(x)",
        "first(x)",
        "x > 5 and count(500) and x = 10",
        "y = {a: [1, 2, z]} and count(400) and z = 3",
        "not (count(300) and false) and range(20, l)",
        "forall(x in [1, 2, 3], count(100) and x > 0)",
        "range(100, l) and x in l and x < 3",
        "d = {a: 1, b: 2} and [k, v] in d and count(100)",
        "fib(12, r)",
    };
    polar::Polar reference;
    reference.loadString(kProgram);
    reference.limits().gcMinCells = 0;
    polar::Polar stressed;
    stressed.loadString(kProgram);
    stressed.limits().gcMinCells = 64;
    for (const auto& q : queries) {
        INFO(q);
        const auto expected = answers(reference, q);
        CHECK_FALSE(expected.empty());
        CHECK(answers(stressed, q) == expected);
    }
}

TEST_CASE("A rule's leading guard decides without entering it, unless observed", "[solver][memory]") {
    polar::Polar p;
    p.loadString(kProgram);
    // count(0) matches only the first rule once the guard `n > 0` is checked
    // before entering the second: the query has one answer and no choice
    // point to return to (the second next() finds nothing in one step).
    auto q = p.query("count(0)");
    REQUIRE(q.next());
    const auto steps = q.steps();
    CHECK_FALSE(q.next());
    CHECK(q.steps() == steps);
}

TEST_CASE("A leading guard that holds is not run again as a goal", "[solver][guard]") {
    // g's body opens with a guard (a parameter compared with a number); h's
    // does the same work, but `n + 0` is not a parameter. g's guard was
    // decided (on integers) while its rule was chosen, and is not run again.
    polar::Polar p;
    p.loadString("g(n) if n > 0 and n < 100; h(n) if n + 0 > 0 and n < 100;");
    auto steps = [&](const std::string& q) {
        auto query = p.query(q);
        REQUIRE(query.next());
        return query.steps();
    };
    CHECK(steps("g(5)") + 1 == steps("h(5)"));

    SECTION("other arguments run the guard as before") {
        CHECK(answers(p, "g(5.5)").size() == 1);
        CHECK(answers(p, "g(0)").empty());
        CHECK(answers(p, "g(100)").empty());
        CHECK(answers(p, "x = 5 and g(x)").size() == 1);
        CHECK_THROWS(answers(p, "g(\"a\")"));
    }
    SECTION("an observer sees the guard run as a goal") {
        struct Goals : polar::Observer {
            int rules = 0;
            void onRuleEnter(const polar::RuleEnterEvent&) override { ++rules; }
        };
        Goals observer;
        p.addObserver(observer);
        CHECK(steps("g(5)") == steps("h(5)"));
        CHECK(observer.rules == 2);
        p.removeObserver(observer);
    }
}

TEST_CASE("Resolving a term while the heap grows under it keeps the right cells", "[solver][memory]") {
    // `x = [1 + 1 + 1, ...]`: each element is resolved into fresh heap cells,
    // so the heap grows (and moves) while the list is read. A fuzzed input
    // of this shape once read the old, freed heap (tests/fuzz/corpus/
    // crash_heap_growth.recipe; ASan saw it, ./run sanitize runs this test).
    for (const int elements : {10, 500, 4000}) {
        std::string query = "x = [";
        std::string expected = "[{\"x\":[";
        for (int k = 0; k < elements; ++k) {
            query += k ? ", 1 + 1 + 1" : "1 + 1 + 1";
            expected += k ? ",3" : "3";
        }
        query += "]";
        expected += "]}]";
        polar::Polar p;
        const auto result = answers(p, query);
        REQUIRE(result.size() == 1);
        CHECK("[" + result.front() + "]" == expected);
    }
}
