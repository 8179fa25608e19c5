// osc/tool/tool_common.hpp — what every polar-osc subcommand shares.
//
// Exit codes, the stop flag and an interruptible wait. A subcommand runs
// until its work is done or `stop` is set: main() sets it from SIGINT and
// SIGTERM, tests set it themselves, so every command can be driven in
// process with string streams. Waiting polls the flag every few
// milliseconds instead of blocking in the signal handler's world: the
// handler only stores to a lock-free atomic, which is async-signal-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "polar/osc/osc_message.hpp"

namespace polar::osc::tool {

inline constexpr int kExitOk = 0;     // done, or stopped by SIGINT/SIGTERM as intended
inline constexpr int kExitUsage = 1;  // bad command line
inline constexpr int kExitError = 2;  // a file, a socket or a recording failed

using StopFlag = std::atomic<bool>;

// Called once the socket is bound, with its description ("127.0.0.1:9000")
// and port: how tests that asked for port 0 learn where to send.
using ListeningHook = std::function<void(const std::string& where, std::uint16_t port)>;

// Installs SIGINT and SIGTERM handlers that set the returned flag.
const StopFlag& installStopSignals();

// Sleeps until `deadline`; returns early with false when `stop` is set.
bool sleepUntil(Clock::time_point deadline, const StopFlag& stop);

// "1.234 s"
std::string formatSeconds(Clock::duration duration);

} // namespace polar::osc::tool
