// udp_listener.cpp — Asio socket, receive loop and thread for UdpListener.
//
// One io_context per listener, run by one thread: a receive completes,
// the handler runs, the next receive is started. Stopping posts nothing:
// io_context::stop() makes run() return after the handler in progress, then
// the thread is joined, so the buffer and the handler outlive every use.
#include "polar/osc/udp_listener.hpp"

#include <array>
#include <atomic>
#include <stdexcept>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/multicast.hpp>
#include <boost/asio/ip/udp.hpp>

#include "polar/osc/parse_datagram.hpp"

namespace polar::osc {

namespace asio = boost::asio;
using asio::ip::udp;

namespace {

// The kernel's default receive buffer (about 208 KiB on Linux) holds a few
// hundred of our datagrams; ask for 4 MiB so a burst survives while the
// receive thread is descheduled. The kernel caps it at net.core.rmem_max
// without complaint, so this is a wish, not a requirement.
constexpr int kSocketReceiveBuffer = 4 * 1024 * 1024;

std::string endpointText(const asio::ip::address& address, std::uint16_t port) {
    return address.is_v6() ? "[" + address.to_string() + "]:" + std::to_string(port)
                           : address.to_string() + ":" + std::to_string(port);
}

} // namespace

struct UdpListener::Impl {
    asio::io_context io;
    udp::socket socket{io};
    udp::endpoint sender;
    SourcedHandler handler;
    // The sender's text, kept while datagrams keep coming from the same
    // endpoint (the common case), so a flood formats it once.
    udp::endpoint lastSender;
    std::string lastSenderText;
    std::string description;
    std::uint16_t port = 0;  // cached: the socket belongs to the receive thread
    std::atomic<std::uint64_t> errors{0};
    // On the heap: 64 KiB does not belong in an object a caller may keep on
    // its stack, and the buffer lives exactly as long as the socket.
    std::unique_ptr<std::array<char, kMaxDatagramSize>> buffer =
        std::make_unique<std::array<char, kMaxDatagramSize>>();
    std::thread thread;

    void receive() {
        socket.async_receive_from(
            asio::buffer(*buffer), sender,
            [this](const boost::system::error_code& error, std::size_t size) {
                if (error == asio::error::operation_aborted) {
                    return;
                }
                const Clock::time_point arrival = Clock::now();
                if (error) {
                    // ICMP errors and the like: count them and listen on.
                    ++errors;
                } else {
                    try {
                        if (lastSenderText.empty() || sender != lastSender) {
                            lastSender = sender;
                            lastSenderText = endpointText(sender.address(), sender.port());
                        }
                        handler(buffer->data(), size, arrival, lastSenderText);
                    } catch (...) {
                        // A handler failure (e.g. bad_alloc) must not end reception.
                        ++errors;
                    }
                }
                receive();
            });
    }
};

UdpListener::UdpListener(const std::string& address, std::uint16_t port, Handler handler)
    : UdpListener(address, port,
                  SourcedHandler([handler = std::move(handler)](const char* data, std::size_t size,
                                                                Clock::time_point arrival, const std::string&) {
                      handler(data, size, arrival);
                  })) {}

UdpListener::UdpListener(const std::string& address, std::uint16_t port, SourcedHandler handler)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.handler = std::move(handler);
    boost::system::error_code error;
    const asio::ip::address parsed = asio::ip::make_address(address, error);
    if (error) {
        throw std::runtime_error("cannot listen on '" + address + "': not an IP address");
    }
    try {
        const udp protocol = parsed.is_v6() ? udp::v6() : udp::v4();
        impl.socket.open(protocol);
        impl.socket.set_option(asio::socket_base::receive_buffer_size(kSocketReceiveBuffer),
                               error);  // best effort, see kSocketReceiveBuffer
        if (parsed.is_multicast()) {
            impl.socket.set_option(asio::socket_base::reuse_address(true));
            const asio::ip::address any =
                parsed.is_v6() ? asio::ip::address(asio::ip::address_v6::any())
                               : asio::ip::address(asio::ip::address_v4::any());
            impl.socket.bind(udp::endpoint(any, port));
            impl.socket.set_option(asio::ip::multicast::join_group(parsed));
        } else {
            impl.socket.bind(udp::endpoint(parsed, port));
        }
    } catch (const boost::system::system_error& failure) {
        throw std::runtime_error("cannot bind " + endpointText(parsed, port) + ": " +
                                 failure.code().message());
    }
    impl.port = impl.socket.local_endpoint().port();
    impl.description = endpointText(parsed, impl.port);
    impl.receive();
    impl.thread = std::thread([&impl] { impl.io.run(); });
}

UdpListener::~UdpListener() {
    m_impl->io.stop();
    if (m_impl->thread.joinable()) {
        m_impl->thread.join();
    }
}

std::uint16_t UdpListener::port() const { return m_impl->port; }

std::string UdpListener::describe() const { return m_impl->description; }

std::uint64_t UdpListener::receiveErrors() const { return m_impl->errors.load(); }

} // namespace polar::osc
