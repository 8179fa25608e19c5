#pragma once
// osc_settled.hpp — wait for an OscBroadcaster to empty its queue, then check
// its books balance: every event the hooks saw was either sent or dropped.
// Shared by the sender's unit tests and the fault tests (tests/faults/).
#include <catch2/catch.hpp>
#include <chrono>
#include <polar/osc/broadcaster.hpp>
#include <thread>

namespace polar::osc::test {

// Up to 3 s: the sender drains a full default queue in well under a second,
// even under the sanitizers.
inline OscBroadcaster::Stats settledStats(const OscBroadcaster& osc) {
    OscBroadcaster::Stats stats = osc.stats();
    for (int k = 0; k < 3000 && stats.sent + stats.dropped < stats.captured; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stats = osc.stats();
    }
    CHECK(stats.sent + stats.dropped == stats.captured);
    return stats;
}

} // namespace polar::osc::test
