// sender.cpp — see sender.hpp.
#include "sender.hpp"

#include <oscpack/osc/OscOutboundPacketStream.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <cerrno>

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

} // namespace

Sender::Sender(Channel& channel, const OscOptions& options)
    : m_channel(channel),
      m_bundling(options.bundling),
      m_pace(options.pace),
      m_ttl(options.multicastTtl),
      m_program(programName(options)) {
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
        encodeHello(out, {m_program.c_str(), static_cast<std::int32_t>(::getpid())});
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
    while (const Event* first = m_channel.events.front()) {
        if (!m_bundling) {
            sendOneEvent(0, false);
            continue;
        }
        const std::int64_t firstNs = m_ticks->toSteadyNs(first->captured);
        Stream out(m_buffer.data(), m_buffer.size());
        out << ::osc::BeginBundle(m_clock.timetag(firstNs));
        std::uint64_t count = 0;
        while (const Event* event = m_channel.events.front()) {
            if (count > 0 && m_ticks->toSteadyNs(event->captured) - firstNs > kBundleSpanNs) break;
            const char* value = frontValue(*event);
            // 4: the element's size prefix inside the bundle.
            if (out.Size() + 4 + messageSize(*event, value) > kMaxDatagram) break;
            encodeEvent(out, *event, value);
            popEvent(*event);
            ++count;
        }
        out << ::osc::EndBundle;
        sendDatagram(out.Data(), out.Size());
        bump(m_sent, count);
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
        if (!m_channel.events.front()) {
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
        sendOneEvent(m_clock.timetag(nanoseconds(slot)), m_bundling);
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

void Sender::sendOneEvent(std::uint64_t timetag, bool inBundle) {
    const Event& event = *m_channel.events.front();
    Stream out(m_buffer.data(), m_buffer.size());
    if (inBundle) out << ::osc::BeginBundle(timetag);
    encodeEvent(out, event, frontValue(event));
    if (inBundle) out << ::osc::EndBundle;
    popEvent(event);
    sendDatagram(out.Data(), out.Size());
    bump(m_sent);
}

const char* Sender::frontValue(const Event& event) {
    if (!event.hasValue) return nullptr;
    const TextSlot* text = m_channel.texts.front();
    return text ? text->text : nullptr;
}

void Sender::popEvent(const Event& event) {
    // The text first: `event` lives in the slot that pop() hands back.
    if (event.hasValue && m_channel.texts.front()) m_channel.texts.pop();
    m_channel.events.pop();
}

void Sender::discardAll() {
    while (const Event* event = m_channel.events.front()) popEvent(*event);
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
    Stream out(m_buffer.data(), m_buffer.size());
    encodeStats(out, {sent, m_channel.dropped.load(std::memory_order_relaxed),
                      m_channel.events.size(), static_cast<float>(rate)});
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
