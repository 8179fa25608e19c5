// osc/tool/recording_file.cpp — see recording_file.hpp.
#include "recording_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "polar/osc/recording.hpp"

namespace polar::osc::tool {

namespace {

std::string reason() { return std::strerror(errno); }

// What stat() says about `path`: nothing there, a regular file, or other.
enum class Kind { Missing, Regular, Other };

Kind kindOf(const std::string& path, off_t* size = nullptr) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return Kind::Missing;
    if (size != nullptr) *size = info.st_size;
    return S_ISREG(info.st_mode) ? Kind::Regular : Kind::Other;
}

} // namespace

std::string checkTarget(const std::string& path, bool force) {
    off_t size = 0;
    const Kind kind = kindOf(path, &size);
    if (kind == Kind::Missing || force) return {};
    if (kind == Kind::Regular)
        return path + " exists (" + std::to_string(size) +
               " bytes); pass --force to overwrite it, or choose another name";
    return path + " exists and is not a regular file; pass --force to write to it";
}

RecordingFile::RecordingFile(std::string path, bool force)
    : m_path(std::move(path)), m_force(force) {
    if (const std::string problem = checkTarget(m_path, force); !problem.empty())
        throw RecordingFileError(problem);
    if (kindOf(m_path) == Kind::Other) {
        // /dev/full, /dev/null, a FIFO: written as it is, never renamed.
        m_writingTo = m_path;
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
    } else {
        // A .partial left by a crash is an earlier recording's only copy:
        // it is replaced only with --force, like the file itself.
        m_writingTo = m_path + ".partial";
        const int exclusive = force ? O_TRUNC : O_EXCL;
        m_fd = ::open(m_writingTo.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | exclusive, 0644);
        if (m_fd < 0 && errno == EEXIST)
            throw RecordingFileError(m_writingTo +
                                     " exists (an unfinished recording?); rename it or pass --force");
    }
    if (m_fd < 0) throw RecordingFileError("cannot write " + m_writingTo + ": " + reason());
    writeAll(std::string(kRecordingHeader) + "\n");
}

RecordingFile::~RecordingFile() {
    if (m_fd >= 0) ::close(m_fd);
}

void RecordingFile::write(std::chrono::microseconds time, const char* data, std::size_t size) {
    writeAll(formatRecordedLine(time, data, size) + "\n");
}

void RecordingFile::writeAll(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(m_fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue; // Ctrl-C arrived mid-write
        if (n <= 0) throw RecordingFileError("cannot write " + m_writingTo + ": " + reason());
        done += static_cast<std::size_t>(n);
    }
}

void RecordingFile::commit() {
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) throw RecordingFileError("cannot write " + m_writingTo + ": " + reason());
    if (m_writingTo == m_path) return;
    // Without --force, RENAME_NOREPLACE keeps a FILE someone created while
    // we recorded; the .partial stays and the message names both.
    const unsigned flags = m_force ? 0 : RENAME_NOREPLACE;
    if (::renameat2(AT_FDCWD, m_writingTo.c_str(), AT_FDCWD, m_path.c_str(), flags) != 0)
        throw RecordingFileError("cannot rename " + m_writingTo + " to " + m_path + ": " + reason() +
                                 " (the recording is kept in " + m_writingTo + ")");
}

} // namespace polar::osc::tool
