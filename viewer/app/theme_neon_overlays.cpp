// theme_neon_overlays.cpp — what neon draws after its trails, so it never
// feeds back: the result's glow, the rule names, the error tint and the
// fade of a silent lane. See theme_neon.hpp.
#include <algorithm>
#include <cmath>

#include "theme_draw.hpp"
#include "theme_neon.hpp"
#include "theme_neon_motion.hpp"

namespace polar::viewer {
using namespace neon;
namespace {

// Labels on at most this many of the innermost (large enough) squares:
// the ones the search is working in; more would clutter the tunnel.
constexpr std::size_t kMaxLabels = 4;

} // namespace

void NeonTheme::overlays(sf::RenderTarget& target, const LaneState& state, const LaneView& lane,
                         const FrameView& frame) {
    const Scene& scene = *lane.scene;
    const float w = lane.rect.width, h = lane.rect.height, side = nestSide(lane);
    const sf::Vector2f centre(w / 2, h / 2);
    const auto squares = scene.squares();
    const Motion motion = motionOf(scene, frame.time, frame.pulse);
    // The result: a soft fill inside the innermost square, after the
    // trails so it never accumulates; at most 18 % of a mid-bright colour
    // over at most half the frame (depth 1), a luminance step under 0.05.
    if (!squares.empty() && scene.resultPulse() > 0) {
        const Square& s = squares.back();
        sf::VertexArray fill(sf::Triangles);
        addSquareFill(
            fill, centre, static_cast<float>(s.size * motion.breath) * side,
            static_cast<float>(squareDegrees(s, state.phase, 1) + lane.spin),
            hsvColor(lane.hue + 40, 0.55, 0.9, 0.18 * scene.resultPulse() * lane.opacity));
        target.draw(fill, sf::BlendAdd);
    }
    if (frame.labels && frame.font) {
        const float characterSize = std::max(10.0f, side / 45);
        std::size_t drawn = 0;
        for (auto it = squares.rbegin(); it != squares.rend() && drawn < kMaxLabels; ++it) {
            const float size = static_cast<float>(it->size * motion.breath) * side;
            if (it->label.empty() || size < side * 0.2f) continue;
            const std::string label = cutLabel(it->label, size * 0.85f, characterSize);
            sf::Text text(sf::String::fromUtf8(label.begin(), label.end()), *frame.font,
                          static_cast<unsigned>(characterSize));
            text.setFillColor(hsvColor(lane.hue, 0.25, 1.0, 0.85 * lane.opacity));
            text.setOutlineColor(sf::Color(0, 0, 0, byte(160 * lane.opacity)));
            text.setOutlineThickness(1);
            // Upright (turned text is unreadable from the back of a room),
            // just inside whichever corner of the turning square is
            // highest on the screen, so the name rides along with it.
            const double a = (squareDegrees(*it, state.phase, 1) + lane.spin) * kTau / 360;
            sf::Vector2f top(0, 1e9f);
            for (int c = 0; c < 4; ++c) {
                const double ca = a + kTau * (0.125 + 0.25 * c);
                const sf::Vector2f p(centre.x + static_cast<float>(std::cos(ca)) * size * 0.68f,
                                     centre.y + static_cast<float>(std::sin(ca)) * size * 0.68f);
                if (p.y < top.y) top = p;
            }
            const sf::FloatRect bounds = text.getLocalBounds();
            text.setPosition(top.x - bounds.width / 2, top.y + characterSize * 0.6f);
            target.draw(text);
            ++drawn;
        }
    }
    const sf::Vector2f area(w, h);
    if (state.error > 0.002) {
        // Red by taking green and blue away (multiply), then a little red
        // light added: the lane turns red without getting brighter.
        const double e = state.error;
        sf::RectangleShape tint(area);
        // Half of green and blue go, not all: the lines keep a little of
        // their own colour, so the room sees "error" and still the search.
        tint.setFillColor(sf::Color(255, byte(255 - 125 * e), byte(255 - 115 * e)));
        target.draw(tint, sf::BlendMultiply);
        tint.setFillColor(sf::Color(byte(26 * e), 0, byte(4 * e)));
        target.draw(tint, sf::BlendAdd);
    }
    if (lane.opacity < 1) {
        sf::RectangleShape fade(area);
        fade.setFillColor(
            sf::Color(0, 0, 0, byte(255 * (1 - std::clamp(lane.opacity, 0.0f, 1.0f)))));
        target.draw(fade);
    }
}

} // namespace polar::viewer
