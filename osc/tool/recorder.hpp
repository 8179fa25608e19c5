// osc/tool/recorder.hpp — what `record` and `tee --record` share: the
// datagrams a listener hands over, written to a RecordingFile and counted.
//
// The socket is bound before the file is created (recording_file.hpp), so
// datagrams can arrive in the moment between the two: they wait in memory
// until open() and are written first, with their own arrival times.
// handle() runs on the listener's thread, open() and finish() on the main
// one; a mutex orders them (one datagram at a time, nothing to contend
// for). A write error stops the recording at once: failed() turns true,
// the main thread stops waiting and reports error() — with strerror's
// reason, "cannot write /dev/full: No space left on device".
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "polar/osc/osc_message.hpp"
#include "recording_file.hpp"

namespace polar::osc::tool {

struct RecordCounts {
    std::uint64_t datagrams = 0, bytes = 0, messages = 0, bundles = 0, malformed = 0;
};

class Recorder {
public:
    explicit Recorder(Clock::time_point start) : m_start(start) {}

    // Creates the file (throws RecordingFileError) and writes what waited.
    void open(const std::string& path, bool force);
    // On the receive thread: writes (or keeps, before open) one datagram.
    void handle(const char* data, std::size_t size, Clock::time_point arrival);
    // Closes and renames into place; the error text, or "" when all is well.
    std::string finish();

    bool failed() const { return m_failed.load(); }
    std::string error() const;
    RecordCounts counts() const;
    const std::string& writingTo() const;

private:
    struct Pending {
        Clock::time_point arrival;
        std::string bytes;
    };
    void writeLocked(const char* data, std::size_t size, Clock::time_point arrival);

    Clock::time_point m_start;
    mutable std::mutex m_mutex;
    std::unique_ptr<RecordingFile> m_file;
    std::vector<Pending> m_pending;
    RecordCounts m_counts;
    std::string m_error;
    std::atomic<bool> m_failed{false};
};

} // namespace polar::osc::tool
