// channel.hpp — everything the VM threads and the sender thread share.
//
// Design. A broadcaster may be attached to Polars running on several
// threads at once (POLAR_OSC gives every Polar of a process the same one),
// but its rings are single-producer. So every producing thread gets a Lane
// of its own: an event ring, a text ring (values), a drop counter and the
// deadline of the query it is running. A thread finds its lane through a
// thread_local cache (lanes.cpp) — one compare on the hot path, no lock.
// Only a thread's first event on a broadcaster takes the registry mutex and
// allocates its lane. When the thread exits, its thread_local destructor
// marks the lane retired; the sender drains a retired lane, folds its drop
// count into the channel's, and frees it. The sender alone consumes every
// lane and merges them by capture time (sender.cpp).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "capture_clock.hpp"
#include "event.hpp"
#include "polar/osc/options.hpp"
#include "spsc_ring.hpp"

namespace polar::osc::detail {

// Values are formatted on the VM thread at well under a million a second,
// so 4,096 texts (4 MiB) already cover milliseconds of output; a smaller
// ring keeps the memory of `values` bounded.
inline constexpr std::size_t kMaxTextSlots = 4096;
// Without values the text ring serves only the load messages
// (load_events.hpp): a live-coding loop reloads every file of a policy on a
// save, tens of loads within the sender's 1 ms tick; 64 slots (64 KiB a
// lane, next to the 4 MiB event ring) hold a policy of 64 files.
inline constexpr std::size_t kLoadTextSlots = 64;

// Real-time mode keeps the last few event slots of each lane for a query's
// begin, error and end: a VM outrunning the sender fills the ring with rule
// and depth events, and without this the events that tell a receiver a
// query ended (and why: a timeout) were the ones dropped. 4 = the three of
// one query plus the next query's begin; the sender frees them within a
// millisecond. At most a quarter of the ring, so a tiny queue still carries
// other events.
inline constexpr std::size_t kLifecycleSlots = 4;

// One producing thread's share of a broadcaster.
struct Lane {
    Lane(std::size_t eventCapacity, bool paced, bool values)
        : events(eventCapacity, paced),
          texts(values ? std::max(std::min(events.capacity(), kMaxTextSlots), kLoadTextSlots) : kLoadTextSlots,
                paced) {}

    // Single writer (this lane's thread): a relaxed load and store, no
    // locked read-modify-write on the hot path.
    void countDrop() noexcept {
        dropped.store(dropped.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    SpscRing<Event> events;
    SpscRing<TextSlot> texts;
    std::atomic<std::uint64_t> dropped{0};
    // Events of this lane in datagrams already handed to the sockets
    // (written by the sender after each send; read by flush()).
    std::atomic<std::uint64_t> delivered{0};
    // Set by the owning thread's exit: nothing more will be published.
    std::atomic<bool> retired{false};
    // The running query's deadline (QueryBeginEvent::deadline): paced mode
    // waits for room no later than this. This lane's thread only.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct Channel {
    explicit Channel(const OscOptions& options);
    ~Channel();
    Channel(const Channel&) = delete;
    Channel& operator=(const Channel&) = delete;

    // The calling thread's lane; registers one on its first event (mutex,
    // allocation), then a thread_local lookup. Null only when that first
    // allocation failed: the hook then drops its event, counted in
    // `unregisteredDrops`, and the next event tries again — a hook never
    // throws into the VM.
    Lane* lane() noexcept {
        if (t_cache.serial == serial) [[likely]] return t_cache.lane;
        return registerThread();
    }

    // Sender: a copy of the live lanes, refreshed when `version` moved.
    void snapshot(std::vector<std::shared_ptr<Lane>>& out, std::uint64_t& seen);
    // Sender: frees retired lanes that are empty; true when any went.
    bool reapRetired();

    struct Totals {
        std::uint64_t published, dropped, waiting;
    };
    Totals totals() const;

    const bool tsc; // events are stamped with the TSC (capture_clock.hpp)
    const bool paced;
    const bool values;
    const std::size_t capacity; // events per lane
    // Event slots only query begin, end and error may take (kLifecycleSlots).
    const std::size_t reserve;
    const std::uint64_t serial; // process-unique: keys the thread_local caches
    std::atomic<std::uint64_t> version{0}; // bumped whenever `m_lanes` changes
    // Events dropped because their thread could not get a lane (out of
    // memory): several threads may add, so a real read-modify-write; it is
    // off the hot path.
    std::atomic<std::uint64_t> unregisteredDrops{0};

private:
    Lane* registerThread() noexcept;

    struct Cache {
        std::uint64_t serial = 0;
        Lane* lane = nullptr;
    };
    static thread_local Cache t_cache;

    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<Lane>> m_lanes;
    // Retired lanes' counts, so totals never go backwards when one is freed.
    std::uint64_t m_retiredPublished = 0;
    std::uint64_t m_retiredDropped = 0;
};

} // namespace polar::osc::detail
