// channel.hpp — everything the VM thread and the sender thread share.
//
// Two rings (events, and the value texts that some events carry when values
// are on), the drop counter and how events are timestamped. The VM thread is the only producer of
// both rings and the only writer of `dropped`; the sender thread is the only consumer. Nothing else
// crosses between the threads, which is what lets the VM side run without locks.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

#include "capture_clock.hpp"
#include "event.hpp"
#include "polar/osc/options.hpp"
#include "spsc_ring.hpp"

namespace polar::osc::detail {

// Values are formatted on the VM thread at well under a million a second,
// so 4,096 texts (4 MiB) already cover milliseconds of output; a smaller
// ring keeps the memory of `values` bounded. Without values: 2 unused slots.
inline constexpr std::size_t kMaxTextSlots = 4096;

// Real-time mode keeps the last few event slots for a query's begin, error
// and end: a VM outrunning the sender fills the ring with rule and depth
// events, and without this the events that tell a receiver a query ended
// (and why: a timeout) were the ones dropped. 4 = the three of one query
// plus the next query's begin; the sender frees them within a millisecond.
// At most a quarter of the ring, so a tiny queue still carries other events.
inline constexpr std::size_t kLifecycleSlots = 4;

struct Channel {
    explicit Channel(const OscOptions& options)
        : tsc(tscIsClock()),
          paced(options.mode == Mode::Paced),
          values(options.values),
          events(paced ? kPacedWindow : options.queueCapacity, paced),
          texts(values ? std::min(events.capacity(), kMaxTextSlots) : 2, paced),
          // In paced mode too: once a query is past its deadline its other
          // events are dropped, and its error and end must not wait a pace.
          reserve(std::min(kLifecycleSlots, events.capacity() / 4)) {}

    // Single writer (the VM thread): a relaxed load and store, no locked
    // read-modify-write on the hot path.
    void countDrop() noexcept {
        dropped.store(dropped.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    const bool tsc; // events are stamped with the TSC (capture_clock.hpp)
    const bool paced;
    const bool values;
    SpscRing<Event> events;
    SpscRing<TextSlot> texts;
    // Event slots only query begin, end and error may take (kLifecycleSlots).
    const std::size_t reserve;
    std::atomic<std::uint64_t> dropped{0};
    // The running query's deadline (QueryBeginEvent::deadline): paced mode
    // waits for room no later than this. Read and written by the VM thread only.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

} // namespace polar::osc::detail
