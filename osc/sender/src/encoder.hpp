// encoder.hpp — the address space (osc/README.md) as bytes.
//
// One function per address, each appending exactly one OSC message to a
// caller's oscpack stream: inside a bundle when the caller opened one, a
// bare message otherwise. They are pure — the same event gives the same
// bytes — so the golden tests pin every address byte for byte, and the
// sender owns all the I/O. messageSize() predicts a message's encoded size
// exactly, so the sender closes a bundle before a message would overflow
// kMaxDatagram instead of relying on oscpack's OutOfBufferMemoryException
// (exceptions on the sender's hot path would be slow, and a half-written
// message would be lost).
//
// `value` is the opt-in extra string of /polar/rule, /polar/rule/enter and
// /polar/result (NUL-terminated), or nullptr when values are off; for the
// load messages it is the text slot that always comes with them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "event.hpp"

namespace osc {
class OutboundPacketStream;
} // namespace osc

namespace polar::osc::detail {

using Stream = ::osc::OutboundPacketStream;

void encodeQueryBegin(Stream& out, const Event& event);
void encodeQueryEnd(Stream& out, const Event& event);
void encodeRule(Stream& out, const Event& event, const char* value);
void encodeDepth(Stream& out, const Event& event);
void encodeBranch(Stream& out, const Event& event);
void encodeBacktrack(Stream& out, const Event& event);
void encodeResult(Stream& out, const Event& event, const char* value);
void encodeError(Stream& out, const Event& event);
// 1.2. `text`: the event's text slot (load_events.hpp): the file, and for
// an error a NUL and the message.
void encodePolicyLoaded(Stream& out, const Event& event, const char* text);
void encodePolicyError(Stream& out, const Event& event, const char* text);
// 1.3: an alternative of a rule call is tried.
void encodeRuleEnter(Stream& out, const Event& event, const char* value);
// Dispatches on event.kind to one of the above.
void encodeEvent(Stream& out, const Event& event, const char* value);

struct Hello {
    const char* program; // the program's short name, e.g. "polar"
    std::int32_t pid;
    std::int32_t instance; // OscBroadcaster::instanceId()
};
void encodeHello(Stream& out, const Hello& hello);

struct StatsMessage {
    std::uint64_t sent;
    std::uint64_t dropped;
    std::uint64_t waiting;
    float eventsPerSecond;
};
void encodeStats(Stream& out, const StatsMessage& stats);

// The exact size of the message encodeEvent writes for this event (without
// the 4-byte size prefix a bundle element adds).
std::size_t messageSize(const Event& event, const char* value);

// Normalised CV floats: n / scale, clamped to 0..1.
float normalised(std::int32_t n, float scale);

// One bare message into `buffer`; returns its size. Throws
// ::osc::OutOfBufferMemoryException when the buffer is too small. For tests
// and tools: the sender writes into its datagram stream directly.
std::size_t encodeMessage(const Event& event, const char* value, std::span<char> buffer);

} // namespace polar::osc::detail
