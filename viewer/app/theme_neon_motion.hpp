// theme_neon_motion.hpp — what neon's drawing and its overlays must agree
// on: how busy a lane is, how the nest breathes, how far each level has
// turned. Internal to the neon theme (theme_neon.cpp, theme_neon_overlays.cpp).
#pragma once

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>

#include "polar/viewer/scene.hpp"

namespace polar::viewer::neon {

inline constexpr double kTau = 6.283185307179586;
// activity() in events/s where motion is ~63 % of its busiest.
inline constexpr double kActivityScale = 40.0;
inline sf::Uint8 byte(double v) {
    return static_cast<sf::Uint8>(std::clamp(std::lround(v), 0L, 255L));
}

// How busy the lane is (0 idle .. 1) and how much the nest is breathing.
struct Motion {
    double busy;
    double breath;
};
// `beat` is the beat's pulse (FrameView::pulse): a 1.5 % swell on each
// beat, felt with the music, far below any flash.
inline Motion motionOf(const Scene& scene, double t, double beat) {
    const double busy = 1 - std::exp(-scene.activity() / kActivityScale);
    return {busy, 1 + 0.03 * std::sin(kTau * t / 7.0) + 0.05 * busy * std::sin(kTau * t * 0.8) + 0.015 * beat};
}
// Deeper levels turn a little faster than their parents: the nest twists.
inline double squareDegrees(const Square& s, double phase, double turn) {
    return s.rotation + turn * phase * (1 + 0.12 * s.level);
}

} // namespace polar::viewer::neon
