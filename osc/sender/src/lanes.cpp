// lanes.cpp — how a VM thread finds its lane, and how lanes are retired.
//
// Each thread keeps the lanes it produces into in a thread_local list keyed
// by the channel's serial number (never an address: a new broadcaster may
// be built where a destroyed one lived, and must not inherit its lanes),
// plus a one-entry cache in front of it, which is all the hot path reads.
// The list holds a shared_ptr to each lane, as does the channel, so neither
// side's end can leave the other with a dangling lane: a broadcaster
// destroyed first leaves its lanes to the threads (they drop them the next
// time they register a lane, or at exit), and a thread that exits first
// marks its lanes retired for the sender to drain and free.
#include <algorithm>
#include <atomic>
#include <bit>
#include <utility>

#include "channel.hpp"

namespace polar::osc::detail {
namespace {

std::atomic<std::uint64_t> g_nextSerial{1};

struct ThreadLanes {
    std::vector<std::pair<std::uint64_t, std::shared_ptr<Lane>>> entries;

    ~ThreadLanes() {
        for (auto& entry : entries) entry.second->retired.store(true, std::memory_order_release);
    }
};

thread_local ThreadLanes t_lanes;

} // namespace

thread_local Channel::Cache Channel::t_cache;

Channel::Channel(const OscOptions& options)
    : tsc(tscIsClock()),
      paced(options.mode == Mode::Paced),
      values(options.values),
      capacity(std::bit_ceil(paced ? kPacedWindow : std::max<std::size_t>(options.queueCapacity, 2))),
      // In paced mode too: once a query is past its deadline its other
      // events are dropped, and its error and end must not wait a pace.
      reserve(std::min(kLifecycleSlots, capacity / 4)),
      serial(g_nextSerial.fetch_add(1, std::memory_order_relaxed)) {}

Channel::~Channel() = default;

Lane* Channel::registerThread() noexcept try {
    auto& entries = t_lanes.entries;
    auto found = std::find_if(entries.begin(), entries.end(),
                              [this](const auto& entry) { return entry.first == serial; });
    if (found == entries.end()) {
        // Lanes whose broadcaster is gone are held by this list alone.
        std::erase_if(entries, [](const auto& entry) { return entry.second.use_count() == 1; });
        auto lane = std::make_shared<Lane>(capacity, paced, values);
        {
            const std::lock_guard lock(m_mutex);
            m_lanes.push_back(lane);
            version.fetch_add(1, std::memory_order_release);
        }
        entries.emplace_back(serial, std::move(lane));
        found = std::prev(entries.end());
    }
    t_cache = {serial, found->second.get()};
    return found->second.get();
} catch (...) {
    // std::bad_alloc, or std::system_error from the mutex: no lane this time.
    unregisteredDrops.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
}

void Channel::snapshot(std::vector<std::shared_ptr<Lane>>& out, std::uint64_t& seen) {
    if (version.load(std::memory_order_acquire) == seen) return;
    const std::lock_guard lock(m_mutex);
    out = m_lanes;
    seen = version.load(std::memory_order_relaxed);
}

bool Channel::reapRetired() {
    const std::lock_guard lock(m_mutex);
    const std::size_t before = m_lanes.size();
    std::erase_if(m_lanes, [this](const std::shared_ptr<Lane>& lane) {
        // retired first (acquire): then every event it will ever publish is visible.
        if (!lane->retired.load(std::memory_order_acquire) || lane->events.size() != 0) return false;
        m_retiredPublished += lane->events.published();
        m_retiredDropped += lane->dropped.load(std::memory_order_relaxed);
        return true;
    });
    if (m_lanes.size() == before) return false;
    version.fetch_add(1, std::memory_order_release);
    return true;
}

Channel::Totals Channel::totals() const {
    const std::lock_guard lock(m_mutex);
    Totals totals{m_retiredPublished,
                  m_retiredDropped + unregisteredDrops.load(std::memory_order_relaxed), 0};
    for (const auto& lane : m_lanes) {
        totals.published += lane->events.published();
        totals.dropped += lane->dropped.load(std::memory_order_relaxed);
        totals.waiting += lane->events.size();
    }
    return totals;
}

} // namespace polar::osc::detail
