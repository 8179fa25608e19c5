// show.hpp — one frame of polar-viewer, from the Stage to the screen.
//
// The Stage (scene layer) holds one lane per sender; the Show turns it
// into a FrameView (each lane's rectangle in pixels, its opacity and hue
// family), has the chosen Theme draw it and the Renderer add the overlays
// onto the SafeCompositor's canvas, lets the compositor put it on the
// target within the flash budget, and draws the HUD last, on top, where its
// numbers stay sharp (text, small, never a flash). Window and headless
// loops call the same draw(), so a PNG shows what a projector would.
#pragma once

#include <memory>
#include <ostream>
#include <string_view>

#include <SFML/Graphics.hpp>

#include "polar/viewer/stage.hpp"
#include "renderer.hpp"
#include "safe_compositor.hpp"
#include "theme.hpp"

namespace polar::viewer {

class Show {
public:
    // `safe` false is --unsafe-flashes: the compositor passes frames through.
    Show(Renderer& renderer, std::unique_ptr<Theme> theme, bool safe);

    void draw(sf::RenderTarget& target, const Stage& stage, HudInfo& hud, const RenderOptions& options);
    // The next theme of themeList() (the T key): a performer changes the look live.
    void nextTheme();
    std::string_view themeName() const { return m_theme->name(); }
    const SafeCompositor& compositor() const { return m_compositor; }

private:
    Renderer& m_renderer;
    std::unique_ptr<Theme> m_theme;
    SafeCompositor m_compositor;
    double m_lastTime = -1;
    // Before the first sender: one empty lane over the whole frame, so the
    // theme's idle look (drift, breathing) plays and the HUD shows, instead
    // of a black screen.
    Scene m_waiting;
};

// "polar-viewer: source 127.0.0.1:50123 (polar-github): 1234 events", one
// line per lane, and the sources that found no room: what a closing report
// and the multi-source test read.
void printSources(std::ostream& out, const Stage& stage);

} // namespace polar::viewer
