// osc_test_support.hpp — helpers shared by the catch_osc_receiver*.cpp tests.
//
// Packets are built with oscpack's OutboundPacketStream, the encoder the
// broadcaster uses, so the receiver is tested against real encoder output
// rather than bytes written by hand. UdpSender is a bare POSIX socket that
// sends to 127.0.0.1 (or ::1) only: the tests never leave the machine.
// waitFor() polls a condition with a deadline, because a live receiver
// counts on its own thread.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <oscpack/osc/OscOutboundPacketStream.h>

#include "polar/osc/parse_datagram.hpp"

namespace polar::osc::test {

// Room for the largest datagram a test builds.
constexpr std::size_t kPacketBuffer = 70000;

// Builds one packet: `build` streams into an OutboundPacketStream.
inline std::string packet(const std::function<void(::osc::OutboundPacketStream&)>& build) {
    std::vector<char> buffer(kPacketBuffer);
    ::osc::OutboundPacketStream stream(buffer.data(), buffer.size());
    build(stream);
    return std::string(stream.Data(), stream.Size());
}

class UdpSender {
public:
    explicit UdpSender(std::uint16_t port, bool ipv6 = false) : m_ipv6(ipv6) {
        m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_DGRAM, 0);
        if (m_fd < 0) throw std::runtime_error("socket() failed");
        if (ipv6) {
            m_v6.sin6_family = AF_INET6;
            m_v6.sin6_port = htons(port);
            m_v6.sin6_addr = in6addr_loopback;
        } else {
            m_v4.sin_family = AF_INET;
            m_v4.sin_port = htons(port);
            m_v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        }
    }
    ~UdpSender() { ::close(m_fd); }
    UdpSender(const UdpSender&) = delete;
    UdpSender& operator=(const UdpSender&) = delete;

    bool send(const std::string& bytes) const {
        const auto* address = m_ipv6 ? reinterpret_cast<const sockaddr*>(&m_v6)
                                     : reinterpret_cast<const sockaddr*>(&m_v4);
        const socklen_t length = m_ipv6 ? sizeof m_v6 : sizeof m_v4;
        return ::sendto(m_fd, bytes.data(), bytes.size(), 0, address, length) ==
               static_cast<ssize_t>(bytes.size());
    }

private:
    int m_fd = -1;
    bool m_ipv6;
    sockaddr_in m_v4{};
    sockaddr_in6 m_v6{};
};

// Polls `condition` until it holds or `timeout` passes; returns the last
// result. The timeout is a safety net, not a measurement: what the tests
// wait for happens within milliseconds, and a minute lets a machine loaded
// ten times over still get there, so only a condition that never comes
// true fails.
inline bool waitFor(const std::function<bool()>& condition,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

// The one message a well-formed datagram holds (a test fails otherwise).
inline OscMessage onlyMessage(const std::string& bytes) {
    std::vector<OscMessage> out;
    const DatagramSummary summary = parseDatagram(bytes.data(), bytes.size(), Clock::now(), out);
    REQUIRE_FALSE(summary.malformed);
    REQUIRE(out.size() == 1);
    return out[0];
}

} // namespace polar::osc::test
