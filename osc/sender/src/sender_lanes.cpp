// sender_lanes.cpp — the sender's side of the lanes: the merge, what has
// been delivered, and flush().
//
// The sender is the one consumer of every lane (channel.hpp). It merges
// them by always taking the lane whose next event was captured first, so
// the stream leaves in capture order whichever threads produced it. After
// each datagram it records, per lane, how many events are in the sockets,
// which is all flush() needs: it waits for those counts to reach what each
// lane had published when it was called.
#include <thread>

#include "sender.hpp"

namespace polar::osc::detail {

// The lane whose next event was captured first: the merge of all lanes.
Lane* Sender::oldestLane() {
    Lane* oldest = nullptr;
    std::int64_t at = 0;
    for (const auto& lane : m_lanes) {
        const Event* event = lane->events.front();
        if (event && (!oldest || event->captured < at)) {
            oldest = lane.get();
            at = event->captured;
        }
    }
    return oldest;
}

// After a send: everything popped so far is in the sockets (flush()).
void Sender::markDelivered() {
    for (const auto& lane : m_lanes)
        lane->delivered.store(lane->events.consumed(), std::memory_order_release);
}

bool Sender::flush(std::chrono::steady_clock::time_point deadline) {
    // What each lane had published at the call; lanes registered later
    // hold only later events.
    std::vector<std::shared_ptr<Lane>> lanes;
    std::uint64_t seen = ~std::uint64_t{0};
    m_channel.snapshot(lanes, seen);
    std::vector<std::uint64_t> targets;
    for (const auto& lane : lanes) targets.push_back(lane->events.published());
    for (;;) {
        bool done = true;
        for (std::size_t k = 0; k < lanes.size() && done; ++k)
            done = lanes[k]->delivered.load(std::memory_order_acquire) >= targets[k];
        if (done) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        // Not a hot path: the sender polls every millisecond anyway.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

const char* Sender::frontValue(Lane& lane, const Event& event) {
    if (!event.hasValue) return nullptr;
    const TextSlot* text = lane.texts.front();
    return text ? text->text : nullptr;
}

void Sender::popEvent(Lane& lane, const Event& event) {
    // The text first: `event` lives in the slot that pop() hands back.
    if (event.hasValue && lane.texts.front()) lane.texts.pop();
    lane.events.pop();
}

void Sender::discardAll() {
    m_channel.snapshot(m_lanes, m_lanesSeen);
    while (Lane* lane = oldestLane()) popEvent(*lane, *lane->events.front());
}

} // namespace polar::osc::detail
