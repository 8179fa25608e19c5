#include "polar/viewer/sound/timbre.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer::sound {

namespace {
// A byte of the hash as 0..1.
double byteOf(std::uint32_t hash, int which) { return static_cast<double>((hash >> (8 * which)) & 0xffu) / 255.0; }

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

} // namespace polar::viewer::sound
