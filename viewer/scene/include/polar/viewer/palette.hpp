// palette.hpp — the background colours, one per branch, as a deterministic
// walk: the n-th branch always gets the same colour, so a recording always
// looks the same. Hues step by the golden angle, which never repeats and
// keeps neighbouring colours far apart; saturation and value stay where
// squares drawn on top remain readable.
#pragma once

#include <cstdint>

namespace polar::viewer {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

// The colour after `branches` branching events (0: the starting colour).
// With a `spread` (degrees, above 0 and below 180) the walk stays within
// baseHue ± spread: a *hue family*, so several senders on one screen keep
// colours of their own. Spread 0 walks the whole circle from baseHue.
Color paletteColor(std::uint64_t branches, double baseHue = 210.0, double spread = 0.0);

// Hue (degrees, any value: it wraps), saturation and value (clamped to
// 0..1) to a colour. The one HSV conversion: themes use it too.
Color hsvToColor(double hue, double saturation, double value);

// Linear blend: t = 0 gives a, t = 1 gives b.
Color mix(Color a, Color b, double t);

} // namespace polar::viewer
