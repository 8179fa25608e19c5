#include "polar/viewer/sound/synth.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace polar::viewer::sound {

namespace {
// Levels of the other sounds as fractions of a note: all clearly quieter,
// so the depth's note stays the loudest partial a listener (or an FFT) finds.
constexpr double kHitLevel = 0.45;
constexpr double kSweepLevel = 0.40;
constexpr double kTickLevel = 0.25;
constexpr double kBuzzLevel = 0.50;
// Accents by the step's place in the beat (accentOf): the beat itself, the
// off-beat 8th, the other 16ths. The pulse a listener taps to comes from these.
constexpr double kOnBeat = 1.0, kOffBeat = 0.8, kSixteenth = 0.62;
// Branches and backtracks merged into a step add up to this much velocity
// on top of the accent; four or more give all of it.
constexpr double kMergeAccent = 0.25;
constexpr double kMergeFull = 4.0;
// Notes are plucks: over a busy stretch their RMS sat ~10 dB under the held
// voice the synth had before the grid (-24 against -13 dBFS on a GitHub
// run). 1.4 (+3 dB) wins back some of that; more made the notes drown the
// hits and chords that tell one query from the next (on the GitHub-like
// test run, the 0.43 s autocorrelation rose from 0.56 to 0.58 at 1.8).
constexpr double kNoteGain = 1.4;

double decayCoef(double seconds, double rate) { return std::exp(-1.0 / (seconds * rate)); }

// The accent of a step. Even bars: straight — the beat, then the off-beat
// 8th, then the other 16ths. Odd bars: the 3-3-2 "tresillo" of son clave
// and half of pop, accents every three 16ths (0, 3, 6 of each 8). A
// search's pattern drifts across the grid, so the bars' alternation is
// what keeps a repeated query from sounding the same each time.
double accentOf(std::uint64_t step, std::uint64_t beat, std::uint64_t bar) {
    const std::uint64_t inBar = step % bar;
    if ((step / bar) % 2 == 1) {
        const std::uint64_t inHalf = inBar % 8;
        return inHalf == 0 || inHalf == 3 || inHalf == 6 ? kOnBeat : kSixteenth;
    }
    return step % beat == 0 ? kOnBeat : (2 * (step % beat) == beat ? kOffBeat : kSixteenth);
}

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
    if (e.tempo > 0) {
        m_grid.requestBpm(e.tempo);
        return;
    }
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
    // An entry follows its /polar/rule, which already sounded: a second
    // note per call would double the density of every 1.3 sender.
    case EventKind::RuleEnter:
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
    const double accent = accentOf(step, beat, static_cast<std::uint64_t>(m_grid.stepsPerBar()));
    const PanGains here = equalPowerPan(placeInField(p.depth, p.source));
    const PanGains centre = equalPowerPan(sourcePlace(p.source));
    const double level = m_config.voiceLevel;
    if (p.note) {
        const double merged = std::min(1.0, (p.branches + p.backtracks) / kMergeFull);
        const Timbre timbre = timbreFor(m_timbre);
        Note& n = m_notes[m_nextNote++ % kNotes];
        n.freq = m_harmony.frequency(p.depth);
        // High notes carry more energy per amplitude to the ear: tame them.
        n.level = kNoteGain * level * accent * (1.0 - kMergeAccent + kMergeAccent * merged) / std::sqrt(1.0 + n.freq / 2000.0);
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

} // namespace polar::viewer::sound
