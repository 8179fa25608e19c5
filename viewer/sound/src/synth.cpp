#include "polar/viewer/sound/synth.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "polar/viewer/sound/scale.hpp"

namespace polar::viewer::sound {

namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
// Below this an envelope is silence (-120 dB): it snaps to zero, so no
// denormals and an idle synth renders exact zeros.
constexpr double kSilent = 1e-6;
// Levels of the short sounds as fractions of the depth voice: all clearly
// quieter, so the depth note stays the loudest partial a listener (or an
// FFT) finds.
constexpr double kHitLevel = 0.45;
constexpr double kSweepLevel = 0.40;
constexpr std::array<double, 3> kChordLevels{0.30, 0.20, 0.15};
constexpr double kTickLevel = 0.25;
constexpr double kBuzzLevel = 0.50;
// The depth voice's partials: a soft, reedy tone whose fundamental is
// always the strongest, so the heard pitch is the scale note.
constexpr std::array<double, 3> kPartials{1.0, 0.35, 0.15};
// An error's buzz: A1, an octave under the scale's root — below every note.
constexpr double kBuzzHz = 55.0;

double decayCoef(double seconds, double rate) { return std::exp(-1.0 / (seconds * rate)); }
} // namespace

SoundEvent toSoundEvent(const SceneEvent& e) { return SoundEvent{e.kind, e.depth, e.alternatives}; }

Synth::Synth(SynthConfig config)
    : m_config(config),
      m_rate(static_cast<double>(config.sampleRate)),
      // A 5 ms attack: fast enough to feel immediate, slow enough not to click.
      m_attackCoef(1.0 - decayCoef(0.005, m_rate)),
      m_releaseCoef(1.0 - decayCoef(config.releaseSeconds, m_rate)),
      m_glideCoef(1.0 - decayCoef(config.glideSeconds, m_rate)),
      // The limiter lets go over 100 ms: slow enough not to pump audibly.
      m_limitRelease(1.0 - decayCoef(0.1, m_rate)),
      // The short sounds' shapes (time constants in seconds): a hit is a
      // 35 ms thump, a sweep falls an octave in 150 ms while fading over
      // 60 ms, a chord swells in 10 ms and rings for 250 ms, a tick is 6 ms,
      // the buzz 200 ms.
      m_hitDecay(decayCoef(0.035, m_rate)),
      m_sweepDecay(decayCoef(0.06, m_rate)),
      m_sweepFall(std::exp(std::log(0.5) / (0.15 * m_rate))),
      m_chordAttack(1.0 - decayCoef(0.01, m_rate)),
      m_chordDecay(decayCoef(0.25, m_rate)),
      m_tickDecay(decayCoef(0.006, m_rate)),
      m_buzzDecay(decayCoef(0.2, m_rate)),
      m_logFreq(std::log(kRootHz)),
      m_targetLogFreq(m_logFreq) {}

double Synth::voiceFrequency() const { return std::exp(m_logFreq); }

void Synth::sustain() {
    // From silence the voice starts on its note instead of gliding up to it.
    if (m_voiceEnv < 0.01) m_logFreq = m_targetLogFreq;
    m_sustained = true;
    m_lastSustain = m_frame;
}

void Synth::apply(const SoundEvent& e) {
    ++m_events;
    switch (e.kind) {
    case EventKind::Depth:
        m_depth = std::max(0, e.depth);
        m_targetLogFreq = std::log(depthToFrequency(m_depth));
        sustain();
        break;
    case EventKind::Rule: sustain(); break;
    case EventKind::Branch: {
        m_depth = std::max(0, e.depth);
        m_targetLogFreq = std::log(depthToFrequency(m_depth));
        sustain();
        // 2 alternatives: dull and a little left; 16 or more: bright and right.
        const double wide = std::clamp((e.alternatives - 2) / 14.0, 0.0, 1.0);
        const double cutoff = 1200.0 + 6000.0 * wide;
        const double pan = -0.5 + wide;  // -0.5 .. 0.5
        Hit& h = m_hits[m_nextHit++ % kHits];
        h.env = kHitLevel * m_config.voiceLevel;
        h.coef = 1.0 - std::exp(-kTwoPi * cutoff / m_rate);
        h.state = 0;
        // Equal-power pan: the same loudness wherever it sits.
        h.left = std::cos((pan + 1.0) * std::numbers::pi / 4.0);
        h.right = std::sin((pan + 1.0) * std::numbers::pi / 4.0);
        break;
    }
    case EventKind::Backtrack: {
        m_depth = std::max(0, e.depth);
        m_targetLogFreq = std::log(depthToFrequency(m_depth));
        sustain();
        Sweep& s = m_sweeps[m_nextSweep++ % kSweeps];
        s.env = kSweepLevel * m_config.voiceLevel;
        s.endFreq = depthToFrequency(m_depth);
        s.freq = 2.0 * s.endFreq;  // an octave's fall onto the new note
        s.phase = 0;
        break;
    }
    case EventKind::Result: {
        sustain();
        Chord& c = m_chords[m_nextChord++ % kChords];
        c.env = m_config.voiceLevel;
        c.attack = 0;
        c.freq = depthToFrequency(m_depth);
        c.phases = {};
        break;
    }
    case EventKind::QueryBegin:
    case EventKind::QueryEnd: {
        // As in the scene: a query starts and ends with an empty stack.
        m_depth = 0;
        m_targetLogFreq = std::log(depthToFrequency(0));
        Tick& t = m_ticks[m_nextTick++ % kTicks];
        t.env = kTickLevel * m_config.voiceLevel;
        // A6 to open, E6 to close: a fourth down, like a full stop.
        t.freq = e.kind == EventKind::QueryBegin ? 1760.0 : 1318.5;
        t.phase = 0;
        break;
    }
    case EventKind::Error: m_buzzEnv = kBuzzLevel * m_config.voiceLevel; break;
    // Hello and stats are about the sender, not the search: no sound, so
    // the one-per-second /polar/stats keeps a pause silent.
    case EventKind::Hello:
    case EventKind::Stats:
    // Loads are shown (the banner), not heard: a refused load leaves the
    // old policy running and sounding, and a buzz per save would nag.
    case EventKind::PolicyLoaded:
    case EventKind::PolicyError:
    case EventKind::Unknown: break;
    }
}

double Synth::noise() {
    m_noise ^= m_noise << 13;
    m_noise ^= m_noise >> 17;
    m_noise ^= m_noise << 5;
    return static_cast<double>(m_noise) / 2147483648.0 - 1.0;
}

void Synth::frame(double& left, double& right) {
    const double nyquistGuard = 0.45 * m_rate;  // no partial above this: no aliasing
    double mono = 0;
    // The depth voice.
    const bool gate = m_sustained && m_frame - m_lastSustain < static_cast<std::uint64_t>(m_config.holdSeconds * m_rate);
    m_voiceEnv += ((gate ? 1.0 : 0.0) - m_voiceEnv) * (gate ? m_attackCoef : m_releaseCoef);
    if (!gate && m_voiceEnv < kSilent) m_voiceEnv = 0;
    m_logFreq += (m_targetLogFreq - m_logFreq) * m_glideCoef;
    if (m_voiceEnv > 0) {
        const double f = std::exp(m_logFreq);
        m_phase += f / m_rate;
        m_phase -= std::floor(m_phase);
        double v = 0;
        for (std::size_t k = 0; k < kPartials.size(); ++k) {
            if (static_cast<double>(k + 1) * f < nyquistGuard) v += kPartials[k] * std::sin(kTwoPi * static_cast<double>(k + 1) * m_phase);
        }
        // High notes carry more energy per amplitude to the ear: tame them.
        mono += v * m_voiceEnv * m_config.voiceLevel / std::sqrt(1.0 + f / 2000.0);
    }
    // Chords on the note, ticks and the buzz sit in the centre.
    for (Chord& c : m_chords) {
        if (c.env < kSilent) continue;
        c.attack += (1.0 - c.attack) * m_chordAttack;
        constexpr std::array<double, 3> ratios{1.0, 1.5, 2.0};  // root, fifth, octave
        for (std::size_t k = 0; k < ratios.size(); ++k) {
            c.phases[k] += c.freq * ratios[k] / m_rate;
            c.phases[k] -= std::floor(c.phases[k]);
            if (c.freq * ratios[k] < nyquistGuard) mono += kChordLevels[k] * c.env * c.attack * std::sin(kTwoPi * c.phases[k]);
        }
        c.env *= m_chordDecay;
    }
    for (Tick& t : m_ticks) {
        if (t.env < kSilent) continue;
        t.phase += t.freq / m_rate;
        t.phase -= std::floor(t.phase);
        mono += t.env * std::sin(kTwoPi * t.phase);
        t.env *= m_tickDecay;
    }
    if (m_buzzEnv >= kSilent) {
        m_buzzPhase += kBuzzHz / m_rate;
        m_buzzPhase -= std::floor(m_buzzPhase);
        for (int n = 1; n <= 7; n += 2) mono += m_buzzEnv / n * std::sin(kTwoPi * n * m_buzzPhase);
        m_buzzEnv *= m_buzzDecay;
    }
    for (Sweep& s : m_sweeps) {
        if (s.env < kSilent) continue;
        s.freq = std::max(s.endFreq, s.freq * m_sweepFall);
        s.phase += s.freq / m_rate;
        s.phase -= std::floor(s.phase);
        if (s.freq < nyquistGuard) mono += s.env * std::sin(kTwoPi * s.phase);
        s.env *= m_sweepDecay;
    }
    left = right = mono;
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
