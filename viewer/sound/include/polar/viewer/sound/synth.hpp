// synth.hpp — the viewer's built-in synthesis: viewer events in, stereo out.
//
// A search's events are played as music on a tempo grid (tempo_grid.hpp):
// everything that arrives between two grid points (16th notes at 120 bpm
// by default) sounds together on the next one, so a flood of events is a
// steady pulse and a slow stream keeps time. On a step with events: a
// plucked note on the latest depth — the depth walks the pentatonic scale
// of the current chord (harmony.hpp), which moves on at a bar line after a
// result or a query end — in the timbre of the last rule called (its name's
// hash, timbre.hpp), louder on the beat and the more branches and
// backtracks the step merged. Around it, quieter: a branch is a noise hit,
// brighter the more alternatives; a backtrack a short falling sweep; a
// result a soft triad of the chord on the note; a query's begin and end a
// tick; an error a low buzz. Each sound sits in the stereo field by its
// depth (shallow left, deep right) around its source's place, with
// equal-power panning. A peak limiter keeps the sum below -1 dBFS.
//
// Plain C++ with no audio library, single-threaded and deterministic: the
// same events applied between the same render() calls give the same
// samples, so recordings render identically and tests measure exactly.
// apply() takes effect from the next grid point; callers that know event
// times render up to each event first (TimedRenderer does that). The live
// audio thread uses it through LiveSynth.
#pragma once

#include <array>
#include <cstdint>
#include <numbers>
#include <span>

#include "polar/viewer/scene.hpp"
#include "polar/viewer/sound/harmony.hpp"
#include "polar/viewer/sound/stereo_field.hpp"
#include "polar/viewer/sound/tempo_grid.hpp"
#include "polar/viewer/sound/timbre.hpp"

namespace polar::viewer::sound {

// What the synth needs of an event: trivially copyable, so a lock-free
// queue can carry it to the audio thread without allocating.
struct SoundEvent {
    EventKind kind = EventKind::Unknown;
    int depth = 0;         // Depth, Branch, Backtrack: the stack depth; Rule: the caller's
    int alternatives = 0;  // Branch: alternatives (>= 2)
    int source = 0;        // which sender (0: the first or only one): its place in the stereo field
    std::uint32_t timbre = 0;  // Rule: fnv1a of the rule's name (0: no name)
    // > 0: not a sound but the performer's new tempo (/viewer/tempo, tap,
    // MIDI clock), taken at the next grid point; `kind` is ignored.
    double tempo = 0;
};
// `source`: the sender's index when the viewer shows several (0 otherwise).
SoundEvent toSoundEvent(const SceneEvent& event, int source = 0);

struct SynthConfig {
    // 44.1 kHz (CD, SFML's usual rate) or 48 kHz (most sound cards).
    unsigned sampleRate = 44100;
    // The grid's tempo (`--bpm`): 120, the most common tempo of popular
    // music; 16th notes (8 a second) are quick enough that a busy search is
    // a running figure, slow enough that each note is heard.
    double bpm = 120.0;
    int stepsPerBeat = 4;
    // Fixed: always `bpm`. FollowSender: the events' own pace when they are
    // paced (`polar query --pace`), `bpm` when they flood.
    TempoMode tempoMode = TempoMode::Fixed;
    // The notes' peak amplitude; the other sounds are fractions of it.
    double voiceLevel = 0.30;
    // The limiter's ceiling: -1 dBFS leaves headroom for resampling and for
    // inter-sample peaks, so nothing downstream clips.
    double ceiling = 0.89;
};

class Synth {
public:
    explicit Synth(SynthConfig config = {});

    void apply(const SoundEvent& event);
    void apply(const SceneEvent& event) { apply(toSoundEvent(event)); }

    // Render interleaved stereo (L, R, L, R, ...): size / 2 frames.
    void render(std::span<float> interleaved);
    void render(std::span<std::int16_t> interleaved);

    unsigned sampleRate() const { return m_config.sampleRate; }
    std::uint64_t framesRendered() const { return m_frame; }
    std::uint64_t eventsApplied() const { return m_events; }
    // The loudest note's envelope now (0 when silent) and the frequency of
    // the last note played.
    double voiceEnvelope() const;
    double voiceFrequency() const { return m_lastNoteHz; }
    // Grid points reached that sounded (had events) since the start.
    std::uint64_t onsets() const { return m_onsets; }
    const TempoGrid& grid() const { return m_grid; }
    const Harmony& harmony() const { return m_harmony; }
    // The limiter's gain now (1: not limiting).
    double limiterGain() const { return m_limitGain; }

private:
    // Polyphony of the short sounds: enough for a burst of events inside
    // one sound's decay (branch hits decay in ~0.15 s, so 8 covers 50
    // branches a second); a new sound takes over the oldest slot.
    static constexpr double kTwoPi = 2.0 * std::numbers::pi;
    // Below this an envelope is silence (-120 dB): it snaps to zero, so no
    // denormals and an idle synth renders exact zeros.
    static constexpr double kSilent = 1e-6;
    // Six notes ring at once: at 8 steps a second a note is six steps
    // (0.75 s, -40 dB or more down) old when its slot is reused.
    static constexpr std::size_t kNotes = 6;
    static constexpr std::size_t kHits = 8;
    static constexpr std::size_t kSweeps = 4;
    static constexpr std::size_t kChords = 3;
    static constexpr std::size_t kTicks = 4;

    struct Note {
        double level = 0, attack = 0, attackCoef = 0, decay = 0, freq = 0, phase = 0, left = 0, right = 0;
        std::array<double, Timbre::kPartials> weights{};
    };
    struct Hit {
        double env = 0, coef = 0, state = 0, left = 0, right = 0;  // state: the noise's one-pole lowpass
    };
    struct Sweep {
        double env = 0, freq = 0, endFreq = 0, phase = 0, left = 0, right = 0;
    };
    struct Chord {
        double env = 0, attack = 0, left = 0, right = 0;
        std::array<double, 3> freqs{}, phases{};
    };
    struct Tick {
        double env = 0, freq = 0, phase = 0, left = 0, right = 0;
    };

    // What arrived since the last grid point, sounded together on the next.
    struct Pending {
        bool note = false;
        int depth = 0, source = 0;
        int branches = 0, maxAlternatives = 0, backtracks = 0, results = 0;
        bool begin = false, end = false, error = false;
    };

    void onStep(std::uint64_t step);
    void frame(double& left, double& right);
    double noise();
    double clockPhase(double freq) const;

    SynthConfig m_config;
    double m_rate;
    // Per-sample coefficients, computed once from the configuration.
    double m_limitRelease;
    double m_hitDecay, m_sweepDecay, m_sweepFall, m_chordAttack, m_chordDecay, m_tickDecay, m_buzzDecay;
    std::uint64_t m_frame = 0;
    std::uint64_t m_events = 0;
    TempoGrid m_grid;
    Harmony m_harmony;
    Pending m_pending;
    std::uint64_t m_onsets = 0;
    int m_depth = 0;
    std::uint32_t m_timbre = 0;  // the last rule's name hash
    double m_lastNoteHz = 0;
    // The sounds.
    std::array<Note, kNotes> m_notes{};
    std::array<Hit, kHits> m_hits{};
    std::array<Sweep, kSweeps> m_sweeps{};
    std::array<Chord, kChords> m_chords{};
    std::array<Tick, kTicks> m_ticks{};
    std::size_t m_nextNote = 0, m_nextHit = 0, m_nextSweep = 0, m_nextChord = 0, m_nextTick = 0;
    double m_buzzEnv = 0, m_buzzPhase = 0, m_buzzLeft = 0, m_buzzRight = 0;
    std::uint32_t m_noise = 0x9E3779B9u;  // xorshift state: fixed, so renders repeat
    double m_limitGain = 1.0;
};

} // namespace polar::viewer::sound
