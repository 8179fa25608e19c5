// cli/stop_signal.cpp — see stop_signal.hpp.
#include "stop_signal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "polar/error.hpp"

namespace polar::cli {

namespace {

// File-scope because a signal handler cannot reach an object.
std::atomic<int> g_signal{0};
std::atomic<int> g_wakeFd{-1};
std::atomic<bool> g_stop{false};  // what running queries watch (Limits::cancel)
static_assert(std::atomic<bool>::is_always_lock_free, "used from a signal handler");
static_assert(std::atomic<int>::is_always_lock_free, "used from a signal handler");

extern "C" void onStopSignal(int signal) {
    const int savedErrno = errno;  // write() may change it under the interrupted code
    g_signal.store(signal);
    g_stop.store(true);
    const int fd = g_wakeFd.load();
    if (fd >= 0) {
        const char byte = 1;
        // A full pipe already wakes the poller; the result does not matter.
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

} // namespace

StopSignal::StopSignal() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        throw polar::Error(polar::ErrorKind::Operational, "Signal",
                           std::string("cannot create a pipe for signals: ") + std::strerror(errno));
    }
    m_readFd = fds[0];
    m_writeFd = fds[1];
    g_signal.store(0);
    g_stop.store(false);
    g_wakeFd.store(m_writeFd);
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read or poll returns EINTR
    sigaction(SIGINT, &action, &m_oldInt);
    sigaction(SIGTERM, &action, &m_oldTerm);
}

StopSignal::~StopSignal() {
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
    g_wakeFd.store(-1);
    ::close(m_readFd);
    ::close(m_writeFd);
}

bool StopSignal::requested() const {
    return g_signal.load() != 0;
}

int StopSignal::signalNumber() const {
    return g_signal.load();
}

const std::atomic<bool>& StopSignal::flag() { return g_stop; }

} // namespace polar::cli
