// osc_sender_support.hpp — helpers for the catch_osc_sender*.cpp tests.
//
// LoopbackListener is a plain UDP socket on 127.0.0.1 (or ::1) at a port the
// kernel picks, so parallel tests never collide and nothing leaves the
// machine. Loopback UDP queues a datagram in the receiver's buffer before
// sendto() returns, so once a broadcaster is destroyed (flushed and joined)
// everything it sent can be read without waiting. Datagrams are decoded with
// oscpack's ReceivedPacket — independent of the sender's encoder — into one
// line per message: `/polar/rule "f" 1 0 2`.
#pragma once

#include <oscpack/osc/OscReceivedElements.h>
#include <poll.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace polar::osc::test {

class LoopbackListener {
public:
    explicit LoopbackListener(bool ipv6 = false) : m_socket(m_io) {
        namespace ip = boost::asio::ip;
        const ip::address loopback = ipv6 ? ip::address(ip::address_v6::loopback())
                                          : ip::address(ip::address_v4::loopback());
        m_socket.open(ipv6 ? ip::udp::v6() : ip::udp::v4());
        // As much as the kernel allows (rmem_max): bursts of a fast VM.
        m_socket.set_option(boost::asio::socket_base::receive_buffer_size(8 << 20));
        m_socket.bind(ip::udp::endpoint(loopback, 0));
        m_socket.non_blocking(true);
    }

    unsigned short port() const { return m_socket.local_endpoint().port(); }
    std::string destination() const {
        const auto endpoint = m_socket.local_endpoint();
        const std::string host = endpoint.address().to_string();
        return (endpoint.address().is_v6() ? "[" + host + "]" : host) + ":" +
               std::to_string(endpoint.port());
    }

    // Waits up to `timeout` for one datagram; empty when none came.
    std::string receive(std::chrono::milliseconds timeout) {
        pollfd fd{m_socket.native_handle(), POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return {};
        std::vector<char> buffer(65536);
        boost::system::error_code error;
        const std::size_t n = m_socket.receive(boost::asio::buffer(buffer), 0, error);
        return error ? std::string() : std::string(buffer.data(), n);
    }

    // Every datagram already queued (and any arriving within `quiet`).
    std::vector<std::string> receiveAll(
        std::chrono::milliseconds quiet = std::chrono::milliseconds(50)) {
        std::vector<std::string> datagrams;
        for (std::string d = receive(quiet); !d.empty(); d = receive(quiet)) datagrams.push_back(d);
        return datagrams;
    }

    void close() { m_socket.close(); }

private:
    boost::asio::io_context m_io;
    boost::asio::ip::udp::socket m_socket;
};

inline std::string describeMessage(const ::osc::ReceivedMessage& message) {
    std::string line = message.AddressPattern();
    for (auto arg = message.ArgumentsBegin(); arg != message.ArgumentsEnd(); ++arg) {
        line += ' ';
        if (arg->IsInt32()) {
            line += std::to_string(arg->AsInt32());
        } else if (arg->IsFloat()) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", static_cast<double>(arg->AsFloat()));
            line += text;
        } else if (arg->IsString()) {
            line += '"' + std::string(arg->AsString()) + '"';
        } else {
            line += std::string("<") + arg->TypeTag() + ">";
        }
    }
    return line;
}

struct Decoded {
    std::vector<std::string> messages;
    std::vector<std::uint64_t> timetags; // one per bundle, in order
    std::size_t bundles = 0;
};

inline void decodeInto(Decoded& out, const ::osc::ReceivedPacket& packet) {
    if (packet.IsMessage()) {
        out.messages.push_back(describeMessage(::osc::ReceivedMessage(packet)));
        return;
    }
    const ::osc::ReceivedBundle bundle(packet);
    ++out.bundles;
    out.timetags.push_back(bundle.TimeTag());
    for (auto element = bundle.ElementsBegin(); element != bundle.ElementsEnd(); ++element) {
        if (element->IsBundle()) {
            decodeInto(out, ::osc::ReceivedPacket(element->Contents(), element->Size()));
        } else {
            out.messages.push_back(describeMessage(::osc::ReceivedMessage(*element)));
        }
    }
}

inline Decoded decode(const std::vector<std::string>& datagrams) {
    Decoded out;
    for (const std::string& d : datagrams)
        decodeInto(out, ::osc::ReceivedPacket(d.data(), d.size()));
    return out;
}

// Where the query id of a described message starts: after the prefix for
// the addresses that lead with it; for /polar/rule/enter (1.3) after the
// quoted name and four numbers. npos for messages without one.
inline std::size_t queryIdStart(const std::string& line) {
    static const char* const kWithId[] = {"/polar/query/begin ", "/polar/query/end ",
                                          "/polar/result ", "/polar/error "};
    for (const char* prefix : kWithId)
        if (line.rfind(prefix, 0) == 0) return std::string(prefix).size();
    static const std::string kEnter = "/polar/rule/enter \"";
    if (line.rfind(kEnter, 0) != 0) return std::string::npos;
    std::size_t at = line.find('"', kEnter.size()); // rule names hold no quote
    for (int k = 0; k < 5 && at != std::string::npos; ++k) at = line.find(' ', at + 1);
    return at == std::string::npos ? at : at + 1;
}

// Query ids are unique in the process, so their values depend on which
// tests ran before: renumbers them 1, 2, ... in order of first appearance
// (in /polar/query/begin, /end, /result, /error and /rule/enter lines),
// keeping equal ids equal and different ones different.
inline std::vector<std::string> renumberQueries(const std::vector<std::string>& messages) {
    std::map<std::string, std::string> ids;
    std::vector<std::string> out;
    for (const std::string& m : messages) {
        std::string line = m;
        const std::size_t start = queryIdStart(line);
        if (start != std::string::npos) {
            const std::size_t end = line.find(' ', start);
            const std::string id = line.substr(start, end - start);
            const auto [it, added] = ids.emplace(id, std::to_string(ids.size() + 1));
            line = line.substr(0, start) + it->second + (end == std::string::npos ? "" : line.substr(end));
        }
        out.push_back(line);
    }
    return out;
}

// The messages without the housekeeping (/polar/hello, /polar/stats), query
// ids renumbered from 1 (renumberQueries).
inline std::vector<std::string> eventsOnly(const std::vector<std::string>& messages) {
    std::vector<std::string> events;
    for (const std::string& m : messages)
        if (m.rfind("/polar/hello", 0) != 0 && m.rfind("/polar/stats", 0) != 0) events.push_back(m);
    return renumberQueries(events);
}

} // namespace polar::osc::test
