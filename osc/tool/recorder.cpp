// osc/tool/recorder.cpp — see recorder.hpp.
#include "recorder.hpp"

#include "polar/osc/parse_datagram.hpp"

namespace polar::osc::tool {

namespace {

// Counts messages and bundles without keeping them.
class CountingVisitor : public DatagramVisitor {
public:
    void message(OscMessage&& /*message*/) override {}
};

} // namespace

void Recorder::open(const std::string& path, bool force) {
    auto file = std::make_unique<RecordingFile>(path, force);
    const std::lock_guard lock(m_mutex);
    m_file = std::move(file);
    std::vector<Pending> pending;
    pending.swap(m_pending);
    for (const Pending& datagram : pending)
        writeLocked(datagram.bytes.data(), datagram.bytes.size(), datagram.arrival);
}

void Recorder::handle(const char* data, std::size_t size, Clock::time_point arrival) {
    const std::lock_guard lock(m_mutex);
    if (m_failed.load()) return;
    if (!m_file) {
        m_pending.push_back({arrival, std::string(data, size)});
        return;
    }
    writeLocked(data, size, arrival);
}

void Recorder::writeLocked(const char* data, std::size_t size, Clock::time_point arrival) {
    try {
        m_file->write(std::chrono::duration_cast<std::chrono::microseconds>(arrival - m_start), data,
                      size);
    } catch (const RecordingFileError& error) {
        m_error = error.what();
        m_failed = true;
        return;
    }
    CountingVisitor visitor;
    const DatagramSummary summary = parseDatagram(data, size, arrival, visitor);
    ++m_counts.datagrams;
    m_counts.bytes += size;
    m_counts.messages += summary.messages;
    m_counts.bundles += summary.bundles;
    m_counts.malformed += summary.malformed ? 1 : 0;
}

std::string Recorder::finish() {
    const std::lock_guard lock(m_mutex);
    if (!m_file) return m_error;
    if (m_failed.load()) return m_error; // the .partial stays; its name is in the message
    try {
        m_file->commit();
    } catch (const RecordingFileError& error) {
        m_error = error.what();
        m_failed = true;
    }
    return m_error;
}

std::string Recorder::error() const {
    const std::lock_guard lock(m_mutex);
    return m_error;
}

RecordCounts Recorder::counts() const {
    const std::lock_guard lock(m_mutex);
    return m_counts;
}

const std::string& Recorder::writingTo() const {
    static const std::string none;
    return m_file ? m_file->writingTo() : none;
}

} // namespace polar::osc::tool
