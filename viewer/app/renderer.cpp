// renderer.cpp — see renderer.hpp: a theme draws the art, the renderer
// the text everyone must be able to read, the same in every theme.
#include "renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theme_draw.hpp"

namespace polar::viewer {

bool Renderer::loadFont(const std::string& path) {
    m_hasFont = m_font.loadFromFile(path);
    return m_hasFont;
}

void Renderer::draw(sf::RenderTarget& target, Theme& theme, const FrameView& frame, const HudInfo& hud,
                    const RenderOptions& options) {
    theme.render(target, frame);
    for (const LaneView& lane : frame.lanes) {
        if (!lane.scene) continue;
        // The lane's view: the banners measure "the view" and so fit the lane.
        enterLane(target, lane.rect);
        const float bannerTop = drawLoadBanner(target, lane.scene->banner());
        drawToast(target, lane.scene->banner());
        if (lane.scene->errorShowing() && m_hasFont) drawError(target, *lane.scene, bannerTop);
    }
    leaveLane(target);
    if (options.hud && m_hasFont && !frame.lanes.empty() && frame.lanes.front().scene)
        drawHud(target, *frame.lanes.front().scene, hud);
}

void Renderer::draw(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud, const RenderOptions& options) {
    if (!m_diagram) m_diagram = makeTheme("diagram");
    FrameView frame;
    const sf::Vector2f size(target.getSize());
    frame.lanes.push_back(LaneView{&scene, sf::FloatRect(0, 0, size.x, size.y), 1.0f, 210});
    frame.labels = options.labels;
    frame.font = font();
    draw(target, *m_diagram, frame, hud, options);
}

void Renderer::drawHud(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud) {
    char line[640];
    const auto& c = scene.counters();
    std::snprintf(line, sizeof line,
                  "depth %d   branches %llu   results %llu   errors %llu\n"
                  "events/s %.0f   dropped %llu   malformed %llu   mistyped %llu   fps %.0f%s\n%s%s%s%s%s%s%s",
                  scene.depth(), static_cast<unsigned long long>(scene.branches()),
                  static_cast<unsigned long long>(c.results), static_cast<unsigned long long>(c.errors),
                  hud.eventsPerSecond, hud.dropped, hud.malformed, hud.mistyped, hud.framesPerSecond,
                  hud.paused ? "   PAUSED" : "", hud.source.c_str(), hud.position.empty() ? "" : "   ",
                  hud.position.c_str(), hud.status.empty() ? "" : "\n", hud.status.c_str(),
                  hud.performance.empty() ? "" : "\n", hud.performance.c_str());
    const sf::Vector2f view = target.getView().getSize();
    const float side = std::min(view.x, view.y), characterSize = std::max(11.0f, side / 55);
    // snprintf already bounds the line to 640 bytes; the source names
    // a file, so it is cut to the screen's width like every other text.
    const std::string shown = cutLabel(line, view.x, characterSize);
    sf::Text text(sf::String::fromUtf8(shown.begin(), shown.end()), m_font, static_cast<unsigned>(characterSize));
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
    sf::Text text = fitted("ERROR  " + scene.errorText(), static_cast<unsigned>(view.y / 28), sf::Text::Regular,
                           view.x - 32);
    text.setFillColor(sf::Color(255, 90, 90));
    text.setPosition(16, bottom - view.y / 10 + view.y / 60);
    target.draw(text);
}

} // namespace polar::viewer
