// timbre.hpp — a rule's voice: a stable hash of its name picks its sound.
//
// Different rules should sound different and the same rule always the same,
// in every run and on every machine: so the timbre comes from FNV-1a (32
// bit) of the rule's name — simple, fast, fixed by its definition, unlike
// std::hash. Four parameters from four bytes of the hash: how bright (the
// partials' roll-off), how hollow (odd against even partials), how long the
// note rings, how soft its attack. Every timbre keeps the fundamental the
// strongest partial, so the heard pitch is still the depth's note.

#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace polar::viewer::sound {

// FNV-1a, 32 bit (offset basis 2166136261, prime 16777619).
std::uint32_t fnv1a(std::string_view text);

struct Timbre {
    // Partials above the fundamental: six reach ~2.6 kHz from A3 — bright
    // enough to tell timbres apart, cheap enough (6 sines a note).
    static constexpr std::size_t kPartials = 6;
    std::array<double, kPartials> weights{1.0, 0.35, 0.15, 0.0, 0.0, 0.0};
    double decaySeconds = 0.12;  // exponential time constant of the note
    double attackSeconds = 0.004;
};

// hash 0: no rule named yet — the soft, reedy default voice.
Timbre timbreFor(std::uint32_t hash);

} // namespace polar::viewer::sound
