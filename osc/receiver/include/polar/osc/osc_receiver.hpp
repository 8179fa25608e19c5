// polar/osc/osc_receiver.hpp — the shared OSC receiver (viewer, tools, tests).
//
// OscReceiver listens on a UdpListener, parses each datagram with
// parseDatagram() on the receive thread, turns messages of our address
// space into PolarEvents and queues everything for a consumer that calls
// drain() — typically a render loop, once per frame. No graphics here: the
// viewer's logic can be tested against a live receiver without a window.
//
// Hand-off: the receive thread parses into a scratch vector without any
// lock, then takes the mutex only to move the messages onto the pending
// vector; drain() takes it only to swap that vector with the caller's. So
// neither side ever holds the lock for more than a few moves, and the two
// vectors trade places, keeping their capacity, with no allocation in the
// steady state.
//
// Bounded memory: at most kMaxPending messages wait. More are dropped (the
// newest, which keeps what is queued in order) and counted. 65,536 is over
// a second of the broadcaster's full rate (about 60,000 events/s) and over
// a thousand per frame at 60 fps, so only a consumer that stopped draining
// reaches it; at a few hundred bytes each it bounds the queue to ~20 MB.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "polar/osc/osc_message.hpp"
#include "polar/osc/polar_event.hpp"

namespace polar::osc {

inline constexpr std::size_t kMaxPending = 65536;

class UdpListener;

struct ReceiverOptions {
    // Loopback by default: nothing outside this machine is heard unless
    // asked for. "::1", "0.0.0.0" or a multicast group ("239.1.2.3") work too.
    std::string address = "127.0.0.1";
    // 0 picks a free port (tests); see OscReceiver::port().
    std::uint16_t port = 9000;
    std::size_t maxPending = kMaxPending;
};

// Everything received, counted since the receiver started. `datagrams` is
// counted last, after the others took that datagram into account: once it
// reaches N, the other counters are complete for the first N datagrams.
struct ReceiverCounters {
    std::uint64_t datagrams = 0;  // UDP datagrams, malformed ones included
    std::uint64_t bytes = 0;      // their payload bytes
    std::uint64_t messages = 0;   // OSC messages in well-formed datagrams
    std::uint64_t bundles = 0;    // bundles, nested ones included
    std::uint64_t malformed = 0;  // datagrams rejected whole
    std::uint64_t unknown = 0;    // messages at an address outside the table
    std::uint64_t mistyped = 0;   // messages at our addresses toPolarEvent() cannot use
    std::uint64_t dropped = 0;    // messages not queued because kMaxPending were waiting
};

// One message as the consumer gets it: always the raw message, and the
// event when it belongs to our address space.
struct Incoming {
    OscMessage message;
    std::optional<PolarEvent> event;
    // Who sent it: "127.0.0.1:50123" (empty from a recording). The viewer
    // gives each sender its own lane of the screen.
    std::string sender{};
};

class OscReceiver {
public:
    // Binds and starts the receive thread; throws std::runtime_error when
    // the address cannot be bound.
    explicit OscReceiver(const ReceiverOptions& options = {});
    ~OscReceiver();
    OscReceiver(const OscReceiver&) = delete;
    OscReceiver& operator=(const OscReceiver&) = delete;

    // Replaces `out`'s contents with everything that arrived since the last
    // call, in arrival order. Never waits for the receive thread beyond a swap.
    void drain(std::vector<Incoming>& out);
    std::vector<Incoming> drain();

    ReceiverCounters counters() const;
    std::uint16_t port() const;
    std::string describe() const;

    // The last reason a datagram was rejected (empty when none was).
    std::string lastError() const;

private:
    void onDatagram(const char* data, std::size_t size, Clock::time_point arrival, const std::string& sender);

    struct Counters {
        std::atomic<std::uint64_t> datagrams{0}, bytes{0}, messages{0}, bundles{0},
            malformed{0}, unknown{0}, mistyped{0}, dropped{0};
    };

    std::size_t m_maxPending;
    Counters m_counters;
    std::vector<Incoming> m_batch;  // receive thread only: one datagram's messages
    mutable std::mutex m_mutex;         // guards m_pending and m_lastError
    std::vector<Incoming> m_pending;
    std::string m_lastError;
    // Last member: destroyed first, so the thread stops before the rest goes.
    std::unique_ptr<UdpListener> m_listener;
};

} // namespace polar::osc
