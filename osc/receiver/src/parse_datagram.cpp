// parse_datagram.cpp — decode a checked datagram with oscpack.
//
// Note `::osc::` everywhere: inside polar::osc a bare `osc::` would name
// this project's namespace, not oscpack's.
#include "polar/osc/parse_datagram.hpp"

#include <exception>

#include <oscpack/osc/OscReceivedElements.h>

#include "packet_check.hpp"

namespace polar::osc {

namespace {

OscArg decodeArgument(const ::osc::ReceivedMessageArgument& arg) {
    switch (arg.TypeTag()) {
        case 'i': return std::int32_t{arg.AsInt32Unchecked()};
        case 'f': return arg.AsFloatUnchecked();
        case 's': return std::string(arg.AsStringUnchecked());
        case 'h': return std::int64_t{arg.AsInt64Unchecked()};
        case 'd': return arg.AsDoubleUnchecked();
        case 'T': return true;
        case 'F': return false;
        case 'S': return OscSymbol{arg.AsSymbolUnchecked()};
        case 'c': return OscChar{arg.AsCharUnchecked()};
        case 'r': return OscRgba{arg.AsRgbaColorUnchecked()};
        case 'm': return OscMidi{arg.AsMidiMessageUnchecked()};
        case 't': return OscTimetag{arg.AsTimeTagUnchecked()};
        case 'b': {
            const void* data = nullptr;
            ::osc::osc_bundle_element_size_t size = 0;
            arg.AsBlobUnchecked(data, size);
            return OscBlob{static_cast<std::size_t>(static_cast<std::uint32_t>(size))};
        }
        case 'N': return OscNil{};
        case 'I': return OscInfinitum{};
        case '[': return OscArrayMark{true};
        case ']': return OscArrayMark{false};
        default:
            // packet_check rejected every other tag already.
            throw ::osc::MalformedMessageException("unknown type tag");
    }
}

class Walker {
public:
    Walker(DatagramVisitor& visitor, Clock::time_point arrival, DatagramSummary& summary)
        : m_visitor(visitor), m_arrival(arrival), m_summary(summary) {}

    void message(const ::osc::ReceivedMessage& received, std::uint64_t timetag, int depth) {
        OscMessage message;
        message.address = received.AddressPattern();
        message.timetag = timetag;
        message.arrival = m_arrival;
        message.bundleDepth = depth;
        // TypeTags() is NULL for a message without arguments; the iterators
        // are then equal and the loop does nothing, but say so explicitly.
        if (received.TypeTags() != nullptr) {
            message.args.reserve(received.ArgumentCount());
            for (auto it = received.ArgumentsBegin(); it != received.ArgumentsEnd(); ++it) {
                message.args.push_back(decodeArgument(*it));
            }
        }
        ++m_summary.messages;
        m_visitor.message(std::move(message));
    }

    void bundle(const ::osc::ReceivedBundle& received, int depth) {
        ++m_summary.bundles;
        const std::uint64_t timetag = received.TimeTag();
        m_visitor.bundleBegin(timetag, depth);
        for (auto it = received.ElementsBegin(); it != received.ElementsEnd(); ++it) {
            if (it->IsBundle()) {
                bundle(::osc::ReceivedBundle(*it), depth + 1);
            } else {
                message(::osc::ReceivedMessage(*it), timetag, depth + 1);
            }
        }
        m_visitor.bundleEnd(depth);
    }

private:
    DatagramVisitor& m_visitor;
    Clock::time_point m_arrival;
    DatagramSummary& m_summary;
};

// Collects into a vector for the second overload.
class VectorVisitor : public DatagramVisitor {
public:
    explicit VectorVisitor(std::vector<OscMessage>& out) : m_out(out) {}
    void message(OscMessage&& message) override { m_out.push_back(std::move(message)); }

private:
    std::vector<OscMessage>& m_out;
};

} // namespace

DatagramSummary parseDatagram(const char* data, std::size_t size, Clock::time_point arrival,
                              DatagramVisitor& visitor) {
    DatagramSummary summary;
    if (const char* error = detail::checkPacket(data, size, 0)) {
        summary.malformed = true;
        summary.error = error;
        return summary;
    }
    try {
        const ::osc::ReceivedPacket packet(data, size);
        Walker walker(visitor, arrival, summary);
        if (packet.IsBundle()) {
            walker.bundle(::osc::ReceivedBundle(packet), 0);
        } else {
            walker.message(::osc::ReceivedMessage(packet), kTimetagImmediately, 0);
        }
    } catch (const std::exception& error) {
        // Unreachable after checkPacket unless oscpack and the check
        // disagree; then the visitor may have seen part of the datagram.
        summary = DatagramSummary{};
        summary.malformed = true;
        summary.error = std::string("oscpack: ") + error.what();
    }
    return summary;
}

DatagramSummary parseDatagram(const char* data, std::size_t size, Clock::time_point arrival,
                              std::vector<OscMessage>& out) {
    const std::size_t before = out.size();
    VectorVisitor visitor(out);
    DatagramSummary summary = parseDatagram(data, size, arrival, visitor);
    if (summary.malformed) {
        out.resize(before);
    }
    return summary;
}

} // namespace polar::osc
