// search_tree_fold.cpp — keeping a long run's tree within its budget.
//
// Folding starts from the oldest nodes: the ride has passed them, and the
// camera is far ahead. A closed node whose parent is still open is the top
// of a finished subtree; it becomes a summary (or joins the summary just
// before it among its siblings, so a call with a million failed
// alternatives holds one summary, not a million). Open nodes are the
// search's present and are kept, unless the stack alone passes half the
// budget (a deep recursion): then its oldest levels fold into one open
// summary that the newer levels hang from.
#include <algorithm>

#include "polar/viewer/search_tree.hpp"

namespace polar::viewer {

void SearchTree::foldIfNeeded() {
    if (m_nodes.size() <= m_config.maxNodes && m_open.size() <= m_config.maxNodes / 2) return;
    const std::size_t target = m_config.maxNodes * 3 / 4;
    foldClosed(target);
    if (m_nodes.size() > target || m_open.size() > m_config.maxNodes / 2) foldDeepStack();
}

// The node and everything under it leave the map; `summary` counts them.
void SearchTree::eraseSubtree(NodeId id, TreeNode& summary) {
    std::vector<NodeId> stack{id};
    while (!stack.empty()) {
        const NodeId at = stack.back();
        stack.pop_back();
        auto it = m_nodes.find(at);
        if (it == m_nodes.end()) continue;
        TreeNode& n = it->second;
        for (const NodeId child : n.children) stack.push_back(child);
        if (n.kind == NodeKind::Summary) {
            summary.folded += n.folded;
            summary.foldedResults += n.foldedResults;
            summary.foldedFailures += n.foldedFailures;
            summary.lastFolded = std::max(summary.lastFolded, n.lastFolded);
        } else {
            ++summary.folded;
            if (n.kind == NodeKind::Station) ++summary.foldedResults;
            if (n.kind == NodeKind::Alternative && n.outcome == Outcome::Failed) ++summary.foldedFailures;
        }
        summary.lastFolded = std::max(summary.lastFolded, at);
        if (n.kind == NodeKind::Call) {
            const auto call = m_calls.find(n.call);
            if (call != m_calls.end() && call->second == at) m_calls.erase(call);
        }
        m_nodes.erase(it);
        ++m_counters.folded;
    }
}

// `subtree` (closed) joins `summary`, its sibling just before it.
void SearchTree::foldInto(NodeId summary, NodeId subtree) {
    TreeNode& parent = node(node(subtree).parent);
    parent.children.erase(std::find(parent.children.begin(), parent.children.end(), subtree));
    eraseSubtree(subtree, node(summary));
}

void SearchTree::foldClosed(std::size_t target) {
    auto it = m_nodes.upper_bound(0);
    while (m_nodes.size() > target && it != m_nodes.end()) {
        const NodeId id = it->first;
        TreeNode& n = it->second;
        const TreeNode& parent = node(n.parent);
        if (n.open || id == m_head || !(parent.open || parent.kind == NodeKind::Root)) {
            ++it;
            continue;
        }
        const auto& siblings = parent.children;
        const auto self = std::find(siblings.begin(), siblings.end(), id);
        const NodeId before = self == siblings.begin() ? 0 : *(self - 1);
        if (before && node(before).kind == NodeKind::Summary) {
            foldInto(before, id);
        } else if (n.kind != NodeKind::Summary) {
            // The node becomes the summary of itself and what is under it.
            TreeNode summary;
            summary.lastFolded = id;
            for (const NodeId child : n.children) eraseSubtree(child, summary);
            summary.folded += 1;
            if (n.kind == NodeKind::Station) ++summary.foldedResults;
            if (n.kind == NodeKind::Alternative && n.outcome == Outcome::Failed) ++summary.foldedFailures;
            n.kind = NodeKind::Summary;
            n.children.clear();
            n.children.shrink_to_fit();
            n.text.clear();
            n.text.shrink_to_fit();
            n.folded = summary.folded;
            n.foldedResults = summary.foldedResults;
            n.foldedFailures = summary.foldedFailures;
            n.lastFolded = summary.lastFolded;
            ++m_counters.folded;
        }
        it = m_nodes.upper_bound(id);
    }
}

// The open levels between the query and the newest quarter of the budget
// become one open summary; the newer open nodes hang from it.
void SearchTree::foldDeepStack() {
    const std::size_t keep = std::max<std::size_t>(1, m_config.maxNodes / 4);
    const std::size_t first = m_query ? 2 : 1;  // after the root and the query
    if (m_open.size() <= first + keep) return;
    const std::size_t last = m_open.size() - keep;  // m_open[first, last) fold
    const NodeId summaryId = m_open[first];
    TreeNode& summary = node(summaryId);
    if (summary.kind != NodeKind::Summary) {
        summary.folded = 1;
        summary.lastFolded = summaryId;
    }
    for (std::size_t k = last; k-- > first + 1;) {
        const NodeId id = m_open[k];
        TreeNode& parent = node(node(id).parent);
        parent.children.erase(std::find(parent.children.begin(), parent.children.end(), id));
        // Open descendants of this node are kept: detach them first.
        TreeNode& n = node(id);
        std::vector<NodeId> children;
        for (const NodeId child : n.children)
            if (!node(child).open) children.push_back(child);
        n.children.clear();
        for (const NodeId child : children) eraseSubtree(child, summary);
        eraseSubtree(id, summary);
    }
    TreeNode& s = node(summaryId);
    for (const NodeId child : std::vector<NodeId>(s.children))
        if (!node(child).open) eraseSubtree(child, s);
    s.children.clear();
    s.kind = NodeKind::Summary;
    s.text.clear();
    // The kept levels whose parent folded hang from the summary.
    for (std::size_t k = last; k < m_open.size(); ++k) {
        TreeNode& n = node(m_open[k]);
        if (!m_nodes.count(n.parent) || n.parent == summaryId) {
            n.parent = summaryId;
            s.children.push_back(n.id);
        }
    }
    m_open.erase(m_open.begin() + static_cast<std::ptrdiff_t>(first + 1),
                 m_open.begin() + static_cast<std::ptrdiff_t>(last));
    rebuildBodies();
}

} // namespace polar::viewer
