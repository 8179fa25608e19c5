// The SPSC ring between the VM and the sender: order, fullness, and the
// paced wait, with a real second thread (run under ./run sanitize too).
#include <catch2/catch.hpp>
#include <atomic>
#include <cstdint>
#include <thread>

#include "spsc_ring.hpp"

using polar::osc::detail::SpscRing;

TEST_CASE("The ring keeps order and reports full and empty", "[osc][sender][ring]") {
    SpscRing<int> ring(3); // rounded up to 4
    CHECK(ring.capacity() == 4);
    CHECK(ring.front() == nullptr);
    for (int k = 0; k < 4; ++k) {
        int* slot = ring.claim();
        REQUIRE(slot);
        *slot = k;
        ring.publish();
    }
    CHECK(ring.claim() == nullptr);
    CHECK(ring.size() == 4);
    CHECK(ring.published() == 4);
    for (int k = 0; k < 4; ++k) {
        const int* front = ring.front();
        REQUIRE(front);
        CHECK(*front == k);
        ring.pop();
    }
    CHECK(ring.front() == nullptr);
    CHECK(ring.claim() != nullptr);
}

TEST_CASE("A producer and a consumer thread pass a million items in order", "[osc][sender][ring]") {
    constexpr std::uint64_t kItems = 1'000'000;
    SECTION("real time: the producer skips when full") {
        SpscRing<std::uint64_t> ring(1024);
        // Read by the consumer while the producer writes it: atomic (a
        // plain counter here was a data race). Only the producer writes.
        std::atomic<std::uint64_t> skipped{0};
        std::thread producer([&] {
            for (std::uint64_t k = 0; k < kItems; ++k) {
                if (std::uint64_t* slot = ring.claim()) {
                    *slot = k;
                    ring.publish();
                } else {
                    skipped.store(skipped.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
                }
            }
        });
        std::uint64_t received = 0;
        std::uint64_t last = 0;
        bool ordered = true;
        // Every item is either published or skipped; a published one may
        // be seen before the skip count that follows it, never after.
        while (received + skipped.load(std::memory_order_relaxed) < kItems || ring.front()) {
            if (const std::uint64_t* item = ring.front()) {
                ordered = ordered && (received == 0 || *item > last);
                last = *item;
                ++received;
                ring.pop();
            }
        }
        producer.join();
        CHECK(ordered);
        CHECK(received + skipped == kItems);
    }
    SECTION("paced: the producer waits, nothing is lost") {
        SpscRing<std::uint64_t> ring(8, true);
        std::thread producer([&] {
            for (std::uint64_t k = 0; k < kItems / 10; ++k) {
                std::uint64_t* slot = ring.claim();
                if (!slot) {
                    ring.waitForRoom();
                    slot = ring.claim();
                }
                *slot = k;
                ring.publish();
            }
        });
        std::uint64_t expected = 0;
        while (expected < kItems / 10) {
            if (const std::uint64_t* item = ring.front()) {
                REQUIRE(*item == expected);
                ++expected;
                ring.pop();
            } else {
                std::this_thread::yield();
            }
        }
        producer.join();
        CHECK(expected == kItems / 10);
    }
}
