// theme_ink_look.hpp — what ink's drawing (theme_ink.cpp) and its overlays
// (theme_ink_overlays.cpp) share: the paper, the ink, a byte of colour.
// Internal to the ink theme.
#pragma once

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>

namespace polar::viewer::ink {

// Warm off-white (relative luminance ~0.84): bright enough to read as
// paper on a projector, not so white that a room is lit by it.
inline const sf::Color kPaper(242, 236, 222);
// Ink: dark (value 0.3) and half saturated, so its hue reads but it stays ink.
inline constexpr double kInkSaturation = 0.55, kInkValue = 0.3;

inline sf::Uint8 byte(double v) { return static_cast<sf::Uint8>(std::clamp(std::lround(v), 0L, 255L)); }

} // namespace polar::viewer::ink
