// polar/osc/udp_listener.hpp — a UDP socket with a receive thread of its own.
//
// The transport under OscReceiver and under `polar-osc record`: it binds an
// Asio UDP socket, receives every datagram whole into a 65,535-byte buffer
// (oscpack's UdpListeningReceiveSocket has 4,098 bytes and truncates), and
// hands the bytes to a callback on its own thread. It never parses, so the
// recorder stores exactly what came off the wire, garbage included.
//
// The address chooses the binding: a unicast address (127.0.0.1 by
// default, ::1, 0.0.0.0 for every interface) is bound as is; a multicast
// group (224.0.0.0/4, ff00::/8) binds the wildcard address of its family
// on the port, with SO_REUSEADDR so several listeners can share the group,
// and joins it. Port 0 asks the system for a free port; port() says which.
// Asio stays behind a pimpl so that users (the viewer) need no Boost headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "polar/osc/osc_message.hpp"

namespace polar::osc {

class UdpListener {
public:
    // Called on the receive thread for every datagram. It may throw; the
    // listener catches it and keeps receiving.
    using Handler = std::function<void(const char* data, std::size_t size, Clock::time_point arrival)>;
    // The same, with the sender's address and port ("127.0.0.1:50123",
    // "[::1]:50123"): what tells two senders on one port apart.
    using SourcedHandler = std::function<void(const char* data, std::size_t size, Clock::time_point arrival,
                                              const std::string& sender)>;

    // Binds and starts receiving; throws std::runtime_error ("cannot bind
    // 127.0.0.1:9000: Address already in use") when that is impossible.
    UdpListener(const std::string& address, std::uint16_t port, Handler handler);
    UdpListener(const std::string& address, std::uint16_t port, SourcedHandler handler);
    // Stops the thread; no callback runs after the destructor returns.
    ~UdpListener();
    UdpListener(const UdpListener&) = delete;
    UdpListener& operator=(const UdpListener&) = delete;

    // The bound port (the real one when 0 was asked for).
    std::uint16_t port() const;
    // "127.0.0.1:9000", "[::1]:9000", or the group for multicast.
    std::string describe() const;
    // Receive errors the socket reported (not counting malformed data).
    std::uint64_t receiveErrors() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace polar::osc
