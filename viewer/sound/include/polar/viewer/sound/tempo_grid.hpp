// tempo_grid.hpp — the rhythmic grid every onset of the synth snaps to.
//
// A search sends events at any rate, from a few a second (a paced query) to
// hundreds of thousands (a flood). Played as they come, a flood is noise and
// a slow stream has no pulse. So the synth collects events between two grid
// points and sounds them together on the next one: a flood becomes one note
// per step, a pulse a listener can tap along to.
//
// Grid point n of a tempo segment sits at anchor + round(n · stepFrames),
// computed from n rather than accumulated, so the grid never drifts: at
// 120 bpm in 16ths and 44.1 kHz (5,512.5 frames a step) step 1,000 is at
// frame 5,512,500 exactly. Two modes: Fixed plays `bpm`; FollowSender takes
// the tempo from the events' own pace (`polar query --pace 40ms`) when they
// are paced, and falls back to `bpm` when they come as a flood. A new tempo
// starts a new segment at the next grid point, so changing it never skips
// or doubles a step. Plain arithmetic on frame counts: deterministic.
#pragma once

#include <array>
#include <cstdint>

namespace polar::viewer::sound {

enum class TempoMode { Fixed, FollowSender };

class TempoGrid {
public:
    TempoGrid(double bpm, int stepsPerBeat, unsigned sampleRate, TempoMode mode);

    // The frame of the next grid point (>= every frame rendered so far).
    std::uint64_t nextStep() const { return m_next; }
    // Called when the grid point nextStep() is rendered: moves to the next
    // one; returns the index of the step just reached since the start (it
    // places the step in its bar, for accents and chord changes).
    std::uint64_t advance();
    // FollowSender: an event arrived at `frame` (a no-op when Fixed).
    void noteEvent(std::uint64_t frame);

    double bpm() const { return m_bpm; }
    // A new tempo from outside (a performer), clamped to 20..300 bpm: it
    // replaces the configured one (what a flood falls back to) and starts
    // at the next grid point, so no note is cut short or doubled.
    void requestBpm(double bpm);
    double stepFrames() const { return m_stepFrames; }
    int stepsPerBeat() const { return m_stepsPerBeat; }

    // Steps of a bar: four beats of `stepsPerBeat`.
    int stepsPerBar() const { return 4 * m_stepsPerBeat; }

    // Where the sender's pace (seconds between events) puts the tempo: the
    // pace is one step, doubled or halved into [kFollowMinBpm, 2·kFollowMinBpm)
    // so a 40 ms pace (375 bpm in 16ths) plays at 93.75 bpm, not a blur.
    static double bpmForPace(double paceSeconds, int stepsPerBeat);
    // 80–160 bpm: the span of most dance and pop music; one octave of
    // tempo, so every pace folds into it exactly once.
    static constexpr double kFollowMinBpm = 80.0;

private:
    // FollowSender looks at the last kPaceEvents events and measures the
    // span of each run of kPaceSpan consecutive intervals; the median span
    // over kPaceSpan is the pace. Spans, not single intervals: the live
    // path applies events once per audio block (~23 ms), which jitters
    // single intervals but not an 8-interval span; the median ignores a
    // pause between two queries.
    static constexpr std::size_t kPaceEvents = 24;
    static constexpr std::size_t kPaceSpan = 8;
    // Faster than one event per 5 ms (200 a second) is a flood, not a pace:
    // no musical tempo is that fast, so the configured bpm plays.
    static constexpr double kFloodPaceSeconds = 0.005;
    // A pace slower than 2 s between events is a pause, not a tempo.
    static constexpr double kSlowestPaceSeconds = 2.0;
    // A measured tempo within 3% of the current one is the same tempo
    // (jitter): no new segment, no audible wobble.
    static constexpr double kTempoTolerance = 0.03;

    void setBpm(double bpm);

    double m_configuredBpm;
    int m_stepsPerBeat;
    double m_rate;
    TempoMode m_mode;
    double m_bpm = 0;
    double m_stepFrames = 0;
    double m_pendingBpm = 0;  // a tempo waiting for the next grid point (0: none)
    std::uint64_t m_anchor = 0;         // frame of the current segment's step 0
    std::uint64_t m_segmentStep = 0;    // the next grid point's index in the segment
    std::uint64_t m_next = 0;           // its frame
    std::uint64_t m_steps = 0;          // grid points reached since the start
    std::array<std::uint64_t, kPaceEvents> m_eventFrames{};
    std::size_t m_eventCount = 0;
};

} // namespace polar::viewer::sound
