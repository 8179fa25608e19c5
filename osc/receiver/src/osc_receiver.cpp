// osc_receiver.cpp — parse on the receive thread, hand off under a short lock.
#include "polar/osc/osc_receiver.hpp"

#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/udp_listener.hpp"

namespace polar::osc {

namespace {

// Types each message as it is parsed, into the receive thread's batch.
class BatchVisitor : public DatagramVisitor {
public:
    explicit BatchVisitor(std::vector<Incoming>& batch) : m_batch(batch) {}
    void message(OscMessage&& message) override {
        std::optional<PolarEvent> event = toPolarEvent(message);
        m_batch.push_back(Incoming{std::move(message), std::move(event)});
    }

private:
    std::vector<Incoming>& m_batch;
};

} // namespace

OscReceiver::OscReceiver(const ReceiverOptions& options) : m_maxPending(options.maxPending) {
    m_listener = std::make_unique<UdpListener>(
        options.address, options.port,
        UdpListener::SourcedHandler([this](const char* data, std::size_t size, Clock::time_point arrival,
                                           const std::string& sender) { onDatagram(data, size, arrival, sender); }));
}

OscReceiver::~OscReceiver() { m_listener.reset(); }

void OscReceiver::onDatagram(const char* data, std::size_t size, Clock::time_point arrival,
                             const std::string& sender) {
    m_counters.bytes += size;
    m_batch.clear();
    BatchVisitor visitor(m_batch);
    const DatagramSummary summary = parseDatagram(data, size, arrival, visitor);
    if (summary.malformed) {
        m_batch.clear();  // all or nothing, even if oscpack threw half-way
        ++m_counters.malformed;
        {
            const std::lock_guard lock(m_mutex);
            m_lastError = summary.error;
        }
        ++m_counters.datagrams;
        return;
    }
    m_counters.messages += summary.messages;
    m_counters.bundles += summary.bundles;
    for (Incoming& incoming : m_batch) {
        incoming.sender = sender;
        if (!incoming.event) {
            ++(isPolarAddress(incoming.message.address) ? m_counters.mistyped
                                                        : m_counters.unknown);
        }
    }

    std::size_t dropped = 0;
    {
        // Only moves under the lock; parsing and typing happened above.
        const std::lock_guard lock(m_mutex);
        for (Incoming& incoming : m_batch) {
            if (m_pending.size() < m_maxPending) {
                m_pending.push_back(std::move(incoming));
            } else {
                ++dropped;
            }
        }
    }
    m_counters.dropped += dropped;
    ++m_counters.datagrams;
}

void OscReceiver::drain(std::vector<Incoming>& out) {
    out.clear();
    const std::lock_guard lock(m_mutex);
    m_pending.swap(out);
}

std::vector<Incoming> OscReceiver::drain() {
    std::vector<Incoming> out;
    drain(out);
    return out;
}

ReceiverCounters OscReceiver::counters() const {
    ReceiverCounters c;
    // datagrams first: whatever it says, the others already include.
    c.datagrams = m_counters.datagrams.load();
    c.bytes = m_counters.bytes.load();
    c.messages = m_counters.messages.load();
    c.bundles = m_counters.bundles.load();
    c.malformed = m_counters.malformed.load();
    c.unknown = m_counters.unknown.load();
    c.mistyped = m_counters.mistyped.load();
    c.dropped = m_counters.dropped.load();
    return c;
}

std::uint16_t OscReceiver::port() const { return m_listener->port(); }

std::string OscReceiver::describe() const { return m_listener->describe(); }

std::string OscReceiver::lastError() const {
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

} // namespace polar::osc
