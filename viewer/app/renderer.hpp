// renderer.hpp — draws a Scene with SFML, onto a window or an off-screen
// texture alike (both are sf::RenderTarget), so the headless PNG mode and the
// window show exactly the same picture.
//
// Layers, back to front: the background (palette colour, lightened by a
// backtrack flash, red on error); one outlined square per stack level,
// nested and centred, rotating into a spiral past the levels that fit; the
// innermost square filled with a pulse after a result; rule names on their
// level (toggle); the heads-up display (toggle); a query error's banner;
// the live-coding banner of a refused load and the "loaded" toast
// (renderer_banner.cpp), in a band at the bottom that leaves the squares
// above it visible.
#pragma once

#include <string>

#include <SFML/Graphics.hpp>

#include "polar/viewer/scene.hpp"

namespace polar::viewer {

struct HudInfo {
    double eventsPerSecond = 0;
    unsigned long long dropped = 0;    // receiver drops and malformed packets
    unsigned long long malformed = 0;
    std::string source;                // "udp 127.0.0.1:9000" or "replay FILE"
    std::string position;              // replay position, e.g. "12.3 s / 40.0 s"
    bool paused = false;
    double framesPerSecond = 0;
};

struct RenderOptions {
    bool labels = true;
    bool hud = true;
};

class Renderer {
public:
    // The font for labels and the HUD; without one, text is simply not drawn.
    bool loadFont(const std::string& path);
    bool hasFont() const { return m_hasFont; }
    void draw(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud, const RenderOptions& options);

private:
    void drawSquares(sf::RenderTarget& target, const Scene& scene, bool labels);
    void drawHud(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud);
    void drawError(sf::RenderTarget& target, const Scene& scene, float bottom);
    // Returns the top of what it drew (the view's height when nothing).
    float drawLoadBanner(sf::RenderTarget& target, const LoadBanner& banner);
    void drawToast(sf::RenderTarget& target, const LoadBanner& banner);
    // `text` cut with the `~` marker to fit `width` pixels at this size.
    sf::Text fitted(const std::string& text, unsigned size, sf::Uint32 style, float width) const;

    sf::Font m_font;
    bool m_hasFont = false;
};

// The font used when none is given: DejaVu Sans from Debian's fonts-dejavu-core.
inline constexpr const char* kDefaultFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

} // namespace polar::viewer
