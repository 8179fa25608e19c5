// run_sound_only.cpp — headless with only --sound / --sound-out: nothing
// drawn, so no display needed.
//
// Three ways to run, all ended by --timeout, SIGINT or SIGTERM, with the
// WAV finished by the caller whatever ended them:
//   a replay only written to a file renders in its own time, as fast as the
//     CPU goes, in chunks of kRenderChunk of recording time, checking the
//     stop flag and the deadline between chunks (a 10-hour recording is
//     minutes of CPU; it must stay stoppable);
//   a replay that is heard (--sound) plays in real time, then its tail;
//   a live stream records in real time until stopped.
// Exit codes: a replay (without --loop) cut short is 3 (timed out) or 130
// (interrupted): the WAV is valid but holds less than the recording. A live
// stream or a --loop has no end of its own, so stopping it is done: 0.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

#include "performance.hpp"
#include "run.hpp"

namespace polar::viewer {

namespace {

// One second of recording time a chunk: rendering it takes milliseconds
// (the synthesis runs far faster than real time), so a stop or a deadline
// is noticed within that, and the per-chunk overhead (one clock read, one
// take) stays negligible against 44,100 frames of synthesis.
constexpr std::chrono::microseconds kRenderChunk = std::chrono::seconds(1);

// A turn of the real-time loops: the file places each event by its time
// anyway; this bounds how late the sound card hears it and how much is
// rendered at once.
constexpr auto kRealTimeTurn = std::chrono::milliseconds(10);

// Why a run ended early, for the exit code and the message.
int endedEarly(const ViewerOptions& o, const Pump& pump, bool timedOut) {
    const bool hasEnd = pump.replay && !pump.loop;
    const char* what = timedOut ? "timed out" : "interrupted";
    if (!hasEnd) return kExitDone;
    std::cerr << "polar-viewer: " << what;
    if (timedOut) std::cerr << " after " << o.timeout << " s";
    std::cerr << " at " << pump.seconds() << " s of the recording's "
              << std::chrono::duration<double>(pump.replay->duration()).count() << " s\n";
    return timedOut ? kExitTimedOut : kExitInterrupted;
}

int renderReplay(const ViewerOptions& o, Pump& pump, Clock::time_point deadline) {
    const auto end = pump.loop ? std::chrono::microseconds::max() : pump.replay->duration();
    for (;;) {
        pump.replayTime = end - pump.replayTime > kRenderChunk ? pump.replayTime + kRenderChunk : end;
        pump.take(true);
        pump.performance->tick(0, pump.stage, nullptr, pump.sound, pump.seconds());
        if (pump.replayTime >= end) return kExitDone;
        // Checked after a chunk, so a recording of one chunk or less always
        // renders whole, even with a tiny --timeout.
        if (stopRequested()) return endedEarly(o, pump, false);
        if (Clock::now() >= deadline) return endedEarly(o, pump, true);
    }
}

} // namespace

int runSoundOnly(const ViewerOptions& o, Pump& pump) {
    const auto begun = Clock::now();
    const auto deadline = begun + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.timeout));
    int code = kExitDone;
    if (pump.replay && !pump.sound->playing()) {
        code = renderReplay(o, pump, deadline);
    } else {
        const auto tail = std::chrono::microseconds(static_cast<long long>(kSoundTailSeconds * 1e6));
        const auto end = pump.replay && !pump.loop ? pump.replay->duration() + tail : std::chrono::microseconds::max();
        for (;;) {
            if (pump.replay)
                pump.replayTime = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - begun);
            pump.take(true);
            pump.performance->tick(0, pump.stage, nullptr, pump.sound, pump.seconds());
            if (pump.replayTime >= end) break;
            if (stopRequested()) {
                code = endedEarly(o, pump, false);
                break;
            }
            if (Clock::now() >= deadline) {
                code = endedEarly(o, pump, true);
                break;
            }
            std::this_thread::sleep_for(kRealTimeTurn);
        }
    }
    std::cout << "polar-viewer: " << (pump.replay ? "played " : "recorded ") << pump.seconds() << " s with "
              << pump.events << " events";
    if (pump.passes > 0) std::cout << " (" << pump.passes << " passes completed)";
    std::cout << std::endl;
    return code;
}

} // namespace polar::viewer
