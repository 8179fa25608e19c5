// ride.cpp — the track's layout, the cart, the camera and the tooltip (see the header).
#include "polar/viewer/ride.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {

namespace {

std::string plural(std::uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

Ride::Ride(RideConfig config) : m_config(config), m_tree(config.tree) {}

void Ride::apply(const SceneEvent& event) {
    const bool restart = event.kind == EventKind::Hello;
    m_tree.apply(event);
    if (restart) {
        m_cart = 0;
        m_cameraSet = false;
        m_hovered.reset();
        m_pinned.reset();
    }
    if (event.kind == EventKind::Error) {
        m_derailText = event.text;
        m_derailLeft = m_config.derailSeconds;
    }
}

void Ride::advance(double seconds) {
    if (seconds <= 0) return;
    const auto head = static_cast<double>(m_tree.head());
    if (m_cart > head) m_cart = head;  // the tree started again
    if (head - m_cart > m_config.maxLag) {
        m_cart = std::max(0.0, head - m_config.viewNodes / 2);
        m_cameraSet = false;
        ++m_skips;
    }
    const double lag = head - m_cart;
    const double speed = std::clamp(lag * m_config.catchUp, m_config.minSpeed, std::max(m_config.minSpeed, m_config.maxSpeed));
    m_cart = std::min(head, m_cart + speed * seconds);
    // The camera: the cart a little left of centre, eased.
    const TrackPoint at = cart();
    const double width = cameraWidth();
    const TrackPoint goal{at.x + (0.5 - m_config.cartAcross) * width, at.y};
    if (!m_cameraSet) {
        m_camera = goal;
        m_cameraSet = true;
    } else {
        const double follow = 1.0 - std::exp(-m_config.cameraRate * seconds);
        m_camera.x += (goal.x - m_camera.x) * follow;
        m_camera.y += (goal.y - m_camera.y) * follow;
    }
    m_derailLeft = std::max(0.0, m_derailLeft - seconds);
}

TrackPoint Ride::position(const TreeNode& n) const {
    const double x = static_cast<double>(n.id) * m_config.nodeSpacing;
    switch (n.kind) {
    case NodeKind::Root:
    case NodeKind::Query: return {x, 0.0};
    case NodeKind::Call: return {x, n.depth + 0.5};
    case NodeKind::Derail: return {x, n.depth + 0.5};
    case NodeKind::Summary: {
        // Flat across the span it stands for, at its first node's level.
        const double end = static_cast<double>(std::max(n.lastFolded, n.id)) * m_config.nodeSpacing;
        return {(x + end) / 2, static_cast<double>(n.depth)};
    }
    default: return {x, static_cast<double>(n.depth)};
    }
}

// Along the track, a node is at its id (a summary at the middle of its span).
double Ride::distanceOf(NodeId id) const { return static_cast<double>(id); }

// The point at a fractional distance: between the nodes either side.
TrackPoint Ride::pointAt(double distance) const {
    const auto& nodes = m_tree.nodes();
    auto next = nodes.lower_bound(static_cast<NodeId>(std::ceil(std::max(0.0, distance))));
    if (next == nodes.end()) return position(nodes.rbegin()->second);
    if (next == nodes.begin()) return position(next->second);
    auto before = std::prev(next);
    const TreeNode& a = before->second;
    const TreeNode& b = next->second;
    const double from = a.kind == NodeKind::Summary ? static_cast<double>(a.lastFolded) : distanceOf(a.id);
    const double span = distanceOf(b.id) - from;
    const double t = span > 0 ? std::clamp((distance - from) / span, 0.0, 1.0) : 1.0;
    const TrackPoint p = position(a), q = position(b);
    // Smoothstep: the cart eases over each crest and dip instead of kinking.
    const double s = t * t * (3 - 2 * t);
    return {p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * s};
}

TrackPoint Ride::cart() const { return pointAt(m_cart); }

double Ride::cartSlope() const {
    const TrackPoint a = pointAt(m_cart - 0.05), b = pointAt(m_cart + 0.05);
    return std::atan2(b.y - a.y, std::max(1e-6, b.x - a.x));
}

double Ride::cameraWidth(double zoom) const {
    return m_config.viewNodes * m_config.nodeSpacing / std::clamp(zoom, 0.1, 10.0);
}

TrackPoint Ride::fromView(double vx, double vy, double aspect, double zoom) const {
    const double width = cameraWidth(zoom);
    const double height = width / std::max(0.1, aspect);
    return {m_camera.x + (vx - 0.5) * width, m_camera.y + (vy - 0.5) * height};
}

TrackPoint Ride::toView(TrackPoint p, double aspect, double zoom) const {
    const double width = cameraWidth(zoom);
    const double height = width / std::max(0.1, aspect);
    return {(p.x - m_camera.x) / width + 0.5, (p.y - m_camera.y) / height + 0.5};
}

std::vector<const TreeNode*> Ride::nodesBetween(double left, double right) const {
    std::vector<const TreeNode*> out;
    const auto& nodes = m_tree.nodes();
    const double spacing = m_config.nodeSpacing;
    auto it = nodes.lower_bound(static_cast<NodeId>(std::max(0.0, std::floor(left / spacing))));
    if (it != nodes.begin()) {
        const TreeNode& before = std::prev(it)->second;  // a summary reaching in
        if (before.kind == NodeKind::Summary && static_cast<double>(before.lastFolded) * spacing >= left)
            out.push_back(&before);
    }
    for (; it != nodes.end() && static_cast<double>(it->first) * spacing <= right; ++it) out.push_back(&it->second);
    return out;
}

std::optional<NodeId> Ride::nodeAt(double vx, double vy, double aspect, double zoom) const {
    const TrackPoint p = fromView(vx, vy, aspect, zoom);
    const double radius = m_config.hoverRadius * m_config.nodeSpacing;
    std::optional<NodeId> best;
    double bestDistance = radius * radius;
    for (const TreeNode* n : nodesBetween(p.x - radius - 1, p.x + radius + 1)) {
        if (n->kind == NodeKind::Root) continue;
        const TrackPoint q = position(*n);
        const double d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
        if (d <= bestDistance) {
            bestDistance = d;
            best = n->id;
        }
    }
    return best;
}

void Ride::click(std::optional<NodeId> node) {
    m_pinned = (node && m_pinned != node) ? node : std::nullopt;
}

std::optional<NodeId> Ride::inspected() const {
    if (m_pinned && m_tree.find(*m_pinned)) return m_pinned;
    if (m_hovered && m_tree.find(*m_hovered)) return m_hovered;
    return std::nullopt;
}

std::vector<std::string> Ride::describe(NodeId id) const {
    const TreeNode* n = m_tree.find(id);
    if (!n) return {};
    const std::string outcome(outcomeName(n->outcome));
    std::vector<std::string> lines;
    switch (n->kind) {
    case NodeKind::Root: lines.push_back("session"); break;
    case NodeKind::Query: lines.push_back("query " + n->name + " — " + outcome); break;
    case NodeKind::Call:
        lines.push_back("call " + n->name + " — " +
                        (n->alternatives == 0 ? std::string("no rule applies")
                         : n->alternatives == 1 ? std::string("1 rule applies")
                                                : std::to_string(n->alternatives) + " rules apply") +
                        ", " + outcome);
        break;
    case NodeKind::Alternative:
        lines.push_back("rule " + n->name + " — alternative " + std::to_string(n->alternative + 1) + " of " +
                        std::to_string(n->alternatives) + ", " + outcome);
        break;
    case NodeKind::Station: lines.push_back("result " + std::to_string(n->ordinal)); break;
    case NodeKind::Derail: lines.push_back("derailed: " + n->name); break;
    case NodeKind::Summary:
        lines.push_back(plural(n->folded, "node", "nodes") + " folded: " +
                        plural(n->foldedResults, "result", "results") + ", " +
                        plural(n->foldedFailures, "failed rule", "failed rules"));
        return lines;
    }
    if (!n->text.empty()) {
        lines.push_back(n->text);
    } else if (n->kind == NodeKind::Call || n->kind == NodeKind::Alternative || n->kind == NodeKind::Station) {
        lines.push_back("(no values: the sender keeps them private; --osc-values shares them)");
    }
    if (n->backtracks) lines.push_back(plural(n->backtracks, "backtrack", "backtracks") + " into this call");
    return lines;
}

double Ride::derail() const {
    if (m_config.derailSeconds <= 0) return 0;
    // Rises in the first 0.3 s and falls in the last second: never a cut.
    const double elapsed = m_config.derailSeconds - m_derailLeft;
    return std::clamp(std::min(elapsed / 0.3, m_derailLeft), 0.0, 1.0) * (m_derailLeft > 0 ? 1.0 : 0.0);
}

} // namespace polar::viewer
