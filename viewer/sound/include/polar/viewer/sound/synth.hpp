// synth.hpp — the viewer's built-in synthesis: viewer events in, stereo out.
//
// The same mapping as the patches in patches/: stack depth is a note on a
// minor-pentatonic scale (scale.hpp), held by a sustained voice — the
// loudest sound — that every depth, rule, branch, backtrack or result event
// keeps alive and that fades within ~0.8 s once events stop. Around it,
// quieter: a branch is a percussive noise hit, brighter and further right
// the more alternatives it has; a backtrack a short falling sweep; a result
// a soft chord on the current note; a query's begin and end a soft tick; an
// error a low buzz. A peak limiter keeps the sum below -1 dBFS.
//
// Plain C++ with no audio library, single-threaded and deterministic: the
// same events applied between the same render() calls give the same
// samples, so recordings render identically and tests measure exactly.
// apply() takes effect at the next rendered sample; callers that know event
// times render up to each event first (TimedRenderer does that). The live
// audio thread uses it through LiveSynth.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "polar/viewer/scene.hpp"

namespace polar::viewer::sound {

// What the synth needs of an event: trivially copyable, so a lock-free
// queue can carry it to the audio thread without allocating.
struct SoundEvent {
    EventKind kind = EventKind::Unknown;
    int depth = 0;         // Depth, Branch, Backtrack: the stack depth; Rule: the caller's
    int alternatives = 0;  // Branch: alternatives (>= 2)
};
SoundEvent toSoundEvent(const SceneEvent& event);

struct SynthConfig {
    // 44.1 kHz (CD, SFML's usual rate) or 48 kHz (most sound cards).
    unsigned sampleRate = 44100;
    // The depth voice stays up this long after the last event that sustains
    // it: longer than the 40 ms between events of `--pace 40ms`, so a paced
    // query is one continuous line rather than a string of blips.
    double holdSeconds = 0.12;
    // Then it decays with this time constant: -60 dB after 6.9 of them,
    // ~0.8 s — gone before a listener wonders whether it is still working.
    double releaseSeconds = 0.12;
    // Glide between notes (time constant): short enough that each step is
    // heard as a step, long enough to take the click out of a jump.
    double glideSeconds = 0.025;
    // The depth voice's peak amplitude; the other sounds are fractions of it.
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
    // The depth voice now: its envelope (0..1) and its (gliding) frequency.
    double voiceEnvelope() const { return m_voiceEnv; }
    double voiceFrequency() const;
    // The limiter's gain now (1: not limiting).
    double limiterGain() const { return m_limitGain; }

private:
    // Polyphony of the short sounds: enough for a burst of events inside
    // one sound's decay (branch hits decay in ~0.15 s, so 8 covers 50
    // branches a second); a new sound takes over the oldest slot.
    static constexpr std::size_t kHits = 8;
    static constexpr std::size_t kSweeps = 4;
    static constexpr std::size_t kChords = 3;
    static constexpr std::size_t kTicks = 4;

    struct Hit {
        double env = 0, coef = 0, state = 0, left = 0, right = 0;  // state: the noise's one-pole lowpass
    };
    struct Sweep {
        double env = 0, freq = 0, endFreq = 0, phase = 0;
    };
    struct Chord {
        double env = 0, attack = 0, freq = 0;
        std::array<double, 3> phases{};
    };
    struct Tick {
        double env = 0, freq = 0, phase = 0;
    };

    void sustain();
    void frame(double& left, double& right);
    double noise();

    SynthConfig m_config;
    double m_rate;
    // Per-sample coefficients, computed once from the configuration.
    double m_attackCoef, m_releaseCoef, m_glideCoef, m_limitRelease;
    double m_hitDecay, m_sweepDecay, m_sweepFall, m_chordAttack, m_chordDecay, m_tickDecay, m_buzzDecay;
    std::uint64_t m_frame = 0;
    std::uint64_t m_events = 0;
    // The depth voice.
    bool m_sustained = false;
    std::uint64_t m_lastSustain = 0;
    double m_voiceEnv = 0;
    double m_logFreq, m_targetLogFreq;
    double m_phase = 0;
    int m_depth = 0;
    // The short sounds.
    std::array<Hit, kHits> m_hits{};
    std::array<Sweep, kSweeps> m_sweeps{};
    std::array<Chord, kChords> m_chords{};
    std::array<Tick, kTicks> m_ticks{};
    std::size_t m_nextHit = 0, m_nextSweep = 0, m_nextChord = 0, m_nextTick = 0;
    double m_buzzEnv = 0, m_buzzPhase = 0;
    std::uint32_t m_noise = 0x9E3779B9u;  // xorshift state: fixed, so renders repeat
    double m_limitGain = 1.0;
};

} // namespace polar::viewer::sound
