// theme.cpp — the catalogue of themes: one table of names and descriptions
// (what --help and `--theme list` print) and the factory behind it. A new
// theme is one line here and its own theme_<name>.cpp/.hpp.
#include "theme.hpp"

#include <cmath>

#include "theme_diagram.hpp"
#include "theme_ink.hpp"
#include "theme_neon.hpp"

namespace polar::viewer {
namespace {

constexpr ThemeInfo kThemes[] = {
    {"diagram",
     "the process diagram: outlined nested squares on the palette walk, rule names (the default)"},
    {"neon",
     "glowing outlines on black, tunnel trails and bloom, echoes filling the 16:9 frame (for a "
     "projector)"},
    {"ink", "dark ink on steady paper, hand-drawn strokes that bleed slowly, watercolour washes"},
};

} // namespace

double trailRate(double ownRate, const FrameView& frame) {
    // Below 2 %, "no trail": a rate that leaves under 1/255 after a frame.
    if (frame.trail < 0.02) return 1000;
    return ownRate * std::clamp(frame.bpm, 20.0, 300.0) / 120 * std::pow(4.0, 1 - 2 * std::clamp(frame.trail, 0.0, 1.0));
}

std::span<const ThemeInfo> themeList() { return kThemes; }

std::unique_ptr<Theme> makeTheme(std::string_view name) {
    if (name == "diagram") return std::make_unique<DiagramTheme>();
    if (name == "neon") return std::make_unique<NeonTheme>();
    if (name == "ink") return std::make_unique<InkTheme>();
    return nullptr;
}

} // namespace polar::viewer
