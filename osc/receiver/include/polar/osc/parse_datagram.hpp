// polar/osc/parse_datagram.hpp — one UDP datagram in, typed messages out.
//
// A pure function, separate from any socket, so that the receiver, the
// polar-osc tool, the tests and the fuzzer all share one parser. A datagram
// is one OSC packet: a message or a bundle, whose elements are messages or
// bundles again. parseDatagram() walks it depth first and tells a visitor
// about each bundle and each message in order.
//
// A datagram is delivered whole or not at all: it is checked completely
// (every size, string and blob bounds-checked; see src/packet_check.hpp for
// the oscpack 1.1.0 bug that makes this necessary) before the visitor sees
// anything, then decoded with oscpack's ReceivedPacket, ReceivedBundle and
// ReceivedMessage inside try/catch. A malformed datagram is reported in the
// summary, with the reason, and never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "polar/osc/osc_message.hpp"

namespace polar::osc {

// Bundles inside bundles: the OSC spec sets no limit, but our broadcaster
// nests none and tools that do (SuperCollider scores) nest a level or two.
// 16 is far beyond real use while bounding the recursion: a 64 KiB datagram
// of nothing but bundle headers could otherwise nest 3,000 deep. Deeper
// datagrams are malformed ("bundles nested more than 16 deep").
inline constexpr int kMaxBundleDepth = 16;

// The largest UDP payload (IPv6 jumbograms aside); the receive buffer size.
inline constexpr std::size_t kMaxDatagramSize = 65535;

class DatagramVisitor {
public:
    virtual ~DatagramVisitor() = default;
    // depth: 0 for the datagram itself, 1 for a bundle inside it, ...
    virtual void bundleBegin(std::uint64_t /*timetag*/, int /*depth*/) {}
    virtual void bundleEnd(int /*depth*/) {}
    virtual void message(OscMessage&& message) = 0;
};

struct DatagramSummary {
    std::size_t messages = 0;
    std::size_t bundles = 0;
    bool malformed = false;
    // Why the datagram was rejected; empty when it was not.
    std::string error;
};

// Parses `size` bytes at `data` (no alignment needed); every message gets
// `arrival`. On a malformed datagram the visitor is not called.
DatagramSummary parseDatagram(const char* data, std::size_t size, Clock::time_point arrival,
                              DatagramVisitor& visitor);

// The same, appending the messages to `out` (left as it was when malformed).
DatagramSummary parseDatagram(const char* data, std::size_t size, Clock::time_point arrival,
                              std::vector<OscMessage>& out);

} // namespace polar::osc
