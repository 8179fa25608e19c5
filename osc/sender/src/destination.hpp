// destination.hpp — "HOST:PORT" to a UDP endpoint and a socket ready to send.
//
// Destinations are resolved once, when the broadcaster is built, so a bad
// name fails loudly at startup (a polar::Error naming the destination)
// instead of silently never sending. After that nothing about a destination
// can stop the VM: sockets are non-blocking and send errors are counted.
//
// Accepted forms: "127.0.0.1:9000", "localhost:9000", "[::1]:9000",
// a broadcast address ("192.168.1.255:9000", "255.255.255.255:9000") and a
// multicast group ("239.0.0.1:9000", "[ff02::1]:9000"). Names under
// ".invalid" fail at once without asking DNS, as RFC 6761 asks of resolvers.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <string>
#include <string_view>

namespace polar::osc::detail {

struct Destination {
    std::string text; // as configured, for messages
    boost::asio::ip::udp::endpoint endpoint;
};

// Throws polar::Error (Operational, "OscConfiguration") when the text is
// malformed or the host does not resolve.
Destination resolveDestination(std::string_view text, boost::asio::io_context& io);

// Opens `socket` for the destination's protocol, non-blocking, connected to
// the destination (send() then needs no address). IPv4 sockets
// may broadcast (SO_BROADCAST: directed broadcast addresses cannot be told
// from unicast ones without the interface list, and the flag is harmless on
// unicast); multicast groups get `ttl` hops and loopback on, so listeners on
// this machine hear them too. Throws polar::Error on failure.
void openSocket(boost::asio::ip::udp::socket& socket, const Destination& destination, int ttl);

} // namespace polar::osc::detail
