#pragma once
// osc_settled.hpp — wait for an OscBroadcaster to empty its queue, then check
// its books balance: every event the hooks saw was either sent or dropped.
// Shared by the sender's unit tests and the fault tests (tests/faults/).
#include <catch2/catch.hpp>
#include <chrono>
#include <polar/osc/broadcaster.hpp>
#include <thread>

namespace polar::osc::test {

// The sender drains a full default queue in well under a second, even
// under the sanitizers; the minute is only a safety net, so a sender thread
// starved by a loaded machine is waited for, not failed (it used to be 3 s).
inline OscBroadcaster::Stats settledStats(const OscBroadcaster& osc) {
    const auto safetyNet = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    OscBroadcaster::Stats stats = osc.stats();
    while (stats.sent + stats.dropped < stats.captured && std::chrono::steady_clock::now() < safetyNet) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stats = osc.stats();
    }
    CHECK(stats.sent + stats.dropped == stats.captured);
    return stats;
}

} // namespace polar::osc::test
