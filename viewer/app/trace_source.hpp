// trace_source.hpp — a POLAR_LOG trace file as the viewer's input
// (`polar-viewer --mode coaster --trace run.trace`): read once with the
// scene layer's TraceReader, then given out one event every --trace-pace
// (250 ms by default), so the cart rides it node by node. A trace has no
// times of its own; the pace is the viewer's. Time is the pump's replay
// clock: the wall clock in a window, the frame count headless, so the same
// trace always gives the same frames.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "polar/viewer/scene_event.hpp"
#include "polar/viewer/trace_reader.hpp"

namespace polar::viewer {

// A trace's events kept at most: at the default pace, fourteen hours of
// riding; at --trace-pace 1ms, two hundred seconds. A longer trace rides
// its start, and says so (truncated()).
inline constexpr std::size_t kMaxTraceEvents = 200000;

class TraceSource {
public:
    // Reads the whole file; throws std::runtime_error when it cannot be
    // read or holds no trace line at all (not a trace: say so, not a
    // silent empty ride).
    TraceSource(const std::string& path, std::chrono::microseconds pace);

    // Appends the events due by `elapsed` since the ride started.
    void take(std::chrono::microseconds elapsed, std::vector<SceneEvent>& out);
    bool finished() const { return m_next >= m_events.size(); }
    // Back to the first event (--loop); the ride starts over (a Hello clears the tree).
    void rewind() { m_next = 0; }
    std::chrono::microseconds duration() const;
    std::size_t size() const { return m_events.size(); }
    const TraceCounters& counters() const { return m_counters; }
    bool truncated() const { return m_truncated; }
    // "event 12 / 30"
    std::string position() const;

private:
    void keep(std::vector<SceneEvent>& batch);

    std::vector<SceneEvent> m_events;
    bool m_truncated = false;
    std::size_t m_next = 0;
    std::chrono::microseconds m_pace;
    TraceCounters m_counters;
};

} // namespace polar::viewer
