// osc/tool/tool_common.cpp — see tool_common.hpp.
#include "tool_common.hpp"

#include <csignal>
#include <cstdio>
#include <thread>

namespace polar::osc::tool {

namespace {

StopFlag g_stop{false};
static_assert(StopFlag::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onStopSignal(int /*signal*/) { g_stop.store(true); }

// How often a wait looks at the stop flag: short enough that Ctrl-C feels
// instant, long enough to cost nothing.
constexpr auto kPollInterval = std::chrono::milliseconds(10);

} // namespace

const StopFlag& installStopSignals() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return g_stop;
}

Clock::time_point deadlineAfter(Clock::time_point start, double seconds) {
    if (seconds <= 0) return Clock::time_point::max();
    return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

bool sleepUntil(Clock::time_point deadline, const StopFlag& stop) {
    return sleepUntil(deadline, stop, [] { return false; });
}

bool sleepUntil(Clock::time_point deadline, const StopFlag& stop, const std::function<bool()>& failed) {
    while (!stop.load() && !failed()) {
        const Clock::time_point now = Clock::now();
        if (now >= deadline) {
            return true;
        }
        // The last stretch is slept exactly, so replay timing stays precise.
        std::this_thread::sleep_until(std::min(deadline, now + kPollInterval));
    }
    return false;
}

std::string formatSeconds(Clock::duration duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", std::chrono::duration<double>(duration).count());
    return text;
}

} // namespace polar::osc::tool
