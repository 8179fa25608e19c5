// cli/stop_signal.hpp — SIGINT/SIGTERM as a file descriptor a poll loop can wait on.
//
// `polar live` sleeps in poll() between passes (and while debouncing file
// changes); a signal must end that sleep at once, not at the next timeout.
// A flag alone cannot wake poll() reliably (the signal may arrive just
// before the call), so the handler also writes one byte into a self-pipe
// whose read end is one of the polled descriptors. Only async-signal-safe
// calls happen in the handler: a store to a lock-free atomic and write().
//
// One StopSignal at a time per process; it restores the previous handlers
// when destroyed, so tests and the REPL are unaffected afterwards.
#pragma once

#include <signal.h>

#include <atomic>

namespace polar::cli {

class StopSignal {
public:
    StopSignal();   // installs the handlers; throws polar::Error if the pipe cannot be made
    ~StopSignal();  // restores the previous handlers, closes the pipe
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;

    // Readable once a signal has arrived (stays readable: nothing drains it).
    int fd() const { return m_readFd; }
    bool requested() const;
    // The same request as a flag for polar::Limits::cancel: a query running
    // when the signal arrives stops within its next limit check.
    static const std::atomic<bool>& flag();
    // Which signal asked to stop (0 if none): for the summary line.
    int signalNumber() const;

private:
    int m_readFd = -1;
    int m_writeFd = -1;
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

} // namespace polar::cli
