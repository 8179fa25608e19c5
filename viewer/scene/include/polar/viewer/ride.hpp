// ride.hpp — the Polarcoaster: the search tree laid out as a track, a cart
// that rides it as the search goes, and a camera that follows the cart.
//
// Layout (track units; x to the right, y *down*, a level a unit):
//   * x is time: node n (the n-th the search made, NodeId) sits at
//     n × nodeSpacing, so the track's length is the search's history and
//     the alternatives of a call stand side by side in the order tried;
//   * y is depth: a call sits half a level below the rule body that made it,
//     its alternatives a whole level, so entering a rule is a descent and
//     backtracking to a call's next alternative a climb;
//   * a result's station sits on the node it hangs from, a derail drops
//     half a level below; a summary (folded history) spans its nodes, flat.
// The track is the nodes in the order made, joined; the tree's edges (call
// to alternative) are drawn under it.
//
// The cart follows the newest node at the pace of the events: never faster
// than they come (it cannot pass the search), at least minSpeed nodes a
// second so a paced sender is ridden node by node, catching up
// exponentially (catchUp) up to maxSpeed when behind, and skipping ahead
// when a flood has left it more than maxLag nodes behind (skips()). The camera eases after the cart, with the
// cart a little left of centre so the track behind it stays in view.
//
// Hover and pin: a point of the lane in view units (0..1 across and down)
// picks the nearest node within hoverRadius; its description is what the
// tooltip shows (rule text and bindings when the sender sent values). A
// click pins the node under it (or unpins, clicking it again or nowhere).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "polar/viewer/search_tree.hpp"

namespace polar::viewer {

struct TrackPoint {
    double x = 0, y = 0;
};

struct RideConfig {
    SearchTreeConfig tree;
    double nodeSpacing = 1.0;
    // At least this many nodes a second: 6 reads a paced stream (40 ms per
    // event is 25 nodes a second) node by node without crawling.
    double minSpeed = 6.0;
    // In a flood the cart closes this fraction of its lag per second, up
    // to maxSpeed nodes a second: 60 moves the track ~5 screen widths a
    // second at the default view, the fastest it still reads as motion
    // rather than a flicker of new pictures.
    double catchUp = 2.5;
    double maxSpeed = 60.0;
    // Further behind than this (ten seconds at maxSpeed), the cart skips
    // ahead to just behind the search: riding every node of a million-event
    // run would leave it hours late. A skip is one cut, at most every ten
    // seconds, which the frame's flash governor eases like any cut.
    double maxLag = 600.0;
    // The camera follows the cart at this rate per second (exponential):
    // about half a second to settle, smooth on a projector.
    double cameraRate = 2.0;
    // Nodes across the lane at zoom 1: 14 leaves each node ~90 px on a
    // 1280-pixel lane, room for a rule name in a readable size.
    double viewNodes = 14.0;
    // Where the cart sits across the view (0 left, 1 right).
    double cartAcross = 0.42;
    // How near (track units) the mouse must be to a node to pick it.
    double hoverRadius = 0.45;
    // How long a derail's banner stays, seconds.
    double derailSeconds = 4.0;
};

class Ride {
public:
    explicit Ride(RideConfig config = {});

    void apply(const SceneEvent& event);
    void advance(double seconds);

    const SearchTree& tree() const { return m_tree; }
    const RideConfig& config() const { return m_config; }

    TrackPoint position(const TreeNode& node) const;
    // The cart: its distance along the track (a fractional NodeId), where
    // that is, and the track's slope there (radians, positive going down).
    double cartDistance() const { return m_cart; }
    std::uint64_t skips() const { return m_skips; }
    TrackPoint cart() const;
    double cartSlope() const;

    // The camera: the track point at the centre of the lane, and the width
    // of track the lane shows (zoom 2 shows half as much).
    TrackPoint cameraCenter() const { return m_camera; }
    double cameraWidth(double zoom = 1.0) const;
    // Lane view units (0..1) ↔ track units, for a lane `aspect` = width / height.
    TrackPoint fromView(double vx, double vy, double aspect, double zoom = 1.0) const;
    TrackPoint toView(TrackPoint p, double aspect, double zoom = 1.0) const;
    // Nodes whose place is within [left, right] in x (a summary that spans
    // into it included), oldest first.
    std::vector<const TreeNode*> nodesBetween(double left, double right) const;

    // Hover and pin, in lane view units; nullopt hovers nothing.
    std::optional<NodeId> nodeAt(double vx, double vy, double aspect, double zoom = 1.0) const;
    void hover(std::optional<NodeId> node) { m_hovered = node; }
    void click(std::optional<NodeId> node);
    // The pinned node if any, else the hovered one (if it still exists).
    std::optional<NodeId> inspected() const;
    bool pinned() const { return m_pinned.has_value(); }
    // The tooltip: a title line, then the node's text (goal, rule, bindings)
    // or why there is none.
    std::vector<std::string> describe(NodeId node) const;

    // A derail (an error ended a query): its banner text and how visible (0..1).
    const std::string& derailText() const { return m_derailText; }
    double derail() const;

private:
    double distanceOf(NodeId id) const;
    TrackPoint pointAt(double distance) const;

    RideConfig m_config;
    SearchTree m_tree;
    double m_cart = 0;
    std::uint64_t m_skips = 0;
    TrackPoint m_camera;
    bool m_cameraSet = false;
    std::optional<NodeId> m_hovered;
    std::optional<NodeId> m_pinned;
    std::string m_derailText;
    double m_derailLeft = 0;
};

} // namespace polar::viewer
