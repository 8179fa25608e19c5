// replay_source.hpp — a `polar-osc record` file as the viewer's input, fed
// by its recorded times instead of a socket. In a window the clock is the
// wall clock; headless, it is the frame count (1/60 s a frame), so the same
// recording always gives the same frames.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "polar/osc/osc_receiver.hpp"

namespace polar::viewer {

class ReplaySource {
public:
    // Reads the whole recording; throws osc::RecordingError or std::runtime_error.
    explicit ReplaySource(const std::string& path);

    // Appends every message due by `elapsed` since the replay started; with
    // `times`, also each message's recorded time (one entry per message).
    void take(std::chrono::microseconds elapsed, std::vector<osc::Incoming>& out,
              std::vector<std::chrono::microseconds>* times = nullptr);
    bool finished() const { return m_next >= m_datagrams.size(); }
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
