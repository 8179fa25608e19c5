// osc/tool/recording_file.hpp — a recording that is never lost: written
// beside its name, renamed into place when it is complete.
//
// Issue 13: `polar-osc record show.rec --port 9000`, with the viewer on
// 9000, truncated an existing 10,679-byte show.rec to its header and then
// failed to bind. So a recording is made in three steps, and the order is
// the point:
//
//   1. checkTarget(): before the socket is bound, refuse an existing FILE
//      unless --force (nothing is opened, the file is untouched);
//   2. the caller binds the port (a busy port ends the run here, with no
//      file created);
//   3. RecordingFile writes FILE.partial and commit() renames it to FILE —
//      also after Ctrl-C, which is the normal way to end a recording.
//
// A target that exists and is not a regular file (/dev/full, /dev/null, a
// FIFO) is written directly, with --force: there is nothing to lose and
// nothing to rename. That is how tests exercise a full disk.
//
// Every write goes straight to the file descriptor, one datagram a call,
// so a recorder killed hard loses at most the line it was writing, and a
// failed write is known at once with its errno (an ofstream hides it).
#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace polar::osc::tool {

// Why a recording cannot start or go on; what() is the whole sentence,
// with strerror's reason ("cannot write show.rec.partial: No space left
// on device").
class RecordingFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Step 1: an empty string when FILE may be written, else the reason
// ("show.rec exists (10679 bytes); pass --force to overwrite it").
std::string checkTarget(const std::string& path, bool force);

class RecordingFile {
public:
    // Step 3: creates FILE.partial (or opens a non-regular FILE) and writes
    // the header. Throws RecordingFileError.
    RecordingFile(std::string path, bool force);
    // Closes without renaming when commit() was not reached: the
    // .partial file stays, and its name was printed.
    ~RecordingFile();
    RecordingFile(const RecordingFile&) = delete;
    RecordingFile& operator=(const RecordingFile&) = delete;

    // One datagram, in the format of polar/osc/recording.hpp. Throws
    // RecordingFileError on a failed write.
    void write(std::chrono::microseconds time, const char* data, std::size_t size);
    // Closes the file and renames FILE.partial to FILE (without --force,
    // never over a FILE that appeared meanwhile). Throws RecordingFileError.
    void commit();

    // Where the bytes go now: FILE.partial, or FILE itself.
    const std::string& writingTo() const { return m_writingTo; }

private:
    void writeAll(const std::string& text);

    std::string m_path;
    std::string m_writingTo;
    bool m_force = false;
    int m_fd = -1;
};

} // namespace polar::osc::tool
