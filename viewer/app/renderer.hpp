// renderer.hpp — draws a frame with SFML, onto a window or an off-screen
// texture alike (both are sf::RenderTarget), so the headless PNG mode and the
// window show exactly the same picture.
//
// Layers, back to front: the theme's picture of every lane (theme.hpp:
// squares, trails, glow, labels); then, per lane and inside its rectangle,
// a query error's band, the live-coding banner of a refused load and the
// "loaded" toast (renderer_banner.cpp), in a band at the bottom that
// leaves the squares above it visible; then the heads-up display (toggle),
// once for the whole target. The overlays are the same in every theme:
// text that must be read is never part of the art.
#pragma once

#include <memory>
#include <string>

#include <SFML/Graphics.hpp>

#include "polar/viewer/scene.hpp"
#include "theme.hpp"

namespace polar::viewer {

struct HudInfo {
    double eventsPerSecond = 0;
    unsigned long long dropped = 0;    // receiver drops and malformed packets
    unsigned long long malformed = 0;
    // /polar/... messages with unusable arguments, and /viewer/... controls
    // that named no parameter or carried no usable value.
    unsigned long long mistyped = 0;
    std::string source;                // "udp 127.0.0.1:9000" or "replay FILE"
    std::string position;              // replay position, e.g. "12.3 s / 40.0 s"
    std::string status;                // theme, sources, the flash limits at work (Show)
    std::string performance;           // controls, preset, tempo (Performance::status)
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
    const sf::Font* font() const { return m_hasFont ? &m_font : nullptr; }
    // The theme's picture of the frame, then the overlays of each lane
    // inside its rect, then the HUD (about the first lane's scene).
    // frame.font is the theme's; the overlays use this renderer's font.
    void draw(sf::RenderTarget& target, Theme& theme, const FrameView& frame, const HudInfo& hud,
              const RenderOptions& options);
    // One scene over the whole target in the `diagram` theme (the look
    // before themes, pixel for pixel), labels per options.labels.
    void draw(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud, const RenderOptions& options);

    // The heads-up display alone, about `scene` (Show draws it after the
    // compositor, so its text is never blended).
    void drawHud(sf::RenderTarget& target, const Scene& scene, const HudInfo& hud);

private:
    void drawError(sf::RenderTarget& target, const Scene& scene, float bottom);
    // Returns the top of what it drew (the view's height when nothing).
    float drawLoadBanner(sf::RenderTarget& target, const LoadBanner& banner);
    void drawToast(sf::RenderTarget& target, const LoadBanner& banner);
    // `text` cut with the `~` marker to fit `width` pixels at this size;
    // cut to characterBudget() first, so a 60 KB text costs what a line does.
    sf::Text fitted(const std::string& text, unsigned size, sf::Uint32 style, float width) const;

    sf::Font m_font;
    bool m_hasFont = false;
    std::unique_ptr<Theme> m_diagram;  // for the one-scene draw(), made on first use
};

// The font used when none is given: DejaVu Sans from Debian's fonts-dejavu-core.
inline constexpr const char* kDefaultFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

} // namespace polar::viewer
