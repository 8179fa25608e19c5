// coaster_view.cpp — drawing the ride (see the header for the layers).
#include "coaster_view.hpp"

#include <algorithm>
#include <cmath>

#include "theme_draw.hpp"

namespace polar::viewer {

namespace {

constexpr float kPi = 3.14159265f;
const sf::Color kRail(214, 220, 232);
const sf::Color kCart(255, 196, 54);
const sf::Color kDerail(235, 70, 60);

// Track units → lane pixels, through the ride's camera.
struct Mapper {
    const Ride& ride;
    float width, height, zoom;
    float unit() const { return width / static_cast<float>(ride.cameraWidth(zoom)); }
    sf::Vector2f operator()(TrackPoint p) const {
        const TrackPoint v = ride.toView(p, width / height, zoom);
        return {static_cast<float>(v.x) * width, static_cast<float>(v.y) * height};
    }
};

void addLine(sf::VertexArray& tris, sf::Vector2f a, sf::Vector2f b, float thickness, sf::Color color) {
    sf::Vector2f d = b - a;
    const float length = std::sqrt(d.x * d.x + d.y * d.y);
    if (length < 1e-3f) return;
    const sf::Vector2f n(-d.y / length * thickness / 2, d.x / length * thickness / 2);
    for (const sf::Vector2f p : {a + n, a - n, b + n, a - n, b - n, b + n}) tris.append(sf::Vertex(p, color));
}

// The smooth path between two nodes, as the cart rides it (Ride::pointAt).
std::vector<sf::Vector2f> segment(const Mapper& map, TrackPoint p, TrackPoint q) {
    std::vector<sf::Vector2f> out;
    constexpr int kSteps = 12;
    for (int k = 0; k <= kSteps; ++k) {
        const double t = static_cast<double>(k) / kSteps;
        const double s = t * t * (3 - 2 * t);
        out.push_back(map({p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * s}));
    }
    return out;
}

sf::Text text(const sf::Font& font, const std::string& s, unsigned size, sf::Color color) {
    sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), font, size);
    t.setFillColor(color);
    return t;
}

void drawSky(sf::RenderTarget& target, const LaneView& lane, float w, float h) {
    sf::VertexArray sky(sf::TriangleStrip, 4);
    const sf::Color top = hsvColor(lane.hue, 0.55, 0.20), bottom = hsvColor(lane.hue + 20, 0.65, 0.07);
    sky[0] = sf::Vertex({0, 0}, top);
    sky[1] = sf::Vertex({w, 0}, top);
    sky[2] = sf::Vertex({0, h}, bottom);
    sky[3] = sf::Vertex({w, h}, bottom);
    target.draw(sky);
}

void drawDepthGuides(sf::RenderTarget& target, const Mapper& map, const FrameView& frame, float w, float h) {
    const TrackPoint top = map.ride.fromView(0, 0, w / h, map.zoom), bottom = map.ride.fromView(0, 1, w / h, map.zoom);
    if (bottom.y < 0 || top.y > 1e8) return;  // (depths are at most 2^24: SearchTree::apply)
    sf::VertexArray lines(sf::Lines);
    const unsigned size = static_cast<unsigned>(std::clamp(h / 48, 10.0f, 22.0f));
    for (int level = std::max(0, static_cast<int>(std::ceil(top.y))); level <= bottom.y && level < top.y + 400; ++level) {
        const float y = map({top.x, static_cast<double>(level)}).y;
        lines.append(sf::Vertex({0, y}, sf::Color(255, 255, 255, 22)));
        lines.append(sf::Vertex({w, y}, sf::Color(255, 255, 255, 22)));
        if (frame.font && frame.labels) {
            sf::Text t = text(*frame.font, "depth " + std::to_string(level), size, sf::Color(255, 255, 255, 70));
            t.setPosition(6, y - static_cast<float>(size) - 2);
            target.draw(t);
        }
    }
    target.draw(lines);
}

// Rails, sleepers and supports through the visible nodes, oldest first.
void drawTrack(sf::RenderTarget& target, const Mapper& map, const std::vector<const TreeNode*>& nodes, float h) {
    sf::VertexArray rails(sf::Triangles), wood(sf::Triangles), supports(sf::Lines);
    const float gauge = std::max(2.0f, map.unit() * 0.05f);
    const TreeNode* previous = nullptr;
    for (const TreeNode* n : nodes) {
        if (n->kind == NodeKind::Root) continue;
        const sf::Vector2f at = map(map.ride.position(*n));
        supports.append(sf::Vertex(at, sf::Color(200, 210, 230, 45)));
        supports.append(sf::Vertex({at.x, h}, sf::Color(200, 210, 230, 10)));
        if (previous) {
            TrackPoint from = map.ride.position(*previous);
            if (previous->kind == NodeKind::Summary)
                from.x = static_cast<double>(previous->lastFolded) * map.ride.config().nodeSpacing;
            const auto path = segment(map, from, map.ride.position(*n));
            for (std::size_t k = 1; k < path.size(); ++k) {
                const sf::Vector2f d = path[k] - path[k - 1];
                const float len = std::max(1e-3f, std::sqrt(d.x * d.x + d.y * d.y));
                const sf::Vector2f off(-d.y / len * gauge, d.x / len * gauge);
                addLine(rails, path[k - 1] + off, path[k] + off, 2.5f, kRail);
                addLine(rails, path[k - 1] - off, path[k] - off, 2.5f, kRail);
                if (k % 3 == 0) addLine(wood, path[k] + off * 1.6f, path[k] - off * 1.6f, 3.0f, sf::Color(120, 96, 72, 200));
            }
        }
        previous = n;
    }
    target.draw(supports);
    target.draw(wood);
    target.draw(rails);
}

void drawEdges(sf::RenderTarget& target, const Mapper& map, const std::vector<const TreeNode*>& nodes) {
    sf::VertexArray edges(sf::Lines);
    for (const TreeNode* n : nodes) {
        if (n->kind == NodeKind::Root || n->parent == 0) continue;
        const TreeNode* parent = map.ride.tree().find(n->parent);
        if (!parent) continue;
        edges.append(sf::Vertex(map(map.ride.position(*parent)), sf::Color(255, 255, 255, 38)));
        edges.append(sf::Vertex(map(map.ride.position(*n)), sf::Color(255, 255, 255, 38)));
    }
    target.draw(edges);
}

void drawNode(sf::RenderTarget& target, const Mapper& map, const TreeNode& n, const FrameView& frame,
              bool inspected) {
    const sf::Vector2f at = map(map.ride.position(n));
    const float unit = map.unit();
    const float r = std::clamp(unit * 0.13f, 4.0f, 26.0f);
    const unsigned size = static_cast<unsigned>(std::clamp(unit * 0.19f, 11.0f, 30.0f));
    const sf::Color color = outcomeColor(n.outcome, n.open);
    std::string label;
    switch (n.kind) {
    case NodeKind::Call:
    case NodeKind::Alternative: {
        sf::CircleShape shape(r, n.kind == NodeKind::Call ? 4 : 24);
        shape.setOrigin(r, r);
        shape.setPosition(at);
        shape.setFillColor(color);
        shape.setOutlineThickness(inspected ? 3.0f : 1.5f);
        shape.setOutlineColor(inspected ? kCart : sf::Color(20, 24, 32));
        target.draw(shape);
        if (n.kind == NodeKind::Call) label = n.name;
        else if (n.alternatives > 1) label = std::to_string(n.alternative + 1) + "/" + std::to_string(n.alternatives);
        break;
    }
    case NodeKind::Query: {
        sf::RectangleShape flag({r * 0.5f, r * 3});
        flag.setPosition(at.x - r * 0.25f, at.y - r * 3);
        flag.setFillColor(color);
        target.draw(flag);
        label = "query " + n.name;
        break;
    }
    case NodeKind::Station: {
        sf::RectangleShape platform({r * 4, r * 0.8f});
        platform.setOrigin(r * 2, -r * 1.2f);
        platform.setPosition(at);
        platform.setFillColor(outcomeColor(Outcome::Succeeded, false));
        target.draw(platform);
        label = "result " + std::to_string(n.ordinal) + (n.text.empty() || n.text == "{}" ? "" : " " + n.text);
        break;
    }
    case NodeKind::Derail: {
        sf::VertexArray cross(sf::Triangles);
        addLine(cross, at - sf::Vector2f(r, r), at + sf::Vector2f(r, r), r * 0.4f, kDerail);
        addLine(cross, at - sf::Vector2f(r, -r), at + sf::Vector2f(r, -r), r * 0.4f, kDerail);
        target.draw(cross);
        label = "derailed: " + n.name;
        break;
    }
    case NodeKind::Summary: {
        const float end = map({static_cast<double>(n.lastFolded) * map.ride.config().nodeSpacing, 0}).x;
        const float from = map({static_cast<double>(n.id) * map.ride.config().nodeSpacing, 0}).x;
        sf::RectangleShape bar({std::max(r, end - from), r});
        bar.setPosition(from, at.y - r / 2);
        bar.setFillColor(sf::Color(150, 156, 170, 120));
        target.draw(bar);
        label = std::to_string(n.folded) + " folded";
        break;
    }
    case NodeKind::Root: return;
    }
    if (!frame.font || !frame.labels || label.empty()) return;
    const float room = unit * (n.kind == NodeKind::Station || n.kind == NodeKind::Derail ? 3.2f : 1.8f);
    sf::Text t = text(*frame.font, cutLabel(label, room, static_cast<float>(size)), size,
                      n.kind == NodeKind::Derail ? kDerail : sf::Color(235, 238, 245));
    const sf::FloatRect b = t.getLocalBounds();
    t.setPosition(std::round(at.x - b.width / 2), std::round(at.y + r * (n.kind == NodeKind::Station ? 2.4f : 1.5f)));
    target.draw(t);
}

void drawCart(sf::RenderTarget& target, const Mapper& map) {
    const float unit = map.unit();
    const sf::Vector2f at = map(map.ride.cart());
    sf::Transform turn;
    turn.translate(at).rotate(static_cast<float>(map.ride.cartSlope() * 180 / kPi));
    const sf::Vector2f body(std::clamp(unit * 0.42f, 16.0f, 80.0f), std::clamp(unit * 0.22f, 9.0f, 40.0f));
    sf::RectangleShape car(body);
    car.setOrigin(body.x / 2, body.y + body.y * 0.35f);
    car.setFillColor(kCart);
    car.setOutlineThickness(2);
    car.setOutlineColor(sf::Color(40, 30, 10));
    target.draw(car, turn);
    for (const float x : {-body.x * 0.3f, body.x * 0.3f}) {
        sf::CircleShape wheel(body.y * 0.28f);
        wheel.setOrigin(wheel.getRadius(), wheel.getRadius());
        wheel.setPosition(x, -body.y * 0.3f);
        wheel.setFillColor(sf::Color(40, 40, 48));
        target.draw(wheel, turn);
    }
}

// The hovered or pinned node's description in a box beside it.
void drawTooltip(sf::RenderTarget& target, const Mapper& map, const FrameView& frame, float w, float h) {
    const auto id = map.ride.inspected();
    if (!id || !frame.font) return;
    const TreeNode* n = map.ride.tree().find(*id);
    if (!n) return;
    const unsigned size = static_cast<unsigned>(std::clamp(h / 34, 12.0f, 30.0f));
    const float boxWidth = std::min(w * 0.6f, static_cast<float>(size) * 34);
    std::vector<sf::Text> lines;
    float height = 0, width = 0;
    for (const std::string& line : map.ride.describe(*id)) {
        sf::Text t = text(*frame.font, cutLabel(line, boxWidth, static_cast<float>(size)), size,
                          lines.empty() ? kCart : sf::Color(235, 238, 245));
        lines.push_back(t);
        width = std::max(width, t.getLocalBounds().width);
        height += static_cast<float>(size) * 1.3f;
    }
    const sf::Vector2f at = map(map.ride.position(*n));
    const float pad = static_cast<float>(size) * 0.6f;
    sf::Vector2f corner(at.x + 18, at.y - height - 2 * pad - 10);
    corner.x = std::clamp(corner.x, 4.0f, std::max(4.0f, w - width - 2 * pad - 4));
    corner.y = std::clamp(corner.y, 4.0f, std::max(4.0f, h - height - 2 * pad - 4));
    sf::RectangleShape box({width + 2 * pad, height + 2 * pad});
    box.setPosition(corner);
    box.setFillColor(sf::Color(12, 14, 20, 230));
    box.setOutlineThickness(2);
    box.setOutlineColor(map.ride.pinned() ? kCart : sf::Color(120, 130, 150));
    target.draw(box);
    float y = corner.y + pad;
    for (sf::Text& t : lines) {
        t.setPosition(std::round(corner.x + pad), std::round(y));
        target.draw(t);
        y += static_cast<float>(size) * 1.3f;
    }
}

// Bottom left: the newest query and what it found, and what the colours
// mean, for whoever walks in mid-show.
void drawCaption(sf::RenderTarget& target, const Ride& ride, const FrameView& frame, float w, float h) {
    if (!frame.font || !frame.labels) return;
    const SearchTree& tree = ride.tree();
    const TreeNode& root = tree.root();
    const TreeNode* query = root.children.empty() ? nullptr : tree.find(root.children.back());
    const unsigned size = static_cast<unsigned>(std::clamp(h / 30, 12.0f, 34.0f));
    float x = static_cast<float>(size);
    const float y = h - static_cast<float>(size) * 2.2f;
    if (query && query->kind == NodeKind::Query) {
        std::uint64_t failed = 0;
        for (auto it = tree.nodes().lower_bound(query->id); it != tree.nodes().end(); ++it)
            if (it->second.kind == NodeKind::Alternative && it->second.outcome == Outcome::Failed) ++failed;
        const std::string caption = (query->name.empty() ? std::string("query") : query->name) + " — " +
                                    std::to_string(tree.resultsOf(*query)) +
                                    (tree.resultsOf(*query) == 1 ? " result, " : " results, ") +
                                    std::to_string(failed) + (failed == 1 ? " failed rule" : " failed rules");
        sf::Text t = text(*frame.font, cutLabel(caption, w * 0.55f, static_cast<float>(size)), size, sf::Color(235, 238, 245));
        t.setPosition(x, y);
        target.draw(t);
        x += t.getLocalBounds().width + static_cast<float>(size) * 1.5f;
    }
    const unsigned small = std::max(10u, size * 2 / 3);
    for (const auto& [name, color] : {std::pair<const char*, sf::Color>{"open", outcomeColor(Outcome::Open, true)},
                                      {"succeeded", outcomeColor(Outcome::Succeeded, false)},
                                      {"failed", outcomeColor(Outcome::Failed, false)},
                                      {"errored", outcomeColor(Outcome::Errored, false)}}) {
        if (x > w - static_cast<float>(small) * 8) break;
        sf::CircleShape dot(static_cast<float>(small) * 0.4f);
        dot.setFillColor(color);
        dot.setPosition(x, y + static_cast<float>(size) * 0.45f);
        target.draw(dot);
        sf::Text t = text(*frame.font, name, small, sf::Color(200, 205, 215));
        t.setPosition(x + static_cast<float>(small), y + static_cast<float>(size - small) * 0.6f);
        target.draw(t);
        x += static_cast<float>(small) + t.getLocalBounds().width + static_cast<float>(small);
    }
}

} // namespace

sf::Color outcomeColor(Outcome outcome, bool open) {
    switch (outcome) {
    case Outcome::Succeeded: return sf::Color(88, 214, 120);
    case Outcome::Failed: return sf::Color(222, 86, 78);
    case Outcome::Errored: return sf::Color(255, 150, 40);
    case Outcome::Open: break;
    }
    return open ? sf::Color(245, 245, 250) : sf::Color(150, 156, 170);
}

void CoasterView::render(sf::RenderTarget& target, const FrameView& frame) {
    target.clear(sf::Color(8, 10, 16));
    for (const LaneView& lane : frame.lanes) drawLane(target, lane, frame);
}

void CoasterView::drawLane(sf::RenderTarget& target, const LaneView& lane, const FrameView& frame) {
    if (!lane.scene || lane.rect.width < 2 || lane.rect.height < 2) return;
    enterLane(target, lane.rect);
    const float w = lane.rect.width, h = lane.rect.height;
    const Ride& ride = lane.scene->ride();
    const Mapper map{ride, w, h, lane.zoom};
    drawSky(target, lane, w, h);
    drawDepthGuides(target, map, frame, w, h);
    const TrackPoint left = ride.fromView(-0.1, 0.5, w / h, lane.zoom), right = ride.fromView(1.1, 0.5, w / h, lane.zoom);
    const auto nodes = ride.nodesBetween(left.x, right.x);
    drawEdges(target, map, nodes);
    drawTrack(target, map, nodes, h);
    const auto inspected = ride.inspected();
    for (const TreeNode* n : nodes) drawNode(target, map, *n, frame, inspected == n->id);
    if (ride.tree().size() > 1) drawCart(target, map);
    drawCaption(target, ride, frame, w, h);
    drawTooltip(target, map, frame, w, h);
    if (lane.opacity < 1) {
        // A source fading out: the lane darkens with it.
        sf::RectangleShape veil({w, h});
        veil.setFillColor(sf::Color(0, 0, 0, static_cast<sf::Uint8>((1 - std::clamp(lane.opacity, 0.0f, 1.0f)) * 255)));
        target.draw(veil);
    }
    leaveLane(target);
}

} // namespace polar::viewer
