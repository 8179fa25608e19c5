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

#include <array>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <SFML/Graphics.hpp>

#include "polar/viewer/control_params.hpp"
#include "polar/viewer/stage.hpp"
#include "renderer.hpp"
#include "safe_compositor.hpp"
#include "theme.hpp"

namespace polar::viewer {

// What the performer set for this frame (Performance::look()).
struct Look {
    float zoom = 1;
    double spin = 0;    // degrees every square turns beyond its own
    double trail = 0.5;
    double bpm = 120;
    double pulse = 0;   // the beat's pulse, 1 on the beat
    double dim = 0;     // 0 as drawn .. 1 black: the dimmer and the blackout together
    int solo = 0;       // 1..9: only that lane, over the whole frame
    bool coaster = false;  // /viewer/mode coaster: the search tree as a ride (coaster_view.hpp)
    std::array<bool, kMaxMuteLanes> muted{};
};

class Show {
public:
    // `safe` false is --unsafe-flashes: the compositor passes frames through.
    Show(Renderer& renderer, std::unique_ptr<Theme> theme, bool safe);

    void draw(sf::RenderTarget& target, const Stage& stage, HudInfo& hud, const RenderOptions& options,
              const Look& look = {});
    // The named theme, live (false, and no change, when there is none; a
    // no-op when it is the one showing).
    bool setTheme(std::string_view name);
    // The frame-level flash governor on or off (/viewer/flashlimit).
    void setSafe(bool safe) { m_compositor.setEnabled(safe); }
    std::string_view themeName() const { return m_theme->name(); }
    // The lane drawn at pixel (x, y) of the last frame, and where in it
    // (0..1 across and down), for the coaster's hover and click; null when
    // none. `aspect` is the lane's width / height.
    struct LanePoint {
        Scene* scene = nullptr;
        double x = 0, y = 0, aspect = 1;
    };
    LanePoint laneAt(float x, float y) const;
    // The mouse at pixel (x, y) (outside every lane: nowhere): the coaster
    // of the lane under it hovers the node there, a click pins it; the
    // other lanes hover nothing. `zoom` is the look's.
    void pointer(float x, float y, bool click, float zoom);
    const SafeCompositor& compositor() const { return m_compositor; }

private:
    Renderer& m_renderer;
    std::unique_ptr<Theme> m_theme;
    std::unique_ptr<Theme> m_coaster;  // the ride, drawn instead of the theme in coaster mode
    std::vector<std::pair<Scene*, sf::FloatRect>> m_drawn;  // the last frame's lanes (laneAt)
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

// --tree-out: every lane's search tree (SearchTree::dump), each under a
// "# source KEY: N nodes, F folded, G guessed, O orphans" line (guessed:
// entries placed by name and depth, without a 1.3 call ordinal); false when the file cannot be written.
bool writeTrees(const std::string& path, const Stage& stage);

} // namespace polar::viewer
