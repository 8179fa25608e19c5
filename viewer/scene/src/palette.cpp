#include "polar/viewer/palette.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {
namespace {

// 360 / φ²: successive hues never line up, and consecutive ones differ a lot.
constexpr double kGoldenAngle = 137.50776405003785;
// Dark enough for light squares on top, saturated enough to tell apart.
constexpr double kSaturation = 0.55;
constexpr double kValue = 0.42;
// 1/φ: the fractional parts of n/φ spread evenly over [0, 1) (the same
// golden-angle idea, folded into a family's range).
constexpr double kInverseGolden = 0.6180339887498949;

} // namespace

Color hsvToColor(double hue, double s, double v) {
    s = std::clamp(s, 0.0, 1.0);
    v = std::clamp(v, 0.0, 1.0);
    const double c = v * s;
    hue = std::fmod(hue, 360.0);
    if (hue < 0) hue += 360.0;
    const double h = hue / 60.0;
    const double x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    if (h < 1) { r = c; g = x; }
    else if (h < 2) { r = x; g = c; }
    else if (h < 3) { g = c; b = x; }
    else if (h < 4) { g = x; b = c; }
    else if (h < 5) { r = x; b = c; }
    else { r = c; b = x; }
    const double m = v - c;
    auto byte = [m](double u) { return static_cast<std::uint8_t>(std::lround((u + m) * 255.0)); };
    return {byte(r), byte(g), byte(b)};
}

Color paletteColor(std::uint64_t branches, double baseHue, double spread) {
    const double n = static_cast<double>(branches % 1000003);
    if (spread <= 0 || spread >= 180) return hsvToColor(baseHue + kGoldenAngle * n, kSaturation, kValue);
    const double fraction = n * kInverseGolden - std::floor(n * kInverseGolden);
    // The family starts on its own hue, then walks within ± spread.
    const double offset = branches == 0 ? 0.0 : spread * (2 * fraction - 1);
    return hsvToColor(baseHue + offset, kSaturation, kValue);
}

Color mix(Color a, Color b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto lerp = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b)};
}

} // namespace polar::viewer
