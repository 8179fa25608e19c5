// destination.cpp — see destination.hpp.
#include "destination.hpp"

#include <boost/asio/ip/multicast.hpp>
#include <boost/asio/ip/unicast.hpp>
#include <boost/system/system_error.hpp>
#include <charconv>

#include "config_error.hpp"

namespace polar::osc::detail {
namespace {

namespace ip = boost::asio::ip;

polar::Error badDestination(std::string_view text, const std::string& why) {
    return configError("OSC destination '" + std::string(text) + "': " + why);
}

unsigned short parsePort(std::string_view whole, std::string_view port) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || value == 0 ||
        value > 65535)
        throw badDestination(whole, "the port must be a number from 1 to 65535");
    return static_cast<unsigned short>(value);
}

bool isReservedInvalid(std::string_view host) {
    return host == "invalid" || host.ends_with(".invalid") || host.ends_with(".invalid.");
}

} // namespace

Destination resolveDestination(std::string_view text, boost::asio::io_context& io) {
    std::string_view host;
    std::string_view port;
    if (text.starts_with('[')) {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            throw badDestination(text, "expected [IPv6-ADDRESS]:PORT");
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos)
            throw badDestination(text, "expected HOST:PORT, e.g. 127.0.0.1:9000");
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string_view::npos)
            throw badDestination(text, "an IPv6 address needs brackets, e.g. [::1]:9000");
    }
    if (host.empty()) throw badDestination(text, "the host is empty");
    const unsigned short portNumber = parsePort(text, port);

    Destination destination{std::string(text), {}};
    boost::system::error_code error;
    const ip::address address = ip::make_address(std::string(host), error);
    if (!error) {
        destination.endpoint = ip::udp::endpoint(address, portNumber);
        return destination;
    }
    if (isReservedInvalid(host)) throw badDestination(text, "cannot resolve host: Host not found");
    ip::udp::resolver resolver(io);
    const auto results = resolver.resolve(std::string(host), std::to_string(portNumber),
                                          ip::resolver_base::numeric_service, error);
    if (error || results.empty())
        throw badDestination(
            text, "cannot resolve host: " + (error ? error.message() : std::string("no address")));
    destination.endpoint = results.begin()->endpoint();
    return destination;
}

void openSocket(ip::udp::socket& socket, const Destination& destination, int ttl) {
    try {
        const ip::udp::endpoint& endpoint = destination.endpoint;
        socket.open(endpoint.protocol());
        socket.non_blocking(true);
        if (endpoint.address().is_v4())
            socket.set_option(boost::asio::socket_base::broadcast(true));
        if (endpoint.address().is_multicast()) {
            socket.set_option(ip::multicast::hops(ttl));
            socket.set_option(ip::multicast::enable_loopback(true));
        }
        // Connected: the kernel keeps the route instead of looking it up for
        // every datagram (~15% of a loopback send), and a destination that
        // refuses (ICMP port unreachable) fails the next send at once
        // instead of costing a round trip each time. No packet is sent.
        socket.connect(endpoint);
    } catch (const boost::system::system_error& error) {
        throw badDestination(destination.text,
                             std::string("cannot open a socket: ") + error.what());
    }
}

} // namespace polar::osc::detail
