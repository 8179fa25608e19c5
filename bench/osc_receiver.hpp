// osc_receiver.hpp — the benchmark's listener: counts OSC event messages on
// a loopback UDP port from a thread of its own, and measures how late each
// bundle arrives against its timetag.
//
// It decodes only what it needs (bundle framing and the timetag), so the
// listener stays cheaper than the sender and the numbers measure the
// sender. /polar/hello and /polar/stats are not events and are not counted.
// The receive buffer is made as large as the kernel allows (SO_RCVBUFFORCE
// when running as root), because on a 2-core machine the listener is
// regularly descheduled while the VM and the sender run.
#pragma once

#include <arpa/inet.h>
#include <sys/socket.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace polar::bench {

class OscCounter {
public:
    OscCounter() : m_socket(m_io) {
        namespace ip = boost::asio::ip;
        m_socket.open(ip::udp::v4());
        const int size = 32 << 20;
        if (::setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_RCVBUFFORCE, &size,
                         sizeof size) != 0)
            m_socket.set_option(boost::asio::socket_base::receive_buffer_size(size));
        m_socket.bind(ip::udp::endpoint(ip::address_v4::loopback(), 0));
        // Wake up now and then to notice stop().
        const timeval tick{0, 20'000};
        ::setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof tick);
        m_thread = std::thread([this] { run(); });
    }
    ~OscCounter() { stop(); }

    std::string destination() const {
        return "127.0.0.1:" + std::to_string(m_socket.local_endpoint().port());
    }
    std::uint64_t events() const { return m_events.load(std::memory_order_relaxed); }
    // Arrival minus timetag of every bundle, in microseconds (after stop()).
    const std::vector<double>& lateness() const { return m_lateness; }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }

private:
    static std::uint32_t be32(const unsigned char* p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return ntohl(v);
    }

    void run() {
        std::vector<unsigned char> buffer(65536);
        while (!m_stop) {
            const ssize_t n = ::recv(m_socket.native_handle(), buffer.data(), buffer.size(), 0);
            if (n <= 0) continue;
            count(buffer.data(), static_cast<std::size_t>(n));
        }
    }

    void count(const unsigned char* data, std::size_t size) {
        if (size >= 16 && std::memcmp(data, "#bundle", 8) == 0) {
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            const double nowUs = std::chrono::duration<double, std::micro>(now).count();
            const std::uint64_t seconds = be32(data + 8) - 2'208'988'800ULL;
            const double fraction = be32(data + 12) / 4294967296.0;
            m_lateness.push_back(nowUs - (static_cast<double>(seconds) + fraction) * 1e6);
            std::uint64_t messages = 0;
            for (std::size_t at = 16; at + 4 <= size; at += 4 + be32(data + at)) ++messages;
            m_events.fetch_add(messages, std::memory_order_relaxed);
            return;
        }
        const std::string_view address(reinterpret_cast<const char*>(data),
                                       std::min<std::size_t>(size, 12));
        if (address != "/polar/stats" && address != "/polar/hello")
            m_events.fetch_add(1, std::memory_order_relaxed);
    }

    boost::asio::io_context m_io;
    boost::asio::ip::udp::socket m_socket;
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_events{0};
    std::vector<double> m_lateness;
    std::thread m_thread;
};

} // namespace polar::bench
