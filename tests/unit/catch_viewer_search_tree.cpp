// The search tree (viewer/scene/search_tree.hpp): exact trees after scripted
// event sequences, the way a 1.3 sender emits them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>

#include "polar/viewer/search_tree.hpp"
#include "viewer_tree_support.hpp"

using namespace polar::viewer;

namespace {

SceneEvent begin(const std::string& predicate) { return makeSceneEvent(EventKind::QueryBegin, 1, 0, predicate); }
SceneEvent end() { return makeSceneEvent(EventKind::QueryEnd, 1); }



SceneEvent result(int ordinal) {
    SceneEvent e = makeSceneEvent(EventKind::Result, 1);
    e.ordinal = ordinal;
    return e;
}

std::string run(std::initializer_list<SceneEvent> events, SearchTree& tree) {
    for (const SceneEvent& e : events) tree.apply(e);
    return tree.dump();
}

} // namespace

TEST_CASE("Search tree: the first alternative fails, the second answers", "[viewer][tree]") {
    // f(1); f(2); g(x) if f(x) and x > 1;   ?= g(x)
    SearchTree tree;
    CHECK(run({begin("g"), ruleCall("g", 0, 1), ruleEnter("g", 1, 1, 0, 1), ruleCall("f", 1, 2), ruleEnter("f", 2, 2, 0, 2),
               ruleEnter("f", 2, 2, 1, 2), result(1), end()},
              tree) ==
          "root session\n"
          "  query succeeded results=1\n"
          "    call g #1 of 1 succeeded results=1\n"
          "      rule g [0] succeeded results=1\n"
          "        call f #2 of 2 succeeded results=1 backtracks=1\n"
          "          rule f [0] failed\n"
          "          rule f [1] succeeded results=1\n"
          "            result 1 succeeded\n");
    CHECK(tree.counters().guessed == 0);
}

TEST_CASE("Search tree: backtracking into an earlier call closes the later one", "[viewer][tree]") {
    // g(x) if f(x) and f(y) and y = 2 and x = 2;  (the engine's own sequence,
    // catch_observer_calls.cpp): the second f fails, the first is resumed.
    SearchTree tree;
    const std::string dump =
        run({begin("g"), ruleCall("g", 0, 1), ruleEnter("g", 1, 1, 0, 1), ruleCall("f", 1, 2), ruleEnter("f", 2, 2, 0, 2),
             ruleCall("f", 1, 2), ruleEnter("f", 2, 3, 0, 2), ruleEnter("f", 2, 3, 1, 2), ruleEnter("f", 2, 2, 1, 2),
             ruleCall("f", 1, 2), ruleEnter("f", 2, 4, 0, 2), ruleEnter("f", 2, 4, 1, 2), result(1), end()},
            tree);
    CHECK(dump ==
          "root session\n"
          "  query succeeded results=1\n"
          "    call g #1 of 1 succeeded results=1\n"
          "      rule g [0] succeeded results=1\n"
          "        call f #2 of 2 succeeded results=1 backtracks=1\n"
          "          rule f [0] failed\n"
          "          rule f [1] succeeded results=1\n"
          "        call f #3 of 2 failed backtracks=1\n"
          "          rule f [0] failed\n"
          "          rule f [1] failed\n"
          "        call f #4 of 2 succeeded results=1 backtracks=1\n"
          "          rule f [0] failed\n"
          "          rule f [1] succeeded results=1\n"
          "            result 1 succeeded\n");
}

TEST_CASE("Search tree: a result, then more answers", "[viewer][tree]") {
    // f(1); f(2);  ?= f(x): both alternatives answer; the first is closed by
    // the second, having succeeded.
    SearchTree tree;
    run({begin("f"), ruleCall("f", 0, 2), ruleEnter("f", 1, 1, 0, 2), result(1)}, tree);
    const TreeNode* first = tree.find(3);
    REQUIRE(first);
    CHECK(first->open);
    CHECK(tree.resultsOf(*first) == 1);
    run({ruleEnter("f", 1, 1, 1, 2), result(2), end()}, tree);
    CHECK(tree.dump() ==
          "root session\n"
          "  query succeeded results=2\n"
          "    call f #1 of 2 succeeded results=2 backtracks=1\n"
          "      rule f [0] succeeded results=1\n"
          "        result 1 succeeded\n"
          "      rule f [1] succeeded results=1\n"
          "        result 2 succeeded\n");
}

TEST_CASE("Search tree: an error derails the open branch", "[viewer][tree]") {
    SearchTree tree;
    SceneEvent error = makeSceneEvent(EventKind::Error, 1, 0, "RuntimeError::ArithmeticError");
    CHECK(run({begin("h"), ruleCall("h", 0, 2), ruleEnter("h", 1, 1, 0, 2), ruleCall("k", 1, 0), ruleEnter("h", 1, 1, 1, 2), error,
               end()},
              tree) ==
          "root session\n"
          "  query errored\n"
          "    call h #1 of 2 errored backtracks=1\n"
          "      rule h [0] failed\n"
          "        call k #2 of 0 failed\n"
          "      rule h [1] errored\n"
          "        error RuntimeError::ArithmeticError errored\n");
    CHECK(tree.counters().errors == 1);
}

TEST_CASE("Search tree: entries without a call ordinal are matched by name and depth", "[viewer][tree]") {
    // A 1.2 sender, or a lost message: the tree still hangs each alternative
    // from the right call, and says it guessed.
    SearchTree tree;
    run({begin("g"), ruleCall("g", 0, 1), ruleEnter("g", 1, 0, 0, 1), ruleCall("f", 1, 2), ruleEnter("f", 2, 0, 0, 2),
         ruleEnter("f", 2, 0, 1, 2), end()},
        tree);
    CHECK(tree.dump() ==
          "root session\n"
          "  query failed\n"
          "    call g #1 of 1 failed\n"
          "      rule g [0] failed\n"
          "        call f #2 of 2 failed backtracks=1\n"
          "          rule f [0] failed\n"
          "          rule f [1] failed\n");
    CHECK(tree.counters().guessed == 3);
    CHECK(tree.counters().orphans == 0);
    SECTION("an entry with no call at all gets one made up") {
        tree.apply(begin("x"));
        tree.apply(ruleEnter("lost", 3, 9, 0, 1));
        CHECK(tree.counters().orphans == 1);
    }
    SECTION("a sender's restart starts the tree again") {
        tree.apply(makeSceneEvent(EventKind::Hello, 0, 0, "polar"));
        CHECK(tree.size() == 1);
    }
}

TEST_CASE("Search tree: hostile numbers and orders are absorbed", "[viewer][tree]") {
    SearchTree tree;
    SECTION("depths and indices at the ends of int32 (lenient input saturates there)") {
        for (const int v : {std::numeric_limits<int>::min(), -1, std::numeric_limits<int>::max()}) {
            tree.apply(ruleCall("f", v, v));
            tree.apply(ruleEnter("f", v, v, v, v));
            SceneEvent result = makeSceneEvent(EventKind::Result, v, v);
            result.ordinal = v;
            tree.apply(result);
        }
        tree.apply(makeSceneEvent(EventKind::Error, 0, std::numeric_limits<int>::max(), "x"));
        CHECK(tree.size() > 3);
        CHECK_FALSE(tree.dump().empty());
    }
    SECTION("entries, results and ends with no query, twice over") {
        tree.apply(ruleEnter("g", 2, 7, 1, 2));
        tree.apply(makeSceneEvent(EventKind::QueryEnd, 3));
        tree.apply(makeSceneEvent(EventKind::QueryEnd, 3));
        tree.apply(makeSceneEvent(EventKind::Result, 3));
        CHECK(tree.counters().orphans == 1);
        CHECK(tree.root().children.size() == 1);
    }
    SECTION("a deep stack folded while its calls are resumed keeps the tree whole") {
        SearchTree small(SearchTreeConfig{64});
        small.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, "len"));
        for (int d = 0; d < 200; ++d) {
            small.apply(ruleCall("len", d, 2));
            small.apply(ruleEnter("len", d + 1, d + 1, 0, 2));
        }
        for (int d = 199; d >= 0; --d) small.apply(ruleEnter("len", d + 1, d + 1, 1, 2));  // resume every level
        CHECK(small.size() <= 64);
        CHECK(brokenLinks(small) == 0);
    }
}
