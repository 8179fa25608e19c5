#include "polar/viewer/sound/synth.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace polar::viewer::sound {

namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
// Below this an envelope is silence (-120 dB): it snaps to zero, so no
// denormals and an idle synth renders exact zeros.
constexpr double kSilent = 1e-6;
// Levels of the other sounds as fractions of a note: all clearly quieter,
// so the depth's note stays the loudest partial a listener (or an FFT) finds.
constexpr double kHitLevel = 0.45;
constexpr double kSweepLevel = 0.40;
constexpr std::array<double, 3> kChordLevels{0.30, 0.20, 0.15};
constexpr double kTickLevel = 0.25;
constexpr double kBuzzLevel = 0.50;
// An error's buzz: A1, an octave under the scale's root — below every note.
constexpr double kBuzzHz = 55.0;
// Accents by the step's place in the beat: the beat itself, the off-beat
// 8th, the other 16ths. The pulse a listener taps to comes from these.
constexpr double kOnBeat = 1.0, kOffBeat = 0.8, kSixteenth = 0.62;
// Branches and backtracks merged into a step add up to this much velocity
// on top of the accent; four or more give all of it.
constexpr double kMergeAccent = 0.25;
constexpr double kMergeFull = 4.0;

double decayCoef(double seconds, double rate) { return std::exp(-1.0 / (seconds * rate)); }
} // namespace

SoundEvent toSoundEvent(const SceneEvent& e, int source) {
    SoundEvent s{e.kind, e.depth, e.alternatives, source, 0};
    if (e.kind == EventKind::Rule && !e.text.empty()) s.timbre = std::max<std::uint32_t>(1, fnv1a(e.text));
    return s;
}

Synth::Synth(SynthConfig config)
    : m_config(config),
      m_rate(static_cast<double>(config.sampleRate)),
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
      m_grid(config.bpm, config.stepsPerBeat, config.sampleRate, config.tempoMode) {}

double Synth::voiceEnvelope() const {
    double loudest = 0;
    for (const Note& n : m_notes) loudest = std::max(loudest, n.level * n.attack);
    return loudest;
}

void Synth::apply(const SoundEvent& e) {
    ++m_events;
    Pending& p = m_pending;
    switch (e.kind) {
    case EventKind::Rule:
        if (e.timbre != 0) m_timbre = e.timbre;
        p.note = true;
        break;
    case EventKind::Depth: m_depth = std::max(0, e.depth); p.note = true; break;
    case EventKind::Branch:
        m_depth = std::max(0, e.depth);
        p.note = true;
        ++p.branches;
        p.maxAlternatives = std::max(p.maxAlternatives, e.alternatives);
        break;
    case EventKind::Backtrack:
        m_depth = std::max(0, e.depth);
        p.note = true;
        ++p.backtracks;
        break;
    case EventKind::Result:
        p.note = true;
        ++p.results;
        m_harmony.requestChange();
        break;
    case EventKind::QueryBegin:
    case EventKind::QueryEnd:
        // As in the scene: a query starts and ends with an empty stack.
        m_depth = 0;
        (e.kind == EventKind::QueryBegin ? p.begin : p.end) = true;
        if (e.kind == EventKind::QueryEnd) m_harmony.requestChange();
        break;
    case EventKind::Error: p.error = true; break;
    // Hello and stats are about the sender, not the search: no sound, so
    // the one-per-second /polar/stats keeps a pause silent.
    case EventKind::Hello:
    case EventKind::Stats:
    // Loads are shown (the banner), not heard: a refused load leaves the
    // old policy running and sounding, and a buzz per save would nag.
    case EventKind::PolicyLoaded:
    case EventKind::PolicyError:
    case EventKind::Unknown: return;
    }
    // The latest depth and source of the step win.
    p.depth = m_depth;
    p.source = e.source;
    m_grid.noteEvent(m_frame);
}

void Synth::onStep(std::uint64_t step) {
    const auto bar = static_cast<std::uint64_t>(m_grid.stepsPerBar());
    if (step % bar == 0) m_harmony.onBar();
    const Pending p = m_pending;
    m_pending = Pending{};
    if (!p.note && !p.begin && !p.end && !p.error) return;
    ++m_onsets;
    const auto beat = static_cast<std::uint64_t>(m_grid.stepsPerBeat());
    const double accent = step % beat == 0 ? kOnBeat : (2 * (step % beat) == beat ? kOffBeat : kSixteenth);
    const PanGains here = equalPowerPan(placeInField(p.depth, p.source));
    const PanGains centre = equalPowerPan(placeInField(0, p.source) + 0.5);  // the source's own place
    const double level = m_config.voiceLevel;
    if (p.note) {
        const double merged = std::min(1.0, (p.branches + p.backtracks) / kMergeFull);
        const Timbre timbre = timbreFor(m_timbre);
        Note& n = m_notes[m_nextNote++ % kNotes];
        n.freq = m_harmony.frequency(p.depth);
        // High notes carry more energy per amplitude to the ear: tame them.
        n.level = level * accent * (1.0 - kMergeAccent + kMergeAccent * merged) / std::sqrt(1.0 + n.freq / 2000.0);
        n.attack = 0;
        n.attackCoef = 1.0 - decayCoef(timbre.attackSeconds, m_rate);
        n.decay = decayCoef(timbre.decaySeconds, m_rate);
        n.phase = clockPhase(n.freq);
        n.weights = timbre.weights;
        n.left = here.left;
        n.right = here.right;
        m_lastNoteHz = n.freq;
    }
    if (p.branches > 0) {
        // 2 alternatives: dull; 16 or more: bright.
        const double wide = std::clamp((p.maxAlternatives - 2) / 14.0, 0.0, 1.0);
        const double cutoff = 1200.0 + 6000.0 * wide;
        Hit& h = m_hits[m_nextHit++ % kHits];
        h.env = kHitLevel * level * accent;
        h.coef = 1.0 - std::exp(-kTwoPi * cutoff / m_rate);
        h.state = 0;
        h.left = here.left;
        h.right = here.right;
    }
    if (p.backtracks > 0) {
        Sweep& s = m_sweeps[m_nextSweep++ % kSweeps];
        s.env = kSweepLevel * level;
        s.endFreq = m_harmony.frequency(p.depth);
        s.freq = 2.0 * s.endFreq;  // an octave's fall onto the new note
        s.phase = 0;
        s.left = here.left;
        s.right = here.right;
    }
    if (p.results > 0) {
        // The chord's triad on the note: root, third, fifth.
        Chord& c = m_chords[m_nextChord++ % kChords];
        const double root = m_harmony.frequency(p.depth);
        c.env = level;
        c.attack = 0;
        c.freqs = {root, root * std::exp2(m_harmony.third() / 12.0), root * std::exp2(7.0 / 12.0)};
        for (std::size_t k = 0; k < c.freqs.size(); ++k) c.phases[k] = clockPhase(c.freqs[k]);
        c.left = centre.left;
        c.right = centre.right;
    }
    if (p.begin || p.end) {
        Tick& t = m_ticks[m_nextTick++ % kTicks];
        t.env = kTickLevel * level;
        // A6 to open, E6 to close: a fourth down, like a full stop.
        t.freq = p.begin ? 1760.0 : 1318.5;
        t.phase = 0;
        t.left = centre.left;
        t.right = centre.right;
    }
    if (p.error) {
        m_buzzEnv = kBuzzLevel * level;
        m_buzzLeft = centre.left;
        m_buzzRight = centre.right;
    }
}

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
