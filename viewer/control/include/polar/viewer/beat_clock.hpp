// beat_clock.hpp — the viewer's beat: where in the bar the motion is.
//
// Design. The clock counts beats as a real number: advance(dt) adds
// dt * bpm / 60. A tempo change changes the speed, never the position, so
// a pulse locked to the beat does not jump when a DJ nudges the tempo;
// only a tap moves the position (to the nearest whole beat). Three sources set the tempo, the last one
// wins: a number (--bpm, /viewer/tempo, MIDI clock's estimate) or taps.
//
// Tap tempo: the mean interval of the taps in the current run. A run ends
// when a gap exceeds kTapGap (a performer stopped tapping, the next tap
// starts a new count); at most the last kMaxTaps intervals are kept, so a
// long run follows a drifting tempo. A tap also puts the beat on it
// (phase 0): tapping is how a performer aligns the pulse with the music.
#pragma once

#include <cstddef>
#include <deque>

namespace polar::viewer {

class BeatClock {
public:
    // The --bpm range (viewer_options.hpp): a felt pulse.
    static constexpr double kMinBpm = 20, kMaxBpm = 300;
    // Two seconds: a gap longer than a beat at 30 bpm ends a run of taps.
    static constexpr double kTapGap = 2.0;
    // Eight intervals: two bars of taps, enough to average a human's
    // ±20 ms jitter to a steady tempo, few enough to follow a change.
    static constexpr std::size_t kMaxTaps = 8;

    explicit BeatClock(double bpm = 120);

    void advance(double dt);
    void setBpm(double bpm);  // clamped to kMinBpm..kMaxBpm
    // A tap at `time` seconds (any monotonic clock); returns true when the
    // tap changed the tempo (the second tap of a run onwards).
    bool tap(double time);

    double bpm() const { return m_bpm; }
    double beats() const { return m_beats; }  // since start, fractional
    double phase() const;                     // 0..1 within the current beat
    // 1 on the beat, falling to 0 by its end: what a pulse multiplies by.
    double pulse() const;

private:
    double m_bpm;
    double m_beats = 0;
    std::deque<double> m_intervals;
    double m_lastTap = -1;
};

} // namespace polar::viewer
