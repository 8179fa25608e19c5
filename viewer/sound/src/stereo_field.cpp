#include "polar/viewer/sound/stereo_field.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace polar::viewer::sound {

namespace {
// Depth placement: depth 0 at -kDepthWidth from the source's place, depth
// kPanDepth and deeper at +kDepthWidth. Twelve levels: the depth most
// authorization searches stay within, so they use the whole width; ±0.5
// keeps every sound in both speakers (mono-compatible, no hole on headphones).
constexpr int kPanDepth = 12;
constexpr double kDepthWidth = 0.5;
// Sources: the first in the middle, then alternately left and right,
// further out; eight places, then they repeat (eight senders at once is
// already more than ears can follow).
constexpr std::array<double, 8> kSourcePlaces{0.0, -0.4, 0.4, -0.2, 0.2, -0.6, 0.6, -0.1};
// Never fully to one side: a hard-panned sound vanishes from the other ear.
constexpr double kMaxPan = 0.9;
} // namespace

PanGains equalPowerPan(double pan) {
    const double angle = (std::clamp(pan, -1.0, 1.0) + 1.0) * std::numbers::pi / 4.0;
    return PanGains{std::cos(angle), std::sin(angle)};
}

double sourcePlace(int source) {
    return kSourcePlaces[static_cast<std::size_t>(std::max(0, source)) % kSourcePlaces.size()];
}

double placeInField(int depth, int source) {
    const double place = sourcePlace(source);
    const double d = std::clamp(depth, 0, kPanDepth) / static_cast<double>(kPanDepth);
    return std::clamp(place + kDepthWidth * (2.0 * d - 1.0), -kMaxPan, kMaxPan);
}

} // namespace polar::viewer::sound
