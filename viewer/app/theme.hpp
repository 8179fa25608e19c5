// theme.hpp — a theme is one complete look of polar-viewer: palette, motion
// and texture, chosen by name (`--theme NAME`, `--theme list`).
//
// Design. The scene model (viewer/scene) says what happened — depth, branches,
// flashes, pulses, errors, activity — as plain data; a Theme turns one frame
// of it into pixels. A frame holds one or more *lanes*: one source's scene,
// the rectangle of the target it owns, how visible it still is (a silent
// source fades out) and its hue family. Themes may keep state between frames
// (eased colours, rotation phases, trail and bloom textures); they are told
// the frame's time and step, so the same events with the same steps always
// give the same pictures (the approved-image tests depend on it).
//
// Every theme obeys the same safety rule (WCAG 2.3.1, issue 14): nothing it
// draws makes the whole frame jump in brightness. A backtrack is a local
// glow on the innermost squares, a result a soft glow inside the innermost
// square, an error a slow red tint of its lane; colours are eased. The
// overlays (banners, HUD) are the Renderer's, drawn after the theme.
#pragma once

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "polar/viewer/scene.hpp"

namespace polar::viewer {

// One source's picture: its scene, where on the target it goes, and how visible.
struct LaneView {
    const Scene* scene = nullptr;
    sf::FloatRect rect; // in target pixels (the whole target for a single source)
    float opacity = 1;  // 0..1: a source that went silent fades out
    double hue = 210;   // the lane's hue family in degrees (each sender its own)
    // What the performer plays (/viewer/zoom, /viewer/rotation): the nest's
    // scale around the lane's centre, and degrees every square turns
    // beyond its own rotation (stepping on the beat, Show keeps it).
    float zoom = 1;
    double spin = 0;
};

struct FrameView {
    double time = 0;      // seconds of scene time since start: idle drift, breathing
    double dt = 1.0 / 60; // this frame's step
    std::vector<LaneView> lanes;
    bool labels = true;
    const sf::Font* font = nullptr; // null: draw no text
    // /viewer/trail (0 none, 0.5 the theme's own, 1 four times longer), the
    // beat's tempo and its pulse (1 on the beat, falling): trails last a
    // number of beats, and breathing themes swell a little on each beat.
    double trail = 0.5;
    double bpm = 120;
    double pulse = 0;
};

// The side of a lane's nest in pixels: the lane's shorter side, zoomed.
inline float nestSide(const LaneView& lane) { return std::min(lane.rect.width, lane.rect.height) * lane.zoom; }

// A theme's own trail fade rate (per second, at /viewer/trail 0.5 and 120
// bpm) as the performer set it: the trail lasts the same number of beats
// at any tempo, four times longer at trail 1, and is gone at trail 0.
double trailRate(double ownRate, const FrameView& frame);

struct ThemeInfo {
    std::string_view name;
    std::string_view description;
};

class Theme {
public:
    virtual ~Theme() = default;
    virtual std::string_view name() const = 0;
    // Draws the lanes onto target (clears it first). Keeps its own textures
    // (trails, bloom) sized to the target; must never throw on a missing
    // shader: sf::Shader::isAvailable() false or a compile failure degrades
    // to a simpler look.
    virtual void render(sf::RenderTarget& target, const FrameView& frame) = 0;
};

std::span<const ThemeInfo> themeList();                  // for --help and `--theme list`
std::unique_ptr<Theme> makeTheme(std::string_view name); // nullptr when unknown

} // namespace polar::viewer
