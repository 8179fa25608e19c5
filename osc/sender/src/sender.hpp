// sender.hpp — the broadcaster's own thread: drain, encode, send.
//
// One thread per broadcaster runs a Boost.Asio io_context with two steady
// timers. The poll timer drains the event rings (one lane per producing
// thread, channel.hpp), always taking the lane whose next event is oldest,
// so the merged stream is in capture order; a bundle's timetag is moreover
// never earlier than the previous one's, so timetags never run backwards
// even when a lane publishes an older event late: every kPollInterval in real
// time (the VM never signals the sender — a wake-up would cost the VM a
// system call — so a 1 ms poll bounds the added latency at about 1 ms), or
// once per pace in paced mode. The stats timer sends /polar/stats every
// second. /polar/hello goes first, before any event.
//
// Datagrams: with bundling, events are packed into one bundle until the next
// message would pass kMaxDatagram, the ring is empty, or the next event was
// captured more than kBundleSpan after the bundle's first — its timetag —
// so no event in a bundle is stamped more than 1 ms early. Without
// bundling, one bare message per datagram. Paced mode: one event per pace,
// in a bundle of its own stamped with its scheduled time (see broadcaster.cpp
// for the schedule). /polar/hello and /polar/stats are always bare messages.
//
// Every destination gets every datagram through its own non-blocking UDP
// socket; a failed send (no route, ECONNREFUSED, a full socket buffer) is
// counted and the datagram is lost for that destination only. Nothing here
// throws into, or waits on, the VM thread.
//
// Shutdown (the destructor): the thread sends what is queued — in paced mode
// still on its schedule, but at most kShutdownBudget in all, then the rest
// at once with their scheduled timetags — sends a last /polar/stats, and is
// joined. The budget holds whatever the pace: a stopping sender never
// sleeps past the deadline, even when the next slot is an hour away.
#pragma once

#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "capture_clock.hpp"
#include "channel.hpp"
#include "polar/osc/address_space.hpp"
#include "timetag.hpp"

namespace polar::osc::detail {

inline constexpr std::chrono::microseconds kPollInterval{1'000};
inline constexpr std::int64_t kBundleSpanNs = 1'000'000;
inline constexpr std::chrono::seconds kStatsInterval{1};
inline constexpr std::chrono::milliseconds kShutdownBudget{2'000};

struct SenderCounters {
    std::uint64_t sent = 0;       // events encoded and handed to the sockets
    std::uint64_t datagrams = 0;  // datagrams built (each sent to every destination)
    std::uint64_t sendErrors = 0; // failed sends, one per datagram per destination
};

class Sender {
public:
    // Resolves the destinations and opens the sockets (throws polar::Error),
    // then starts the thread.
    Sender(Channel& channel, const OscOptions& options);
    ~Sender();
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    SenderCounters counters() const;
    std::int32_t instanceId() const { return m_instance; }
    // OscBroadcaster::flush: true once every lane has delivered what it had
    // published at the call, false when `deadline` passed first.
    bool flush(std::chrono::steady_clock::time_point deadline);

private:
    using Clock = SteadyClock;

    void run();
    void armPoll(Clock::time_point at);
    void onPoll();
    void drainRealTime();
    void onPacedSlot(Clock::time_point now);
    Clock::time_point pacedWake(bool stopping) const;
    Lane* oldestLane();
    void markDelivered();
    void sendOneEvent(Lane& lane, std::uint64_t timetag, bool inBundle);
    void onStats();
    void finish();
    void sendStats();
    void sendDatagram(const char* data, std::size_t size);
    static const char* frontValue(Lane& lane, const Event& event);
    static void popEvent(Lane& lane, const Event& event);
    void discardAll();

    Channel& m_channel;
    const bool m_bundling;
    const Clock::duration m_pace;
    const int m_ttl;
    const std::string m_program;
    const std::int32_t m_instance;

    boost::asio::io_context m_io;
    boost::asio::steady_timer m_pollTimer{m_io};
    boost::asio::steady_timer m_statsTimer{m_io};
    std::vector<boost::asio::ip::udp::socket> m_sockets;
    ClockMapping m_clock;
    std::optional<TickConverter> m_ticks; // made by the thread itself
    std::array<char, kMaxDatagram> m_buffer{};
    std::vector<std::shared_ptr<Lane>> m_lanes; // the sender's copy (Channel::snapshot)
    std::uint64_t m_lanesSeen = 0;
    std::int64_t m_lastTimetagNs = 0; // real time: bundles never stamped earlier

    Clock::time_point m_nextSlot{}; // paced: when the next event may leave
    Clock::time_point m_stopDeadline{};
    Clock::time_point m_lastStats{};
    std::uint64_t m_sentAtLastStats = 0;
    bool m_finished = false;

    std::atomic<std::uint64_t> m_sent{0};
    std::atomic<std::uint64_t> m_datagrams{0};
    std::atomic<std::uint64_t> m_sendErrors{0};
    std::atomic<bool> m_stopping{false};
    std::thread m_thread; // last: starts after everything above exists
};

} // namespace polar::osc::detail
