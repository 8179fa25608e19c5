// replay_source.hpp — a `polar-osc record` file as the viewer's input, fed
// by its recorded times instead of a socket. In a window the clock is the
// wall clock; headless, it is the frame count (1/60 s a frame), so the same
// recording always gives the same frames.
//
// A recording is refused on load when a datagram's time lies beyond
// kMaxRecordingSpan: such a time (999999999999 s, a hand-edited or corrupt
// file) would have a sound-only replay render towards a 4 GB WAV for hours,
// and no recorder run made it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "polar/osc/osc_receiver.hpp"

namespace polar::viewer {

// A year: the longest `polar-osc record --duration` accepts (its
// kRecordDuration cap, osc/tool/record_command.hpp), so every recording a
// bounded recorder run writes replays; a time beyond it came from
// elsewhere. (A recorder left running without --duration for over a year
// is not a recording anyone replays.)
inline constexpr std::chrono::microseconds kMaxRecordingSpan = std::chrono::hours(24 * 365);

class ReplaySource {
public:
    // Reads the whole recording; throws osc::RecordingError or
    // std::runtime_error (also for a time beyond kMaxRecordingSpan).
    explicit ReplaySource(const std::string& path);

    // Appends every message due by `elapsed` since the replay started; with
    // `times`, also each message's recorded time (one entry per message).
    void take(std::chrono::microseconds elapsed, std::vector<osc::Incoming>& out,
              std::vector<std::chrono::microseconds>* times = nullptr);
    bool finished() const { return m_next >= m_datagrams.size(); }
    // Back to the first datagram (--loop).
    void rewind() { m_next = 0; }
    std::chrono::microseconds duration() const;
    std::uint64_t malformed() const { return m_malformed; }
    // "12.3 s / 40.0 s"
    std::string position(std::chrono::microseconds elapsed) const;

private:
    struct Datagram {
        std::chrono::microseconds time;
        std::string bytes;
    };
    std::vector<Datagram> m_datagrams;
    std::size_t m_next = 0;
    std::uint64_t m_malformed = 0;
};

} // namespace polar::viewer
