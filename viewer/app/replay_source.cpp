#include "replay_source.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"
#include "polar/osc/recording.hpp"

namespace polar::viewer {

ReplaySource::ReplaySource(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    osc::RecordingReader reader(in, path);
    osc::RecordedDatagram d;
    while (reader.next(d)) {
        if (d.time > kMaxRecordingSpan) {
            // Times never decrease (the reader checks), so the first one
            // past the bound is the one to name.
            const long long micros = d.time.count();
            char at[48];
            if (micros % 1000000 == 0) std::snprintf(at, sizeof at, "%lld", micros / 1000000);
            else std::snprintf(at, sizeof at, "%lld.%06lld", micros / 1000000, micros % 1000000);
            char text[160];
            std::snprintf(text, sizeof text, "datagram %zu is at %s s, beyond the %lld h (a year) a recording may span",
                          m_datagrams.size() + 1, at,
                          static_cast<long long>(std::chrono::duration_cast<std::chrono::hours>(kMaxRecordingSpan).count()));
            throw std::runtime_error(text);
        }
        m_datagrams.push_back({d.time, std::move(d.bytes)});
    }
}

void ReplaySource::take(std::chrono::microseconds elapsed, std::vector<osc::Incoming>& out,
                        std::vector<std::chrono::microseconds>* times) {
    std::vector<osc::OscMessage> messages;
    while (m_next < m_datagrams.size() && m_datagrams[m_next].time <= elapsed) {
        const Datagram& d = m_datagrams[m_next++];
        messages.clear();
        const auto summary = osc::parseDatagram(d.bytes.data(), d.bytes.size(), osc::Clock::now(), messages);
        if (summary.malformed) ++m_malformed;
        for (auto& m : messages) {
            osc::Incoming in;
            in.event = osc::toPolarEvent(m);
            in.message = std::move(m);
            out.push_back(std::move(in));
            if (times) times->push_back(d.time);
        }
    }
}

std::chrono::microseconds ReplaySource::duration() const {
    return m_datagrams.empty() ? std::chrono::microseconds(0) : m_datagrams.back().time;
}

std::string ReplaySource::position(std::chrono::microseconds elapsed) const {
    char text[64];
    const double at = std::min(elapsed, duration()).count() / 1e6;
    std::snprintf(text, sizeof text, "%.1f s / %.1f s", at, duration().count() / 1e6);
    return text;
}

} // namespace polar::viewer
