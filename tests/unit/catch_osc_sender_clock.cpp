// Event timestamps: TSC ticks (where the kernel trusts the TSC) or steady
// nanoseconds, converted back to steady nanoseconds by the sender.
#include <catch2/catch.hpp>

#include <thread>

#include "capture_clock.hpp"

using namespace polar::osc::detail;

TEST_CASE("Captured ticks convert back to the steady clock", "[osc][sender][clock]") {
    const bool tsc = GENERATE(false, true);
    if (tsc && !tscIsClock()) return;  // no usable TSC here: the fallback is tested
    TickConverter converter(tsc);
    for (int k = 0; k < 5; ++k) {
        const std::int64_t ticks = captureTicks(tsc);
        const std::int64_t ns = steadyNowNs();
        // Within 100 µs of the clock read right after (descheduling aside).
        CHECK(std::llabs(converter.toSteadyNs(ticks) - ns) < 100'000);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        converter.refine();
    }
}
