// midi_queue.hpp — messages from RtMidi's thread to the frame loop.
//
// RtMidi calls back on its own thread (ALSA's listener or JACK's process
// thread); the app reads once per frame. A mutex-guarded queue is enough:
// pushes hold the lock for one copy, the drain swaps the whole queue out.
// On JACK the pusher is the process thread, where taking a lock (and the
// deque's occasional allocation) is not strictly real-time safe. The lock is
// only ever held for one copy or one swap, so the worst case is a MIDI
// message a little late; a lock-free ring would remove even that.
// The queue is bounded so a stalled app (a window being dragged, a debugger
// break) cannot grow it without end; when full, the oldest message goes and
// is counted, because for knobs and the clock the newest values are the
// ones that matter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "polar/viewer/midi/midi_message.hpp"

namespace polar::viewer::midi {

class MidiQueue {
public:
    // 4096 messages: four seconds of a DIN cable at its full 31,250 baud
    // (about 1,000 three-byte messages a second), or 34 s of clock at
    // 300 bpm — more than any stall the app survives — in about 100 KB.
    static constexpr std::size_t kDefaultBound = 4096;

    explicit MidiQueue(std::size_t bound = kDefaultBound) : m_bound(bound == 0 ? 1 : bound) {}

    // Thread-safe; drops the oldest message when full.
    void push(const TimedMessage& msg);
    // Everything queued, oldest first; the queue is empty afterwards.
    std::vector<TimedMessage> drain();
    // Messages dropped because the queue was full, since construction.
    std::uint64_t dropped() const;
    std::size_t bound() const { return m_bound; }

private:
    const std::size_t m_bound;
    mutable std::mutex m_mutex;
    std::deque<TimedMessage> m_messages;
    std::uint64_t m_dropped = 0;
};

} // namespace polar::viewer::midi
