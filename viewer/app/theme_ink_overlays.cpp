// theme_ink_overlays.cpp — what ink draws after its wake, so it never
// bleeds: the rule names in italic ink, the error's red wash and the fade
// of a silent lane into the paper. See theme_ink.hpp.
#include <algorithm>
#include <cmath>

#include "theme_draw.hpp"
#include "theme_ink.hpp"
#include "theme_ink_look.hpp"

namespace polar::viewer {
using namespace ink;
namespace {

// Labels on at most this many of the innermost (large enough) squares.
constexpr std::size_t kMaxLabels = 6;

} // namespace

void InkTheme::overlays(sf::RenderTarget& target, const LaneState& state, const LaneView& lane,
                        const FrameView& frame) const {
    const Scene& scene = *lane.scene;
    const float w = lane.rect.width, h = lane.rect.height, side = nestSide(lane);
    if (frame.labels && frame.font) {
        const float characterSize = std::max(10.0f, side / 48);
        const auto squares = scene.squares();
        std::size_t drawn = 0;
        for (auto it = squares.rbegin(); it != squares.rend() && drawn < kMaxLabels; ++it) {
            const float size = static_cast<float>(it->size) * side;
            if (it->label.empty() || it->rotation + lane.spin != 0 || size < side * 0.1f) continue;
            const std::string label = cutLabel(it->label, size - characterSize, characterSize);
            sf::Text text(sf::String::fromUtf8(label.begin(), label.end()), *frame.font,
                          static_cast<unsigned>(characterSize));
            text.setFillColor(
                hsvColor(state.inkHue, kInkSaturation, kInkValue, 0.9 * lane.opacity));
            text.setStyle(sf::Text::Italic);
            text.setPosition(w / 2 - size / 2 + characterSize * 0.5f,
                             h / 2 - size / 2 + characterSize * 0.25f);
            target.draw(text);
            ++drawn;
        }
    }
    const sf::Vector2f area(w, h);
    if (state.error > 0.002) {
        sf::RectangleShape wash(area);
        wash.setFillColor(sf::Color(200, 40, 36, byte(255 * 0.14 * state.error)));
        target.draw(wash);
    }
    if (lane.opacity < 1) {
        // A fading source fades into the paper, so the page stays as bright.
        sf::RectangleShape veil(area);
        veil.setFillColor(sf::Color(kPaper.r, kPaper.g, kPaper.b,
                                    byte(255 * (1 - std::clamp(lane.opacity, 0.0f, 1.0f)))));
        target.draw(veil);
    }
}

} // namespace polar::viewer
