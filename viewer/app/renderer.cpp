#include "renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace polar::viewer {
namespace {

sf::Color toSf(Color c, std::uint8_t alpha = 255) { return sf::Color(c.r, c.g, c.b, alpha); }

// Outlines stay light on every palette colour (whose value is 0.42).
const sf::Color kOutline(235, 240, 255, 210);
const sf::Color kPulse(255, 214, 102);

} // namespace

bool Renderer::loadFont(const std::string& path) {
    m_hasFont = m_font.loadFromFile(path);
    return m_hasFont;
}

void Renderer::draw(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud,
                    const RenderOptions& options) {
    target.clear(toSf(scene.background()));
    drawSquares(target, scene, options.labels && m_hasFont);
    if (options.hud && m_hasFont) drawHud(target, scene, hud);
    const float bannerTop = drawLoadBanner(target, scene.banner());
    drawToast(target, scene.banner());
    if (scene.errorShowing() && m_hasFont) drawError(target, scene, bannerTop);
}

void Renderer::drawSquares(sf::RenderTarget& target, const Scene& scene, bool labels) {
    const sf::Vector2f view(target.getView().getSize());
    const float side = std::min(view.x, view.y);
    const sf::Vector2f centre(view.x / 2, view.y / 2);
    const auto squares = scene.squares();
    for (std::size_t k = 0; k < squares.size(); ++k) {
        const Square& s = squares[k];
        const float size = static_cast<float>(s.size) * side;
        sf::RectangleShape shape(sf::Vector2f(size, size));
        shape.setOrigin(size / 2, size / 2);
        shape.setPosition(centre);
        shape.setRotation(static_cast<float>(s.rotation));
        // Deeper levels are a little more opaque, so the nesting reads as depth.
        const auto shade = static_cast<std::uint8_t>(std::min(90.0, 12.0 + 3.0 * s.level));
        shape.setFillColor(sf::Color(0, 0, 0, shade));
        if (k + 1 == squares.size() && scene.resultPulse() > 0) {
            const auto alpha = static_cast<std::uint8_t>(200 * scene.resultPulse());
            shape.setFillColor(sf::Color(kPulse.r, kPulse.g, kPulse.b, alpha));
        }
        shape.setOutlineColor(kOutline);
        shape.setOutlineThickness(std::max(1.0f, side / 400));
        target.draw(shape);
        if (labels && !s.label.empty() && s.rotation == 0 && size > side * 0.08f) {
            sf::Text text(s.label, m_font, static_cast<unsigned>(std::max(10.0f, side / 50)));
            text.setFillColor(kOutline);
            text.setPosition(centre.x - size / 2 + 6, centre.y - size / 2 + 2);
            target.draw(text);
        }
    }
}

void Renderer::drawHud(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud) {
    char line[512];
    const auto& c = scene.counters();
    std::snprintf(line, sizeof line,
                  "depth %d   branches %llu   results %llu   errors %llu\n"
                  "events/s %.0f   dropped %llu   malformed %llu   fps %.0f%s\n%s%s%s",
                  scene.depth(), static_cast<unsigned long long>(scene.branches()),
                  static_cast<unsigned long long>(c.results), static_cast<unsigned long long>(c.errors),
                  hud.eventsPerSecond, hud.dropped, hud.malformed, hud.framesPerSecond,
                  hud.paused ? "   PAUSED" : "", hud.source.c_str(), hud.position.empty() ? "" : "   ",
                  hud.position.c_str());
    const float side = std::min(target.getView().getSize().x, target.getView().getSize().y);
    sf::Text text(line, m_font, static_cast<unsigned>(std::max(11.0f, side / 55)));
    text.setFillColor(sf::Color(255, 255, 255, 230));
    text.setOutlineColor(sf::Color(0, 0, 0, 160));
    text.setOutlineThickness(1);
    text.setPosition(10, 8);
    target.draw(text);
}

// Above the load banner when one is up: a query error of the old policy
// and a refused load are both worth reading.
void Renderer::drawError(sf::RenderTarget& target, const Scene& scene, float bottom) {
    const sf::Vector2f view(target.getView().getSize());
    sf::RectangleShape band(sf::Vector2f(view.x, view.y / 10));
    band.setPosition(0, bottom - view.y / 10);
    band.setFillColor(sf::Color(0, 0, 0, 180));
    target.draw(band);
    sf::Text text("ERROR  " + scene.errorText(), m_font, static_cast<unsigned>(view.y / 28));
    text.setFillColor(sf::Color(255, 90, 90));
    text.setPosition(16, bottom - view.y / 10 + view.y / 60);
    target.draw(text);
}

} // namespace polar::viewer
