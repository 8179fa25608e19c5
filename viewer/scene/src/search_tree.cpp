// search_tree.cpp — growing the tree from events (the design is in the header).
#include "polar/viewer/search_tree.hpp"

#include <algorithm>
#include <sstream>

namespace polar::viewer {

namespace {

std::string cut(const std::string& text) {
    if (text.size() <= kMaxNodeText) return text;
    std::size_t end = kMaxNodeText - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "~";
}

// kNodeBytes holds the node, a std::map node's links (32 bytes and the
// key) and an entry in the call index (a hash node, ~32 bytes).
static_assert(sizeof(TreeNode) + 40 + 32 <= kNodeBytes, "kNodeBytes must cover a node's fixed cost");


} // namespace

std::string_view outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Open: return "open";
    case Outcome::Succeeded: return "succeeded";
    case Outcome::Failed: return "failed";
    case Outcome::Errored: return "errored";
    }
    return "?";
}

std::string_view nodeKindName(NodeKind kind) {
    switch (kind) {
    case NodeKind::Root: return "root";
    case NodeKind::Query: return "query";
    case NodeKind::Call: return "call";
    case NodeKind::Alternative: return "rule";
    case NodeKind::Station: return "result";
    case NodeKind::Derail: return "error";
    case NodeKind::Summary: return "summary";
    }
    return "?";
}

SearchTree::SearchTree(SearchTreeConfig config) : m_config(config) {
    m_config.maxNodes = std::max<std::size_t>(m_config.maxNodes, 64);
    clear();
}

void SearchTree::clear() {
    m_nodes.clear();
    TreeNode root;
    root.name = "session";
    m_nodes.emplace(0, std::move(root));
    m_open.assign(1, 0);
    m_bodies.clear();
    m_calls.clear();
    m_next = 1;
    m_head = 0;
    m_query = 0;
    m_callCount = 0;
}

const TreeNode* SearchTree::find(NodeId id) const {
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : &it->second;
}

TreeNode& SearchTree::make(NodeKind kind, NodeId parent) {
    const NodeId id = m_next++;
    TreeNode& n = m_nodes[id];
    n.id = id;
    n.parent = parent;
    n.kind = kind;
    n.openedAt = m_counters.results;
    node(parent).children.push_back(id);
    m_head = id;
    if (kind == NodeKind::Query || kind == NodeKind::Call || kind == NodeKind::Alternative) {
        m_open.push_back(id);
    } else {
        n.open = false;
    }
    return n;
}

void SearchTree::apply(const SceneEvent& event) {
    // A sender's numbers are whatever it says (lenient input saturates at
    // ±2^31): depths and indices are brought into a range where every sum
    // below is defined. 2^24 levels is past any stack the engine allows
    // (Limits::maxDepth defaults to 10,000,000).
    constexpr int kMaxLevel = 1 << 24;
    const auto inRange = [](int v) { return v >= 0 && v <= kMaxLevel; };
    if (!inRange(event.depth) || !inRange(event.alternative) || !inRange(event.alternatives) ||
        !inRange(event.applicable)) {
        SceneEvent e = event;  // rare: only a copy when a number is out of range
        e.depth = std::clamp(e.depth, 0, kMaxLevel);
        e.alternative = std::clamp(e.alternative, 0, kMaxLevel);
        e.alternatives = std::clamp(e.alternatives, 0, kMaxLevel);
        e.applicable = std::clamp(e.applicable, 0, kMaxLevel);
        applyInRange(e);
        return;
    }
    applyInRange(event);
}

void SearchTree::applyInRange(const SceneEvent& e) {
    switch (e.kind) {
    case EventKind::Hello: clear(); return;
    case EventKind::QueryBegin: beginQuery(e); break;
    case EventKind::QueryEnd:
        if (!m_query) return;
        endQuery(false);
        break;
    case EventKind::Rule: call(e); break;
    case EventKind::RuleEnter: enter(e); break;
    case EventKind::Result: result(e); break;
    case EventKind::Error: error(e); break;
    default: return;
    }
    ++m_counters.events;
    foldIfNeeded();
}

void SearchTree::beginQuery(const SceneEvent& e) {
    if (m_query) endQuery(false);
    TreeNode& q = make(NodeKind::Query, 0);
    q.name = cut(e.text);
    m_query = q.id;
    m_callCount = 0;
    m_calls.clear();
    ++m_counters.queries;
}

// Everything of the query closes, the query itself last.
void SearchTree::endQuery(bool failed) {
    while (m_open.size() > 1) {
        TreeNode& n = node(m_open.back());
        if (failed && n.outcome == Outcome::Open) n.outcome = Outcome::Errored;
        close(n);
        m_open.pop_back();
    }
    m_query = 0;
    m_calls.clear();
}

void SearchTree::close(TreeNode& n) {
    if (!n.open) return;
    n.results = resultsOf(n);
    n.open = false;
    if (n.outcome == Outcome::Open) n.outcome = n.results > 0 ? Outcome::Succeeded : Outcome::Failed;
    if (n.kind == NodeKind::Call) m_calls.erase(n.call);  // a closed call is never resumed
    if (n.kind == NodeKind::Alternative) {
        // Bodies close newest first (the open list is a stack), so it is the last at its depth.
        auto at = m_bodies.find(n.depth);
        if (at != m_bodies.end() && !at->second.empty() && at->second.back() == n.id) {
            at->second.pop_back();
            if (at->second.empty()) m_bodies.erase(at);
        }
    }
}

void SearchTree::rebuildBodies() {
    m_bodies.clear();
    for (const NodeId id : m_open) {
        const TreeNode& n = m_nodes.at(id);
        if (n.kind == NodeKind::Alternative) m_bodies[n.depth].push_back(id);
    }
}

// Entering the next alternative of `keep`: what was made since is undone.
void SearchTree::closeAfter(NodeId keep) {
    while (m_open.size() > 1 && m_open.back() > keep) {
        close(node(m_open.back()));
        m_open.pop_back();
    }
}

// The body a call at `depth` runs in: the newest open rule body at that
// depth; failing that (a message was lost), the newest shallower one; the
// query itself for depth 0.
NodeId SearchTree::callerOf(int depth) const {
    if (depth <= 0) return m_query;
    if (const auto at = m_bodies.find(depth); at != m_bodies.end()) return at->second.back();
    // Lost messages: the newest body a few levels up (a bounded look: a
    // hostile depth of two billion costs 64 lookups, not a scan).
    NodeId best = 0;
    for (int k = depth - 1; k > 0 && k >= depth - 64; --k)
        if (const auto at = m_bodies.find(k); at != m_bodies.end()) best = std::max(best, at->second.back());
    return best ? best : m_query;
}

void SearchTree::call(const SceneEvent& e) {
    if (!m_query) beginQuery(makeSceneEvent(EventKind::QueryBegin, 0, 0, e.text));
    ++m_counters.calls;
    TreeNode& c = make(NodeKind::Call, callerOf(e.depth));
    c.depth = e.depth;
    c.call = ++m_callCount;
    c.alternatives = std::max(0, e.applicable);
    c.name = cut(e.text);
    c.text = cut(e.values);
    m_calls[c.call] = c.id;
    if (c.alternatives == 0) {  // no rule applies: a dead end at once
        close(c);
        m_open.pop_back();
    }
}

// The call an entry tries an alternative of (see "Which node is which").
NodeId SearchTree::callFor(const SceneEvent& e) {
    const std::string name = cut(e.text);
    if (e.call > 0) {
        const auto it = m_calls.find(e.call);
        if (it != m_calls.end()) {
            const TreeNode* c = find(it->second);
            if (c && c->open && c->name == name) return c->id;
        }
    }
    ++m_counters.guessed;
    NodeId byName = 0;
    // The newest 512 open nodes at most: a guess is about the recent past,
    // and a 1.2 flood must not scan the whole stack for every entry.
    std::size_t looked = 0;
    for (auto it = m_open.rbegin(); it != m_open.rend() && looked++ < 512; ++it) {
        const TreeNode& n = m_nodes.at(*it);
        if (n.kind != NodeKind::Call || n.name != name) continue;
        if (n.depth == e.depth - 1 && n.alternative <= e.alternative) return n.id;
        if (!byName) byName = n.id;
    }
    if (byName) return byName;
    ++m_counters.orphans;
    if (!m_query) beginQuery(makeSceneEvent(EventKind::QueryBegin, 0, 0, e.text));
    TreeNode& c = make(NodeKind::Call, callerOf(e.depth - 1));
    c.depth = e.depth - 1;
    c.alternatives = std::max(1, e.alternatives);
    c.name = name;
    return c.id;
}

void SearchTree::enter(const SceneEvent& e) {
    ++m_counters.entries;
    const NodeId callId = callFor(e);
    closeAfter(callId);
    TreeNode& c = node(callId);
    if (c.alternative > 0) ++c.backtracks;
    ++c.alternative;
    const int alternatives = e.alternatives > 0 ? e.alternatives : c.alternatives;
    TreeNode& a = make(NodeKind::Alternative, callId);
    a.depth = e.depth;
    a.alternative = e.alternative;
    a.alternatives = alternatives;
    a.name = cut(e.text);
    a.text = cut(e.values);
    m_bodies[a.depth].push_back(a.id);
}

// Every open node took part in the answer; the station hangs from the newest.
void SearchTree::result(const SceneEvent& e) {
    if (!m_query) return;
    ++m_counters.results;  // every open node's resultsOf() grows by one
    const NodeId at = m_open.back();
    const int depth = node(at).depth;
    TreeNode& s = make(NodeKind::Station, at);
    s.depth = depth;
    s.ordinal = e.ordinal > 0 ? e.ordinal : static_cast<int>(resultsOf(node(m_query)));
    s.outcome = Outcome::Succeeded;
    s.text = cut(e.values);
}

void SearchTree::error(const SceneEvent& e) {
    if (!m_query) return;
    ++m_counters.errors;
    for (std::size_t k = 1; k < m_open.size(); ++k) node(m_open[k]).outcome = Outcome::Errored;
    const NodeId at = m_open.back();
    const int depth = node(at).depth;
    TreeNode& d = make(NodeKind::Derail, at);
    // Below what it hangs from (a call sits half a level under its depth).
    d.depth = node(at).kind == NodeKind::Call ? depth + 1 : depth;
    d.outcome = Outcome::Errored;
    d.name = cut(e.text);
}

std::size_t SearchTree::approxBytes() const {
    std::size_t bytes = sizeof(*this) + m_open.capacity() * sizeof(NodeId);
    for (const auto& [id, n] : m_nodes) {
        bytes += kNodeBytes + n.children.capacity() * sizeof(NodeId);
        if (n.name.capacity() > 15) bytes += n.name.capacity() + 1;
        if (n.text.capacity() > 15) bytes += n.text.capacity() + 1;
    }
    return bytes;
}

std::string SearchTree::dump() const {
    std::ostringstream out;
    std::vector<std::pair<NodeId, int>> stack{{0, 0}};
    while (!stack.empty()) {
        const auto [id, indent] = stack.back();
        stack.pop_back();
        const TreeNode& n = m_nodes.at(id);
        out << std::string(static_cast<std::size_t>(indent) * 2, ' ') << nodeKindName(n.kind);
        // A query's name is left out: a trace cannot say a compound query's operator.
        if (!n.name.empty() && n.kind != NodeKind::Query) out << ' ' << n.name;
        switch (n.kind) {
        case NodeKind::Call: out << " #" << n.call << " of " << n.alternatives; break;
        case NodeKind::Alternative: out << " [" << n.alternative << "]"; break;
        case NodeKind::Station: out << ' ' << n.ordinal; break;
        case NodeKind::Summary:
            out << " nodes=" << n.folded << " results=" << n.foldedResults << " failures=" << n.foldedFailures;
            break;
        default: break;
        }
        if (n.kind != NodeKind::Root && n.kind != NodeKind::Summary) out << ' ' << outcomeName(n.outcome);
        if (resultsOf(n) && n.kind != NodeKind::Station && n.kind != NodeKind::Root) out << " results=" << resultsOf(n);
        if (n.backtracks) out << " backtracks=" << n.backtracks;
        out << '\n';
        for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.emplace_back(*it, indent + 1);
    }
    return out.str();
}

} // namespace polar::viewer
