// Event timestamps: TSC ticks (where the kernel trusts the TSC) or steady
// nanoseconds, converted back to steady nanoseconds by the sender.
#include <catch2/catch.hpp>
#include <thread>

#include "capture_clock.hpp"

using namespace polar::osc::detail;

TEST_CASE("Captured ticks convert back to the steady clock", "[osc][sender][clock]") {
    const bool tsc = GENERATE(false, true);
    if (tsc && !tscIsClock()) return; // no usable TSC here: the fallback is tested
    TickConverter converter(tsc);
    for (int k = 0; k < 5; ++k) {
        // Between two clock reads, give or take 100 µs (being descheduled
        // between the reads only widens the window).
        const std::int64_t before = steadyNowNs();
        const std::int64_t ticks = captureTicks(tsc);
        const std::int64_t after = steadyNowNs();
        CHECK(converter.toSteadyNs(ticks) >= before - 100'000);
        CHECK(converter.toSteadyNs(ticks) <= after + 100'000);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        converter.refine();
    }
}
