// fault_tool.cpp — the misbehaving network peers the fault scripts need,
// as one small program (polar_fault_tool), so the scripts depend on nothing
// but bash and the project's own binaries:
//
//   polar_fault_tool free-port              a loopback UDP port nobody listens on
//   polar_fault_tool sink SECONDS           a receiver that never reads (full buffer)
//   polar_fault_tool flood PORT COUNT SEED  COUNT random datagrams at 127.0.0.1:PORT
//   polar_fault_tool send PORT NAME         one valid /polar/hello "1.0" NAME 1
//   polar_fault_tool drained PORT           wait until 127.0.0.1:PORT took all it was sent
//
// Kernel drops are read from /proc/net/udp (udp_queue.hpp): that is where
// Linux counts what a full receive buffer lost, so a fault that loses
// datagrams in the kernel is still a counted loss.
//
// The flood is paced by the receiver's queue, also read from /proc/net/udp:
// UDP has no flow control, and a sender that outran the receiver would test
// the kernel's dropping, not the receiver. Keeping the queue under
// kFloodQueueBytes delivers every datagram, so the receiver's counts can be
// compared exactly with what was sent; `malformed` is what the project's
// own parseDatagram() says about the very same bytes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "polar/osc/parse_datagram.hpp"
#include "udp_queue.hpp"

namespace {

// Half of Linux's default 212,992-byte receive buffer: the receiver's queue
// never overflows, yet holds a few hundred datagrams so it is never idle.
constexpr long kFloodQueueBytes = 106'496;
// The queue is read once per this many datagrams: /proc/net/udp costs tens
// of microseconds to read, 64 datagrams of at most 600 bytes (plus the
// kernel's ~1 KiB bookkeeping each) fit well inside the headroom above.
constexpr std::uint64_t kFloodCheckEvery = 64;
// A receiver that has not taken a single datagram for this long is stuck:
// the flood fails instead of hanging. A safety net, not a speed test: a
// healthy receiver takes one within microseconds, and a minute lets one
// starved by a loaded machine catch up (it was 20 s).
constexpr auto kStuckReceiver = std::chrono::seconds(60);

int fail(const std::string& message) {
    std::cerr << "polar_fault_tool: " << message << '\n';
    return 2;
}

int udpSocket() {
    return ::socket(AF_INET, SOCK_DGRAM, 0);
}

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

std::uint16_t boundPort(int fd) {
    sockaddr_in address{};
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    return ntohs(address.sin_port);
}

// ---- OSC by hand: just enough to build valid templates -------------------
void putString(std::string& out, const std::string& text) {
    out += text;
    out.append(4 - text.size() % 4, '\0'); // at least one NUL, padded to 4
}
void putInt(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}
std::string message(const std::string& address, const std::string& tags,
                    const std::vector<std::string>& strings, const std::vector<std::uint32_t>& ints) {
    std::string out;
    putString(out, address);
    putString(out, "," + tags);
    std::size_t s = 0, i = 0;
    for (char tag : tags) {
        if (tag == 's') putString(out, strings.at(s++));
        else putInt(out, ints.at(i++)); // 'i', or 'f' given as its bits
    }
    return out;
}
std::string hello(const std::string& name) {
    return message("/polar/hello", "ssi", {"1.0", name}, {1});
}
std::vector<std::string> templates() {
    std::string bundle = "#bundle";
    bundle += '\0';
    putInt(bundle, 0);
    putInt(bundle, 1); // timetag 1: immediately
    for (const std::string& element :
         {message("/polar/rule", "siii", {"has_role"}, {3, 2, 4}),
          message("/polar/depth", "if", {}, {3, 0x3dc00000 /* 0.09375f */})}) {
        putInt(bundle, static_cast<std::uint32_t>(element.size()));
        bundle += element;
    }
    return {hello("polar"), bundle, message("/polar/backtrack", "i", {}, {1})};
}

// Noise, a valid packet with bytes flipped, one cut short, or a valid one:
// the same mix as tests/unit/catch_osc_receiver_flood.cpp.
std::string randomDatagram(std::mt19937& rng, const std::vector<std::string>& valid) {
    const auto pick = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    std::string bytes;
    switch (pick(4)) {
    case 0: // noise, a multiple of 4 bytes half of the time
        bytes.resize(pick(2) == 0 ? pick(600) : 4 * pick(150));
        for (char& c : bytes) c = static_cast<char>(pick(256));
        break;
    case 1:
        bytes = valid[pick(valid.size())];
        for (std::size_t n = pick(4) + 1; n > 0; --n) bytes[pick(bytes.size())] = static_cast<char>(pick(256));
        break;
    case 2:
        bytes = valid[pick(valid.size())];
        bytes.resize(pick(bytes.size()));
        break;
    default:
        bytes = valid[pick(valid.size())];
    }
    return bytes;
}

// ---- subcommands -----------------------------------------------------------
int freePort() {
    const int fd = udpSocket();
    sockaddr_in address = loopback(0);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return fail(std::string("cannot bind: ") + std::strerror(errno));
    std::cout << boundPort(fd) << '\n';
    ::close(fd); // released: the kernel answers "port unreachable" from now on
    return 0;
}

volatile std::sig_atomic_t g_stop = 0;
void onSignal(int) {
    g_stop = 1;
}

int sink(double seconds) {
    const int fd = udpSocket();
    // The smallest buffer the kernel allows (it doubles and floors the
    // value): a few datagrams fill it.
    const int size = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    sockaddr_in address = loopback(0);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return fail(std::string("cannot bind: ") + std::strerror(errno));
    const std::uint16_t port = boundPort(fd);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::cout << "sink: listening on 127.0.0.1:" << port << " (never reading)" << std::endl;
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (g_stop == 0 && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const polar::faults::UdpQueue state = polar::faults::udpQueue(port);
    std::cout << "sink: " << state.queued << " bytes waiting, " << state.drops
              << " datagrams dropped by the kernel" << std::endl;
    ::close(fd);
    return 0;
}

int flood(std::uint16_t port, std::uint64_t count, unsigned seed) {
    const int fd = udpSocket();
    sockaddr_in address = loopback(port);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return fail(std::string("cannot connect: ") + std::strerror(errno));
    if (polar::faults::udpQueue(port).queued < 0) return fail("nobody listens on 127.0.0.1:" + std::to_string(port));
    const std::vector<std::string> valid = templates();
    std::mt19937 rng(seed);
    std::vector<polar::osc::OscMessage> scratch;
    std::uint64_t malformed = 0, sendErrors = 0;
    for (std::uint64_t sent = 0; sent < count; ++sent) {
        if (sent % kFloodCheckEvery == 0) {
            auto lastProgress = std::chrono::steady_clock::now();
            long queued = polar::faults::udpQueue(port).queued;
            long previous = queued;
            while (queued > kFloodQueueBytes) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                queued = polar::faults::udpQueue(port).queued;
                if (queued < 0) return fail("the receiver went away after " + std::to_string(sent) + " datagrams");
                if (queued != previous) lastProgress = std::chrono::steady_clock::now();
                previous = queued;
                if (std::chrono::steady_clock::now() - lastProgress > kStuckReceiver)
                    return fail("the receiver stopped reading after " + std::to_string(sent) + " datagrams");
            }
        }
        const std::string datagram = randomDatagram(rng, valid);
        scratch.clear();
        malformed += polar::osc::parseDatagram(datagram.data(), datagram.size(),
                                               polar::osc::Clock::now(), scratch)
                         .malformed
                         ? 1
                         : 0;
        if (::send(fd, datagram.data(), datagram.size(), 0) < 0) ++sendErrors;
    }
    const long kernelDrops = polar::faults::udpQueue(port).drops;
    std::cout << "flood: sent " << count << " datagrams (" << malformed << " malformed), "
              << sendErrors << " send errors, " << kernelDrops << " dropped by the kernel" << std::endl;
    return sendErrors == 0 && kernelDrops == 0 ? 0 : 2;
}

int send(std::uint16_t port, const std::string& name) {
    const int fd = udpSocket();
    sockaddr_in address = loopback(port);
    const std::string datagram = hello(name);
    if (fd < 0 || ::sendto(fd, datagram.data(), datagram.size(), 0,
                           reinterpret_cast<sockaddr*>(&address), sizeof address) < 0)
        return fail(std::string("cannot send: ") + std::strerror(errno));
    return 0;
}

int drained(std::uint16_t port) {
    const auto deadline = std::chrono::steady_clock::now() + kStuckReceiver;
    long queued = polar::faults::udpQueue(port).queued;
    while (queued > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        queued = polar::faults::udpQueue(port).queued;
    }
    if (queued < 0) return fail("nobody listens on 127.0.0.1:" + std::to_string(port));
    if (queued > 0) return fail(std::to_string(queued) + " bytes still waiting on 127.0.0.1:" + std::to_string(port));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const auto number = [](const std::string& text) { return std::strtoull(text.c_str(), nullptr, 10); };
    if (args.size() == 1 && args[0] == "free-port") return freePort();
    if (args.size() == 2 && args[0] == "sink") return sink(std::strtod(args[1].c_str(), nullptr));
    if (args.size() == 4 && args[0] == "flood")
        return flood(static_cast<std::uint16_t>(number(args[1])), number(args[2]),
                     static_cast<unsigned>(number(args[3])));
    if (args.size() == 2 && args[0] == "drained") return drained(static_cast<std::uint16_t>(number(args[1])));
    if (args.size() == 3 && args[0] == "send") return send(static_cast<std::uint16_t>(number(args[1])), args[2]);
    std::cerr << "usage: polar_fault_tool free-port | sink SECONDS | flood PORT COUNT SEED | send PORT NAME | drained PORT\n";
    return 1;
}
