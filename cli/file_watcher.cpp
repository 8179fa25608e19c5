// cli/file_watcher.cpp — see file_watcher.hpp.
#include "file_watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "polar/error.hpp"

namespace polar::cli {

namespace {

// A write that ends (IN_CLOSE_WRITE) rather than each write (IN_MODIFY):
// a large file saved in several write() calls is then one change, not a
// reload of a half-written file. The rest cover rename-over and
// delete-and-recreate saves.
constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;

std::string directoryOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

[[noreturn]] void fail(const std::string& what) {
    throw polar::Error(polar::ErrorKind::Operational, "Watch", what + ": " + std::strerror(errno));
}

} // namespace

FileWatcher::FileWatcher(const std::vector<std::string>& files) {
    m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) fail("cannot start watching files (inotify)");
    for (const std::string& file : files) {
        const std::string directory = directoryOf(file);
        const std::string name = std::filesystem::path(file).filename().string();
        // inotify returns the same descriptor for a directory added twice.
        const int descriptor = ::inotify_add_watch(m_fd, directory.c_str(), kEvents);
        if (descriptor < 0) {
            const int saved = errno;
            ::close(m_fd);
            errno = saved;
            fail("cannot watch directory " + directory + " of " + file);
        }
        Watch* watch = nullptr;
        for (Watch& existing : m_watches) {
            if (existing.descriptor == descriptor) watch = &existing;
        }
        if (!watch) watch = &m_watches.emplace_back(Watch{descriptor, directory, {}});
        watch->names.emplace_back(name, file);
    }
}

FileWatcher::~FileWatcher() {
    if (m_fd >= 0) ::close(m_fd);
}

std::set<std::string> FileWatcher::drain() {
    std::set<std::string> changed;
    // Aligned as the kernel's struct requires; room for many events per read.
    alignas(inotify_event) char buffer[16 * 1024];
    while (true) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0) break;  // EAGAIN: nothing more waiting
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            if (event->len == 0) continue;  // about the directory itself
            const std::string name(event->name);
            for (const Watch& watch : m_watches) {
                if (watch.descriptor != event->wd) continue;
                for (const auto& [base, file] : watch.names) {
                    if (base == name) changed.insert(file);
                }
            }
        }
    }
    return changed;
}

} // namespace polar::cli
