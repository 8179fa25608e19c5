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
constexpr double kStartHue = 210.0;  // a calm blue before the first branch

Color hsv(double hue, double s, double v) {
    const double c = v * s;
    const double h = std::fmod(hue, 360.0) / 60.0;
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

} // namespace

Color paletteColor(std::uint64_t branches) {
    const double hue = kStartHue + kGoldenAngle * static_cast<double>(branches % 1000003);
    return hsv(hue, kSaturation, kValue);
}

Color mix(Color a, Color b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto lerp = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b)};
}

} // namespace polar::viewer
