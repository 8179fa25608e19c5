// search_tree.hpp — the tree a query's depth-first search explores, built
// from the same events the squares follow (or from a trace, trace_reader.hpp).
//
// Nodes. The root stands for the session; each query is a child of it; a
// rule *call* hangs from the query or from the alternative whose body made
// it; each *alternative* of a call (one applicable rule, tried) hangs from
// the call; a *station* marks a result, a *derail* the error that ended a
// query. Nodes are numbered in the order they were made (NodeId), which is
// also the order the search visited them: the ride's distance along the
// track.
//
// Which node is which. A Rule event is the call; a RuleEnter names its call
// by the call's ordinal in the query (address space 1.3, exact), checked
// against the name; without it (a 1.2 sender, a dropped message) the newest
// open call of that name at that depth that has the alternative left.
//
// Open and closed. A node is open while the search may still come back to
// it: it is part of the current answer, or a choice point under it has
// alternatives left. Entering alternative k of a call closes everything
// made since alternative k-1 was entered (the search backtracked over it);
// a query's end closes the rest. A closed node *failed* when it never took
// part in a result; it *succeeded* when one or more results were found
// while it was open; it *errored* when the error that ended its query came
// while it was open. A call the search returned to for another alternative
// counts it in `backtracks`. Or-branches and `in` members are not nodes:
// Oso's trace does not show them either, and the tree built from a trace
// must be the tree built from the live events.
//
// Memory. Long runs fold: once more than `maxNodes` nodes are held, the
// oldest closed subtrees become *summaries* (kind Summary: how many nodes,
// results and failures they stood for), merged with a summary just before
// them, until three quarters of the budget is left; a stack deeper than
// half the budget folds its oldest open levels into one summary too. Texts
// are cut at kMaxNodeText. So a run of any length holds at most maxNodes
// nodes, each at most ~ kNodeBytes + 2 texts: with the default 16,384
// nodes, under 12 MB (approxBytes() counts it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "polar/viewer/scene_event.hpp"

namespace polar::viewer {

using NodeId = std::uint64_t;

enum class NodeKind : std::uint8_t { Root, Query, Call, Alternative, Station, Derail, Summary };
enum class Outcome : std::uint8_t { Open, Succeeded, Failed, Errored };

struct TreeNode {
    NodeId id = 0;
    NodeId parent = 0;  // the root is its own parent
    NodeKind kind = NodeKind::Root;
    Outcome outcome = Outcome::Open;
    bool open = true;
    // Query: 0. Call: the caller's depth (the body that made it). Alternative:
    // its body's depth (the call's + 1). Station, Derail: the node they hang from's.
    int depth = 0;
    int call = 0;          // Call: ordinal in its query
    int alternative = 0;   // Alternative: which (from 0). Call: alternatives entered so far
    int alternatives = 0;  // Call, Alternative: the call's applicable rules
    int ordinal = 0;       // Station: the result's ordinal
    // Results found while it was open: set when it closes; while open,
    // SearchTree::resultsOf() counts them (the results since openedAt), so
    // a result costs one increment, not one per open node.
    std::uint64_t results = 0;
    std::uint64_t openedAt = 0;    // the tree's result count when it was made
    std::uint32_t backtracks = 0;  // Call: alternatives entered after the first
    std::uint64_t folded = 0;      // Summary: nodes it stands for
    std::uint64_t foldedResults = 0;
    std::uint64_t foldedFailures = 0;
    NodeId lastFolded = 0;         // Summary: the newest node it stands for (its end on the track)
    std::string name;  // Query: predicate; Call, Alternative: rule; Derail: error; Summary: the first folded node's
    std::string text;  // values: Call, the goal; Alternative, the rule's source; Station, the bindings
    std::vector<NodeId> children;
};

// A node costs this much besides its texts and children (measured on
// x86-64: the struct, the map's node and the call index's entry).
inline constexpr std::size_t kNodeBytes = 320;
// Node texts are cut here (with `~`): a tooltip shows four lines of 60.
inline constexpr std::size_t kMaxNodeText = 240;

struct SearchTreeConfig {
    // Nodes held at most. 16,384 is about 700 screens of the ride at the
    // default spacing: the camera shows the newest few hundred, the rest
    // is there for scrolling back, and 9 lanes stay under 100 MB.
    std::size_t maxNodes = 16384;
};

struct TreeCounters {
    std::uint64_t events = 0;      // events that changed the tree
    std::uint64_t calls = 0;
    std::uint64_t entries = 0;
    std::uint64_t results = 0;
    std::uint64_t errors = 0;
    std::uint64_t queries = 0;
    std::uint64_t guessed = 0;     // entries whose call was found by name and depth, not ordinal
    std::uint64_t orphans = 0;     // entries with no call to hang from (a synthetic one was made)
    std::uint64_t folded = 0;      // nodes folded into summaries, in all
};

class SearchTree {
public:
    explicit SearchTree(SearchTreeConfig config = {});

    // Hello (a sender restarted: the tree starts again), QueryBegin,
    // QueryEnd, Rule, RuleEnter, Result, Error; others change nothing.
    void apply(const SceneEvent& event);
    void clear();

    const TreeNode& root() const { return m_nodes.at(0); }
    const TreeNode* find(NodeId id) const;
    // Every node in the order made (a std::map: range queries by id are
    // what drawing a window of the track needs).
    const std::map<NodeId, TreeNode>& nodes() const { return m_nodes; }
    std::size_t size() const { return m_nodes.size(); }
    // The newest node: where the search is now (the root before any event).
    NodeId head() const { return m_head; }
    const TreeCounters& counters() const { return m_counters; }
    std::uint64_t resultsOf(const TreeNode& n) const { return n.open ? m_counters.results - n.openedAt : n.results; }
    std::size_t approxBytes() const;

    // The tree as indented text, one node a line (`call f #2 (2 rules) failed`),
    // without ids, texts or query names: what the tests compare, and what two trees built
    // from the same search by different routes have in common.
    std::string dump() const;

private:
    void applyInRange(const SceneEvent& event);
    TreeNode& make(NodeKind kind, NodeId parent);
    TreeNode& node(NodeId id) { return m_nodes.at(id); }
    NodeId callerOf(int depth) const;
    NodeId callFor(const SceneEvent& e);
    void closeAfter(NodeId keep);
    void close(TreeNode& n);
    void beginQuery(const SceneEvent& e);
    void endQuery(bool failed);
    void call(const SceneEvent& e);
    void enter(const SceneEvent& e);
    void result(const SceneEvent& e);
    void error(const SceneEvent& e);
    // Folding (search_tree_fold.cpp).
    void foldIfNeeded();
    void foldClosed(std::size_t target);
    void foldDeepStack();
    void foldInto(NodeId summary, NodeId subtree);
    void eraseSubtree(NodeId id, TreeNode& summary);

    SearchTreeConfig m_config;
    std::map<NodeId, TreeNode> m_nodes;
    std::vector<NodeId> m_open;  // open nodes, oldest first (the root and the query first)
    // The open rule bodies (alternatives) at each depth, oldest first: where
    // a call at that depth hangs, found in constant time (a flood of calls
    // with no entries must not scan the whole stack for each).
    std::unordered_map<int, std::vector<NodeId>> m_bodies;
    void rebuildBodies();
    std::unordered_map<int, NodeId> m_calls;  // this query's calls by ordinal
    NodeId m_next = 1;
    NodeId m_head = 0;
    NodeId m_query = 0;  // the open query (0: none)
    int m_callCount = 0; // Rule events of this query: the ordinal of the next
    TreeCounters m_counters;
};

std::string_view outcomeName(Outcome outcome);
std::string_view nodeKindName(NodeKind kind);

} // namespace polar::viewer
