#include "polar/viewer/sound/timbre.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace polar::viewer::sound {

namespace {
// A byte of the hash as 0..1.
double byteOf(std::uint32_t hash, int which) { return static_cast<double>((hash >> (8 * which)) & 0xffu) / 255.0; }

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

std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

Timbre timbreFor(std::uint32_t hash) {
    Timbre t;
    if (hash == 0) return t;
    // Roll-off 1.1 (bright, saw-like) .. 2.6 (nearly a sine): partial k at 1/k^rolloff.
    const double rolloff = 1.1 + 1.5 * byteOf(hash, 0);
    // Even partials at 0.15 (hollow, clarinet-like) .. 1 (full).
    const double even = 0.15 + 0.85 * byteOf(hash, 1);
    for (std::size_t k = 0; k < Timbre::kPartials; ++k) {
        const double n = static_cast<double>(k + 1);
        t.weights[k] = std::pow(n, -rolloff) * (k % 2 == 1 ? even : 1.0);
    }
    // 60–160 ms: a staccato pluck to a short ring, all gone (-60 dB) within
    // 1.1 s, so the synth is silent within a second or so of the last event.
    t.decaySeconds = 0.06 + 0.10 * byteOf(hash, 2);
    // 2–15 ms: a click-free pluck to a soft bow.
    t.attackSeconds = 0.002 + 0.013 * byteOf(hash, 3);
    return t;
}

PanGains equalPowerPan(double pan) {
    const double angle = (std::clamp(pan, -1.0, 1.0) + 1.0) * std::numbers::pi / 4.0;
    return PanGains{std::cos(angle), std::sin(angle)};
}

double placeInField(int depth, int source) {
    const double place = kSourcePlaces[static_cast<std::size_t>(std::max(0, source)) % kSourcePlaces.size()];
    const double d = std::clamp(depth, 0, kPanDepth) / static_cast<double>(kPanDepth);
    return std::clamp(place + kDepthWidth * (2.0 * d - 1.0), -kMaxPan, kMaxPan);
}

} // namespace polar::viewer::sound
