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
// Bad command line: 2, as for polar, polar-github and polar-viewer (and
// getopt tools), so a script treats a typo like any other failure.
inline constexpr int kExitUsage = 2;
inline constexpr int kExitError = 2;  // a file, a socket or a recording failed

// The numeric options' ranges (checked while parsing, polar/flags/cli.hpp).
// A port: 0 asks the kernel for a free one (record, dump, tee); a
// destination needs a real one. Durations: kRecordDuration
// (record_command.hpp). A replay
// speed: 1/1000 (a second of recording lasts over 16 minutes) to 1,000 (an
// hour in 3.6 s; faster is "all at once", which --speed cannot promise
// anyway); slower than 1/1000 also pushes a long recording's send times
// past what the clock holds.
inline constexpr double kMinSpeed = 0.001;
inline constexpr double kMaxSpeed = 1'000;

using StopFlag = std::atomic<bool>;

// Called once the socket is bound, with its description ("127.0.0.1:9000")
// and port: how tests that asked for port 0 learn where to send.
using ListeningHook = std::function<void(const std::string& where, std::uint16_t port)>;

// Installs SIGINT and SIGTERM handlers that set the returned flag.
const StopFlag& installStopSignals();

// Sleeps until `deadline`; returns early with false when `stop` is set.
bool sleepUntil(Clock::time_point deadline, const StopFlag& stop);
// The same, also returning false as soon as `failed` turns true (a
// recording that cannot be written ends the wait at once).
bool sleepUntil(Clock::time_point deadline, const StopFlag& stop, const std::function<bool()>& failed);
// When a --duration of `seconds` that began at `start` ends; never when 0.
Clock::time_point deadlineAfter(Clock::time_point start, double seconds);

// "1.234 s"
std::string formatSeconds(Clock::duration duration);

} // namespace polar::osc::tool
