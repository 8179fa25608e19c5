// cli/file_watcher.hpp — tell `polar live` when one of its files changed.
//
// Built on inotify, so an idle loop costs no CPU: the kernel queues events
// on a descriptor that the loop polls together with its timer and the
// signal pipe. It watches the DIRECTORY of each file rather than the file:
// editors save by writing a temporary and renaming it over the original
// (vim's backupcopy=no, most IDEs) or by deleting and recreating it, and a
// watch on the file itself would follow the old inode and go quiet after
// the first save. Directory events are filtered by name, so a busy
// directory wakes the loop but reports only the files asked about.
//
// The watcher reports *that* a file changed, not its contents; the caller
// debounces (an editor's save is often several events within a few
// milliseconds) and rereads everything.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace polar::cli {

class FileWatcher {
public:
    // Throws polar::Error naming the directory that cannot be watched (one
    // that does not exist, or the inotify limits are exhausted).
    explicit FileWatcher(const std::vector<std::string>& files);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Readable when events are waiting: poll it.
    int fd() const { return m_fd; }
    // Reads every waiting event without blocking; returns the watched files
    // (as given to the constructor) that were written, created, renamed or
    // deleted. Empty when the events concerned other files only.
    std::set<std::string> drain();

private:
    struct Watch {
        int descriptor;
        std::string directory;
        // basename -> the path as the user wrote it
        std::vector<std::pair<std::string, std::string>> names;
    };
    int m_fd = -1;
    std::vector<Watch> m_watches;
};

} // namespace polar::cli
