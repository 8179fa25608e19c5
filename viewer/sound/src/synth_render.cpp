// synth_render.cpp — the Synth's per-sample half: every sounding voice
// summed, panned and limited, one frame at a time (synth.cpp holds the
// per-event half: collecting events and starting voices on grid points).
#include "polar/viewer/sound/synth.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace polar::viewer::sound {

namespace {
// A result's triad: root, third, fifth, each softer than the last so the
// note under it stays the strongest partial.
constexpr std::array<double, 3> kChordLevels{0.30, 0.20, 0.15};
// An error's buzz: A1, an octave under the scale's root — below every note.
constexpr double kBuzzHz = 55.0;
} // namespace

// A new note starts in phase with every earlier note of its frequency (as
// if one oscillator per pitch ran since frame 0): repeated notes add up
// instead of half cancelling, so the pitch is as clear as a held note's.
double Synth::clockPhase(double freq) const {
    const double cycles = freq * static_cast<double>(m_frame) / m_rate;
    return cycles - std::floor(cycles);
}

double Synth::noise() {
    m_noise ^= m_noise << 13;
    m_noise ^= m_noise >> 17;
    m_noise ^= m_noise << 5;
    return static_cast<double>(m_noise) / 2147483648.0 - 1.0;
}

void Synth::frame(double& left, double& right) {
    if (m_frame == m_grid.nextStep()) onStep(m_grid.advance());
    const double nyquistGuard = 0.45 * m_rate;  // no partial above this: no aliasing
    left = right = 0;
    for (Note& n : m_notes) {
        if (n.level < kSilent) continue;
        n.attack += (1.0 - n.attack) * n.attackCoef;
        n.phase += n.freq / m_rate;
        n.phase -= std::floor(n.phase);
        double v = 0;
        for (std::size_t k = 0; k < n.weights.size(); ++k) {
            const double kf = static_cast<double>(k + 1);
            if (n.weights[k] > 0 && kf * n.freq < nyquistGuard) v += n.weights[k] * std::sin(kTwoPi * kf * n.phase);
        }
        v *= n.level * n.attack;
        left += v * n.left;
        right += v * n.right;
        n.level *= n.decay;
        if (n.level < kSilent) n.level = 0;
    }
    for (Chord& c : m_chords) {
        if (c.env < kSilent) continue;
        c.attack += (1.0 - c.attack) * m_chordAttack;
        double v = 0;
        for (std::size_t k = 0; k < c.freqs.size(); ++k) {
            c.phases[k] += c.freqs[k] / m_rate;
            c.phases[k] -= std::floor(c.phases[k]);
            if (c.freqs[k] < nyquistGuard) v += kChordLevels[k] * c.env * c.attack * std::sin(kTwoPi * c.phases[k]);
        }
        left += v * c.left;
        right += v * c.right;
        c.env *= m_chordDecay;
    }
    for (Tick& t : m_ticks) {
        if (t.env < kSilent) continue;
        t.phase += t.freq / m_rate;
        t.phase -= std::floor(t.phase);
        const double v = t.env * std::sin(kTwoPi * t.phase);
        left += v * t.left;
        right += v * t.right;
        t.env *= m_tickDecay;
    }
    if (m_buzzEnv >= kSilent) {
        m_buzzPhase += kBuzzHz / m_rate;
        m_buzzPhase -= std::floor(m_buzzPhase);
        double v = 0;
        for (int n = 1; n <= 7; n += 2) v += m_buzzEnv / n * std::sin(kTwoPi * n * m_buzzPhase);
        left += v * m_buzzLeft;
        right += v * m_buzzRight;
        m_buzzEnv *= m_buzzDecay;
    }
    for (Sweep& s : m_sweeps) {
        if (s.env < kSilent) continue;
        s.freq = std::max(s.endFreq, s.freq * m_sweepFall);
        s.phase += s.freq / m_rate;
        s.phase -= std::floor(s.phase);
        const double v = s.freq < nyquistGuard ? s.env * std::sin(kTwoPi * s.phase) : 0.0;
        left += v * s.left;
        right += v * s.right;
        s.env *= m_sweepDecay;
    }
    for (Hit& h : m_hits) {
        if (h.env < kSilent) continue;
        h.state += (noise() - h.state) * h.coef;
        left += h.env * h.left * h.state;
        right += h.env * h.right * h.state;
        h.env *= m_hitDecay;
    }
    // Peak limiter: instant attack (the output never exceeds the ceiling),
    // slow release.
    const double peak = std::max(std::abs(left), std::abs(right));
    const double needed = peak > m_config.ceiling ? m_config.ceiling / peak : 1.0;
    if (needed < m_limitGain) m_limitGain = needed;
    else m_limitGain += (1.0 - m_limitGain) * m_limitRelease;
    left *= m_limitGain;
    right *= m_limitGain;
    ++m_frame;
}

void Synth::render(std::span<float> out) {
    for (std::size_t i = 0; i + 1 < out.size(); i += 2) {
        double l = 0, r = 0;
        frame(l, r);
        out[i] = static_cast<float>(l);
        out[i + 1] = static_cast<float>(r);
    }
}

void Synth::render(std::span<std::int16_t> out) {
    for (std::size_t i = 0; i + 1 < out.size(); i += 2) {
        double l = 0, r = 0;
        frame(l, r);
        out[i] = static_cast<std::int16_t>(std::lrint(std::clamp(l, -1.0, 1.0) * 32767.0));
        out[i + 1] = static_cast<std::int16_t>(std::lrint(std::clamp(r, -1.0, 1.0) * 32767.0));
    }
}

} // namespace polar::viewer::sound
