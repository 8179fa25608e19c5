#include "trace_source.hpp"

#include <fstream>
#include <stdexcept>

#include "polar/viewer/search_tree.hpp"

namespace polar::viewer {

TraceSource::TraceSource(const std::string& path, std::chrono::microseconds pace) : m_pace(pace) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    // The ride starts from nothing, whatever was shown before (a --loop's
    // pass, another source in the same lane).
    m_events.push_back(makeSceneEvent(EventKind::Hello, 0, 0, "trace " + path));
    // Line by line, keeping at most kMaxTraceEvents events with their texts
    // cut as the tree would cut them: a hostile gigabyte of trace costs
    // what a long ride does, not the machine's memory.
    TraceReader reader;
    std::vector<SceneEvent> batch;
    std::string line;
    while (m_events.size() < kMaxTraceEvents && readTraceLine(in, line)) {
        batch.clear();
        reader.line(line, batch);
        keep(batch);
    }
    m_truncated = m_events.size() >= kMaxTraceEvents;
    if (!m_truncated) {
        batch.clear();
        reader.finish(batch);
        keep(batch);
    }
    m_counters = reader.counters();
    if (in.bad()) throw std::runtime_error("cannot read " + path);
    if (m_events.size() == 1)
        throw std::runtime_error(path + ": no trace lines (QUERY RULE, RULE, RESULT after a [..][info] prefix) in " +
                                 std::to_string(m_counters.lines) +
                                 " lines; make one with polar query --trace ... 2> FILE or POLAR_LOG=1");
}

void TraceSource::keep(std::vector<SceneEvent>& batch) {
    for (SceneEvent& e : batch) {
        if (e.values.size() > kMaxNodeText) e.values.resize(kMaxNodeText);
        if (m_events.size() < kMaxTraceEvents) m_events.push_back(std::move(e));
    }
}

void TraceSource::take(std::chrono::microseconds elapsed, std::vector<SceneEvent>& out) {
    while (m_next < m_events.size() && m_pace * static_cast<long long>(m_next) <= elapsed)
        out.push_back(m_events[m_next++]);
}

std::chrono::microseconds TraceSource::duration() const { return m_pace * static_cast<long long>(m_events.size()); }

std::string TraceSource::position() const {
    return "event " + std::to_string(m_next) + " / " + std::to_string(m_events.size());
}

} // namespace polar::viewer
