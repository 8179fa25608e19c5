// sender.cpp — see sender.hpp.
#include "sender.hpp"

#include <oscpack/osc/OscOutboundPacketStream.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <random>

#include "destination.hpp"
#include "encoder.hpp"

namespace polar::osc::detail {
namespace {

// The largest message is /polar/rule with a value: address 12, type tags 8,
// a full name 40, three ints 12, a full value 1,028. With the bundle header
// (16) and its size prefix (4) it must fit one datagram, or a bundle could
// not even hold one event.
constexpr std::size_t kLargestMessage = 12 + 8 + 40 + 12 + (kMaxValueLength + 4);
static_assert(16 + 4 + kLargestMessage <= kMaxDatagram, "one event always fits a datagram");

std::string programName(const OscOptions& options) {
    if (!options.programName.empty()) return options.programName;
#ifdef __GLIBC__
    return program_invocation_short_name;
#else
    return "polar";
#endif
}

std::int64_t nanoseconds(SteadyClock::time_point at) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count();
}

// Counters have one writer (the sender thread): no locked increments.
void bump(std::atomic<std::uint64_t>& counter, std::uint64_t by = 1) {
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

// 31 random bits drawn once per process, stepped by an odd constant per
// broadcaster: k * odd is a bijection modulo 2^31, so the first 2^31
// broadcasters of a process all differ, and two processes collide with
// probability 2^-31. Without a random device, the pid and the clock.
std::int32_t nextInstanceId() {
    static const std::uint32_t seed = [] {
        try {
            return static_cast<std::uint32_t>(std::random_device{}());
        } catch (...) {
            return static_cast<std::uint32_t>(::getpid()) * 2654435761u ^
                   static_cast<std::uint32_t>(SteadyClock::now().time_since_epoch().count());
        }
    }();
    static std::atomic<std::uint32_t> counter{0};
    const std::uint32_t k = counter.fetch_add(1, std::memory_order_relaxed);
    return static_cast<std::int32_t>((seed + k * 0x9E3779B1u) & 0x7FFFFFFFu);
}

} // namespace

Sender::Sender(Channel& channel, const OscOptions& options)
    : m_channel(channel),
      m_bundling(options.bundling),
      m_pace(options.pace),
      m_ttl(options.multicastTtl),
      m_program(programName(options)),
      m_instance(nextInstanceId()) {
    // Resolve all first: a bad last destination fails before any socket opens.
    std::vector<Destination> destinations;
    for (const std::string& text : options.destinations)
        destinations.push_back(resolveDestination(text, m_io));
    m_sockets.reserve(destinations.size());
    for (const Destination& destination : destinations) {
        m_sockets.emplace_back(m_io);
        openSocket(m_sockets.back(), destination, m_ttl);
    }
    m_thread = std::thread([this] { run(); });
#ifdef __linux__
    // Named for top, perf and gdb (at most 15 characters).
    pthread_setname_np(m_thread.native_handle(), "polar-osc");
#endif
}

Sender::~Sender() {
    // Written before the release store, read after the acquire load.
    m_stopDeadline = Clock::now() + kShutdownBudget;
    m_stopping.store(true, std::memory_order_release);
    // Wake the poll timer now instead of at its next tick (a whole pace in
    // paced mode); onPoll sees m_stopping and finishes.
    boost::asio::post(m_io, [this] { m_pollTimer.cancel(); });
    m_thread.join();
}

SenderCounters Sender::counters() const {
    return {m_sent.load(std::memory_order_relaxed), m_datagrams.load(std::memory_order_relaxed),
            m_sendErrors.load(std::memory_order_relaxed)};
}

void Sender::run() {
    try {
        m_ticks.emplace(m_channel.tsc); // may calibrate for 2 ms: here, not on the VM thread
        Stream out(m_buffer.data(), m_buffer.size());
        encodeHello(out, {m_program.c_str(), static_cast<std::int32_t>(::getpid()), m_instance});
        sendDatagram(out.Data(), out.Size());

        const Clock::time_point start = Clock::now();
        m_lastStats = start;
        m_nextSlot = start;
        armPoll(start);
        m_statsTimer.expires_at(start + kStatsInterval);
        m_statsTimer.async_wait([this](const boost::system::error_code& error) {
            if (!error) onStats();
        });
        m_io.run();
    } catch (...) {
        // Not expected (sends report errors by code, sizes are checked
        // before encoding). Keep emptying the rings so that a paced VM
        // waiting for room is never stuck.
        while (!m_stopping.load(std::memory_order_acquire)) {
            discardAll();
            std::this_thread::sleep_for(kPollInterval);
        }
        discardAll();
    }
}

void Sender::armPoll(Clock::time_point at) {
    m_pollTimer.expires_at(at);
    // Cancelled only by the destructor, which wants onPoll to run then too.
    m_pollTimer.async_wait([this](const boost::system::error_code&) { onPoll(); });
}

void Sender::onPoll() {
    if (m_finished) return;
    const Clock::time_point now = Clock::now();
    // Exited threads' lanes, once drained, are freed (the version moves).
    m_channel.reapRetired();
    m_channel.snapshot(m_lanes, m_lanesSeen);
    if (m_channel.paced) {
        onPacedSlot(now);
        return;
    }
    drainRealTime();
    if (m_stopping.load(std::memory_order_acquire)) {
        finish();
        return;
    }
    armPoll(now + kPollInterval);
}

void Sender::drainRealTime() {
    while (Lane* lane = oldestLane()) {
        if (!m_bundling) {
            sendOneEvent(*lane, 0, false);
            continue;
        }
        const std::int64_t firstNs = m_ticks->toSteadyNs(lane->events.front()->captured);
        m_lastTimetagNs = std::max(m_lastTimetagNs, firstNs);
        Stream out(m_buffer.data(), m_buffer.size());
        out << ::osc::BeginBundle(m_clock.timetag(m_lastTimetagNs));
        std::uint64_t count = 0;
        while ((lane = oldestLane())) {
            const Event* event = lane->events.front();
            if (count > 0 && m_ticks->toSteadyNs(event->captured) - firstNs > kBundleSpanNs) break;
            const char* value = frontValue(*lane, *event);
            // 4: the element's size prefix inside the bundle.
            if (out.Size() + 4 + messageSize(*event, value) > kMaxDatagram) break;
            encodeEvent(out, *event, value);
            popEvent(*lane, *event);
            ++count;
        }
        out << ::osc::EndBundle;
        sendDatagram(out.Data(), out.Size());
        bump(m_sent, count);
        markDelivered();
    }
}

// Paced mode. Slots lie on a grid `pace` apart: an event waiting when its
// slot comes leaves on it, stamped with the slot's time (not the timer's
// slightly late wake-up), so receivers that honour timetags hear an exact
// rhythm. When the ring was empty for a whole slot (the VM paused, or
// between queries), the grid restarts at the next event.
void Sender::onPacedSlot(Clock::time_point now) {
    const bool stopping = m_stopping.load(std::memory_order_acquire);
    // Out of shutdown time: what is left goes now, timetags still scheduled.
    const bool flushAll = stopping && now >= m_stopDeadline;
    for (;;) {
        Lane* lane = oldestLane();
        if (!lane) {
            if (stopping) {
                finish();
                return;
            }
            armPoll(now + std::min<Clock::duration>(kPollInterval, m_pace));
            return;
        }
        if (!flushAll && now < m_nextSlot) { // woken early, by the destructor
            armPoll(pacedWake(stopping));
            return;
        }
        const Clock::time_point slot = !flushAll && now - m_nextSlot >= m_pace ? now : m_nextSlot;
        sendOneEvent(*lane, m_clock.timetag(nanoseconds(slot)), m_bundling);
        m_nextSlot = slot + m_pace;
        if (!flushAll) {
            armPoll(pacedWake(stopping));
            return;
        }
    }
}

// The next slot, but never past the shutdown deadline once stopping: at a
// pace longer than kShutdownBudget (`paced=3600s`) the next slot lies an
// hour away, and sleeping until it kept the destructor, and the program,
// waiting that long. Woken at the deadline, onPacedSlot sends the rest.
Sender::Clock::time_point Sender::pacedWake(bool stopping) const {
    return stopping ? std::min(m_nextSlot, m_stopDeadline) : m_nextSlot;
}

void Sender::sendOneEvent(Lane& lane, std::uint64_t timetag, bool inBundle) {
    const Event& event = *lane.events.front();
    Stream out(m_buffer.data(), m_buffer.size());
    if (inBundle) out << ::osc::BeginBundle(timetag);
    encodeEvent(out, event, frontValue(lane, event));
    if (inBundle) out << ::osc::EndBundle;
    popEvent(lane, event);
    sendDatagram(out.Data(), out.Size());
    bump(m_sent);
    markDelivered();
}

void Sender::onStats() {
    if (m_finished) return;
    sendStats();
    m_statsTimer.expires_at(m_statsTimer.expiry() + kStatsInterval);
    m_statsTimer.async_wait([this](const boost::system::error_code& error) {
        if (!error) onStats();
    });
}

void Sender::sendStats() {
    m_ticks->refine();
    const Clock::time_point now = Clock::now();
    const std::uint64_t sent = m_sent.load(std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(now - m_lastStats).count();
    const double rate = seconds > 0 ? static_cast<double>(sent - m_sentAtLastStats) / seconds : 0.0;
    const Channel::Totals totals = m_channel.totals();
    Stream out(m_buffer.data(), m_buffer.size());
    encodeStats(out, {sent, totals.dropped, totals.waiting, static_cast<float>(rate)});
    sendDatagram(out.Data(), out.Size());
    m_lastStats = now;
    m_sentAtLastStats = sent;
}

void Sender::finish() {
    m_finished = true;
    sendStats();
    // With no timer left waiting, m_io.run() returns and the thread ends.
    m_statsTimer.cancel();
}

void Sender::sendDatagram(const char* data, std::size_t size) {
    boost::system::error_code error;
    for (std::size_t k = 0; k < m_sockets.size(); ++k) {
        m_sockets[k].send(boost::asio::buffer(data, size), 0, error);
        if (error) bump(m_sendErrors);
    }
    bump(m_datagrams);
}

} // namespace polar::osc::detail
