// theme_diagram.cpp — see theme_diagram.hpp. The drawing is the renderer's
// former drawSquares(), moved here unchanged apart from two things that
// leave a single opaque full-target lane identical: every alpha is scaled
// by the lane's opacity, and labels are cut to their square before an
// sf::Text is built.
#include "theme_diagram.hpp"

#include <algorithm>
#include <cmath>

#include "theme_draw.hpp"

namespace polar::viewer {
namespace {

// Outlines stay light on every palette colour (whose value is 0.42).
const sf::Color kOutline(235, 240, 255, 210);
const sf::Color kPulse(255, 214, 102);

sf::Color faded(sf::Color c, float opacity) {
    c.a = static_cast<sf::Uint8>(std::lround(c.a * std::clamp(opacity, 0.0f, 1.0f)));
    return c;
}

} // namespace

void DiagramTheme::render(sf::RenderTarget& target, const FrameView& frame) {
    target.clear(sf::Color::Black);
    for (const LaneView& lane : frame.lanes)
        if (lane.scene && lane.opacity > 0) drawLane(target, lane, frame);
    leaveLane(target);
}

void DiagramTheme::drawLane(sf::RenderTarget& target, const LaneView& lane,
                            const FrameView& frame) {
    enterLane(target, lane.rect);
    const Scene& scene = *lane.scene;
    const sf::Vector2f view(lane.rect.width, lane.rect.height);
    const Color bg = scene.background();
    sf::RectangleShape fill(view);
    fill.setFillColor(faded(sf::Color(bg.r, bg.g, bg.b), lane.opacity));
    target.draw(fill);

    const bool labels = frame.labels && frame.font;
    const float side = nestSide(lane);
    const sf::Vector2f centre(view.x / 2, view.y / 2);
    const auto squares = scene.squares();
    for (std::size_t k = 0; k < squares.size(); ++k) {
        const Square& s = squares[k];
        const float size = static_cast<float>(s.size) * side;
        sf::RectangleShape shape(sf::Vector2f(size, size));
        shape.setOrigin(size / 2, size / 2);
        shape.setPosition(centre);
        shape.setRotation(static_cast<float>(s.rotation + lane.spin));
        // Deeper levels are a little more opaque, so the nesting reads as depth.
        const auto shade = static_cast<std::uint8_t>(std::min(90.0, 12.0 + 3.0 * s.level));
        shape.setFillColor(faded(sf::Color(0, 0, 0, shade), lane.opacity));
        if (k + 1 == squares.size() && scene.resultPulse() > 0) {
            const auto alpha = static_cast<std::uint8_t>(200 * scene.resultPulse());
            shape.setFillColor(faded(sf::Color(kPulse.r, kPulse.g, kPulse.b, alpha), lane.opacity));
        }
        shape.setOutlineColor(faded(kOutline, lane.opacity));
        shape.setOutlineThickness(std::max(1.0f, side / 400));
        target.draw(shape);
        if (labels && !s.label.empty() && s.rotation + lane.spin == 0 && size > side * 0.08f) {
            const float characterSize = std::max(10.0f, side / 50);
            const std::string label = cutLabel(s.label, size - 12, characterSize);
            sf::Text text(sf::String::fromUtf8(label.begin(), label.end()), *frame.font,
                          static_cast<unsigned>(characterSize));
            text.setFillColor(faded(kOutline, lane.opacity));
            text.setPosition(centre.x - size / 2 + 6, centre.y - size / 2 + 2);
            target.draw(text);
        }
    }
}

} // namespace polar::viewer
