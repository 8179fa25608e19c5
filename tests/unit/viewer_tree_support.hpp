// viewer_tree_support.hpp — the engine's events fed to a search tree in
// the test process, and a trace file's tree, for the tree tests.
#pragma once

#include <algorithm>
#include <fstream>
#include <string>

#include <polar/observer.hpp>

#include "polar/viewer/search_tree.hpp"
#include "polar/viewer/trace_reader.hpp"

namespace polar::viewer {

// A rule call and an alternative entered, as a 1.3 sender delivers them
// (values only when the sender shares them).
inline SceneEvent ruleCall(const std::string& name, int depth, int applicable, const std::string& values = {}) {
    SceneEvent e = makeSceneEvent(EventKind::Rule, 1, depth, name);
    e.applicable = applicable;
    e.values = values;
    return e;
}

inline SceneEvent ruleEnter(const std::string& name, int depth, int call, int alternative, int alternatives,
                            const std::string& values = {}) {
    SceneEvent e = makeSceneEvent(EventKind::RuleEnter, 1, depth, name);
    e.call = call;
    e.alternative = alternative;
    e.alternatives = alternatives;
    e.values = values;
    return e;
}

// The engine's events as the viewer receives them (what osc/'s broadcaster
// and event_adapter.cpp carry, without the network).
class SceneFeed : public polar::Observer {
public:
    SearchTree tree;
    void onQueryBegin(const polar::QueryBeginEvent& e) override {
        tree.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, std::string(e.predicate)));
    }
    void onQueryEnd(const polar::QueryEndEvent&) override { tree.apply(makeSceneEvent(EventKind::QueryEnd, 1)); }
    void onRuleCall(const polar::RuleCallEvent& e) override {
        SceneEvent s = makeSceneEvent(EventKind::Rule, 1, e.depth, std::string(e.predicate));
        s.applicable = e.applicable;
        tree.apply(s);
    }
    void onRuleEnter(const polar::RuleEnterEvent& e) override {
        SceneEvent s = makeSceneEvent(EventKind::RuleEnter, 1, e.depth, std::string(e.predicate));
        s.call = static_cast<int>(e.call);
        s.alternative = e.alternative;
        s.alternatives = e.alternatives;
        tree.apply(s);
    }
    void onResult(const polar::ResultEvent& e) override {
        SceneEvent s = makeSceneEvent(EventKind::Result, 1);
        s.ordinal = static_cast<int>(e.ordinal);
        tree.apply(s);
    }
};

// Nodes whose parent is missing or does not list them, and children that
// do not exist: 0 for a whole tree.
inline std::size_t brokenLinks(const SearchTree& tree) {
    std::size_t broken = 0;
    for (const auto& [id, n] : tree.nodes()) {
        for (const NodeId child : n.children) broken += tree.find(child) ? 0 : 1;
        if (id == 0) continue;
        const TreeNode* parent = tree.find(n.parent);
        if (!parent || std::count(parent->children.begin(), parent->children.end(), id) != 1) ++broken;
    }
    return broken;
}

// The tree a trace file gives (empty when it cannot be read).
inline std::string treeOfTraceFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return {};
    SearchTree tree;
    for (const SceneEvent& e : readTrace(in)) tree.apply(e);
    return tree.dump();
}

} // namespace polar::viewer
