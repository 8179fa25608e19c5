// The search tree on long runs: a million events of any shape stay within
// the budget the header states (maxNodes nodes, under 12 MB at the default).
#include <catch2/catch.hpp>

#include <string>

#include "polar/viewer/search_tree.hpp"
#include "viewer_tree_support.hpp"

using namespace polar::viewer;

namespace {

// Every call carries a long goal text, as a sender with values does.
SceneEvent call(const std::string& name, int depth, int applicable) {
    return ruleCall(name, depth, applicable, name + "(" + std::string(300, 'v') + ")");
}

constexpr std::size_t kBudgetBytes = 12u << 20;



// Applies `e`, and checks the budget every so often (approxBytes walks the tree).
struct Driver {
    SearchTree tree;
    std::uint64_t events = 0;
    std::size_t peakNodes = 0;
    std::size_t peakBytes = 0;
    void apply(const SceneEvent& e) {
        tree.apply(e);
        ++events;
        peakNodes = std::max(peakNodes, tree.size());
        if (events % 4096 == 0) peakBytes = std::max(peakBytes, tree.approxBytes());
    }
};

} // namespace

TEST_CASE("Search tree: a million events of wide choices stay within budget", "[viewer][tree][memory]") {
    Driver d;
    int queries = 0;
    while (d.events < 1'000'000) {
        d.apply(makeSceneEvent(EventKind::QueryBegin, ++queries, 0, "allow"));
        d.apply(call("allow", 0, 1));
        d.apply(ruleEnter("allow", 1, 1, 0, 1));
        d.apply(call("has_role", 1, 500));
        for (int k = 0; k < 500; ++k) {
            d.apply(ruleEnter("has_role", 2, 2, k, 500));
            if (k % 97 == 0) d.apply(makeSceneEvent(EventKind::Result, queries));
        }
        d.apply(makeSceneEvent(EventKind::QueryEnd, queries));
    }
    CHECK(d.peakNodes <= SearchTreeConfig{}.maxNodes);
    CHECK(d.peakBytes < kBudgetBytes);
    CHECK(d.tree.counters().folded > 900'000);
    CHECK(d.tree.counters().guessed == 0);
    CHECK(brokenLinks(d.tree) == 0);
    // The newest query is whole: the ride's present is never folded.
    const TreeNode& root = d.tree.root();
    REQUIRE(root.children.size() >= 2);
    CHECK(d.tree.find(root.children.front())->kind == NodeKind::Summary);
    CHECK(d.tree.find(root.children.back())->kind == NodeKind::Query);
}

TEST_CASE("Search tree: a million-level recursion stays within budget", "[viewer][tree][memory]") {
    // len([_, *t], n) if len(t, m) …: every level a call and its alternative,
    // all open at once.
    Driver d;
    d.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, "len"));
    int depth = 0;
    while (d.events < 1'000'000) {
        d.apply(call("len", depth, 2));
        d.apply(ruleEnter("len", depth + 1, depth + 1, 1, 2));
        ++depth;
    }
    CHECK(d.peakNodes <= SearchTreeConfig{}.maxNodes);
    CHECK(d.peakBytes < kBudgetBytes);
    d.apply(makeSceneEvent(EventKind::Result, 1));
    d.apply(makeSceneEvent(EventKind::QueryEnd, 1));
    CHECK(d.tree.size() <= SearchTreeConfig{}.maxNodes);
    CHECK(brokenLinks(d.tree) == 0);
    // Backtracking into a folded level: the tree says it could not place it
    // exactly, and goes on.
    d.apply(makeSceneEvent(EventKind::QueryBegin, 2, 0, "again"));
    d.apply(ruleEnter("len", 5, 3, 0, 2));
    CHECK(d.tree.counters().orphans == 1);
}
