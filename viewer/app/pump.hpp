// pump.hpp — what a frame of polar-viewer takes in: the input (a live
// receiver or a recording), the stage it updates (one lane per sender: the
// sender's address and port live, "replay" for a recording), the sound it
// feeds, and the counters the heads-up display shows.
//
// Time has two meanings. Live, an event's time is its arrival on the
// receiver's thread, in seconds since the viewer started. Replaying, it is
// the recording's own time, and "now" is `replayTime` — the wall clock in a
// window, the frame count headless — so a replay renders the same pictures
// and the same samples every time.
//
// --loop plays a recording again and again: each pass starts over at the
// recording's time 0, after a second of rest (kLoopRest); `passStart` is
// where the current pass began on replayTime, so the sound's clock keeps
// running forward across passes.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "polar/osc/osc_receiver.hpp"
#include "polar/viewer/stage.hpp"
#include "renderer.hpp"
#include "replay_source.hpp"
#include "trace_source.hpp"
#include "sound_stream.hpp"

namespace polar::viewer {

using Clock = std::chrono::steady_clock;

class Performance;

struct Pump {
    osc::OscReceiver* receiver = nullptr;
    // --control-port: a second receiver whose messages are all controls.
    osc::OscReceiver* controlReceiver = nullptr;
    // The /viewer/... controls: they arrive on any input and apply even
    // while the picture is frozen (a sound-only run uses the tempo).
    Performance* performance = nullptr;
    ReplaySource* replay = nullptr;
    Stage& stage;
    SoundOutput* sound = nullptr;  // null without --sound / --sound-out
    // --trace FILE: a POLAR_LOG trace instead of the network (or a
    // recording), given out at its pace on the replay clock.
    TraceSource* trace = nullptr;
    std::vector<osc::Incoming> incoming{};
    std::vector<SceneEvent> traced{};  // drained from trace
    std::vector<osc::Incoming> controls{};  // drained from controlReceiver
    std::vector<std::chrono::microseconds> times{};  // replay: each message's recorded time
    std::uint64_t events = 0;
    std::uint64_t queriesEnded = 0;  // /polar/query/end applied (--after-queries)
    std::uint64_t windowEvents = 0;
    Clock::time_point start = Clock::now();
    Clock::time_point windowStart = Clock::now();
    double eventsPerSecond = 0;
    // Replay time: wall clock in a window, frames in headless mode.
    std::chrono::microseconds replayTime{0};
    bool loop = false;                         // --loop: replay again and again
    std::chrono::microseconds passStart{0};   // where this pass began on replayTime
    std::uint64_t passes = 0;                  // passes completed

    // A second between passes: the last picture (a result, an error) stays
    // a moment before the screen starts over, and a recording whose events
    // all sit at time 0 still takes time to play, so a loop always advances.
    static constexpr std::chrono::microseconds kLoopRest = std::chrono::seconds(1);

    // Takes everything due; applies it to the scene and the sound unless
    // paused (then events are only counted); brings the sound up to now.
    void take(bool apply);
    void fill(HudInfo& hud) const;
    // Whether a replay has nothing more to give (never with --loop).
    bool replayDone() const { return !loop && ((replay && replay->finished()) || (trace && trace->finished())); }
    // Now on the sound's clock, in seconds.
    double seconds() const;

private:
    void takeReplay();
    template <class Source> bool startNextPass(Source& source);
    void takeTrace(bool apply);
    // One event into the stage and the sound (at `at` seconds on the sound's clock).
    void deliver(const SceneEvent& event, const std::string& sender, double at);
};

} // namespace polar::viewer
