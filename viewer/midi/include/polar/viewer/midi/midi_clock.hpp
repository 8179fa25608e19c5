// midi_clock.hpp — the tempo of an external MIDI clock.
//
// A drum machine or DAW sends 24 Clock messages per quarter note; the app
// wants a tempo in bpm. The estimate is the mean tick interval over the
// last kWindowTicks ticks, taken as (last − first) / intervals: only the
// two ends' timing errors count, so jitter on single ticks (a USB poll, a
// JACK period that delivers a burst of ticks at once) shrinks with the
// window instead of shaking the tempo. Two beats of window follow a tempo
// change within two beats and turn a 2 ms jitter into well under 1 bpm.
//
// A gap much longer than a tick (the cable pulled, the sender paused
// without Stop) is a dropout: the window restarts, so the silence is not
// averaged in. Start and Continue restart the window too; Stop ends the
// reporting until the next Start or Continue. A single lost tick inside a
// run is not detected: it slows the estimate by one interval in 47 (2%)
// for two beats. bpm() answers nothing until kMinTicks ticks have come, and
// nothing once the clock has been silent for kStaleSeconds.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>

#include "polar/viewer/midi/midi_message.hpp"

namespace polar::viewer::midi {

class MidiClockTempo {
public:
    // MIDI 1.0: the clock runs at 24 pulses per quarter note.
    static constexpr int kTicksPerBeat = 24;
    // Two beats of ticks: long enough to average jitter, short enough to
    // follow a tempo change within a bar.
    static constexpr std::size_t kWindowTicks = 2 * kTicksPerBeat;
    // One beat before the first estimate: fewer ticks span too little time
    // for a JACK period's burstiness (21 ms at 1024 frames) to average out.
    static constexpr std::size_t kMinTicks = kTicksPerBeat;
    // The tempo range reported; a clock outside it is clamped. No musical
    // clock runs slower than 20 or faster than 300 bpm.
    static constexpr double kMinBpm = 20.0;
    static constexpr double kMaxBpm = 300.0;
    // A gap longer than two ticks at 20 bpm (0.125 s each) is a dropout.
    static constexpr double kDropoutSeconds = 2 * 60.0 / (kMinBpm * kTicksPerBeat);
    // Within a run, a gap of kDropoutIntervals estimated ticks is a dropout
    // as well — but never below kBurstSeconds, which covers a JACK period
    // of up to 2048 frames at 48 kHz delivering ticks in bursts.
    static constexpr double kDropoutIntervals = 4.0;
    static constexpr double kBurstSeconds = 0.05;
    // Silent this long, the clock has stopped: no tempo is reported.
    static constexpr double kStaleSeconds = 0.5;

    // Feeds a message with its arrival time; other kinds than Clock, Start,
    // Continue and Stop are ignored. Times must not go backwards.
    void feed(const MidiMessage& msg, double seconds);
    void tick(double seconds);
    void start(); // Start and Continue
    void stop();

    // The tempo at time `now`, clamped to kMinBpm..kMaxBpm, or nothing:
    // stopped, too few ticks yet, or the clock silent for kStaleSeconds.
    std::optional<double> bpm(double now) const;
    bool running() const { return !m_stopped; }
    std::size_t ticksInWindow() const { return m_ticks.size(); }

private:
    // The mean interval of the window; needs two ticks.
    double meanInterval() const;

    std::deque<double> m_ticks;
    bool m_stopped = false;
};

} // namespace polar::viewer::midi
