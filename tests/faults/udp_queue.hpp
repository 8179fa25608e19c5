// udp_queue.hpp — what Linux knows about a loopback UDP socket: the bytes
// waiting in its receive queue and the datagrams it dropped because that
// queue was full. Both come from /proc/net/udp (columns rx_queue and drops),
// the only place a datagram lost to a full receive buffer is counted: the
// sender is never told. Shared by polar_fault_tool and the in-process tests.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace polar::faults {

struct UdpQueue {
    long queued = -1; // bytes waiting (kernel accounting, overhead included); -1: no such socket
    long drops = -1;  // datagrams dropped since the socket was opened
};

// The socket bound to 127.0.0.1:PORT.
inline UdpQueue udpQueue(std::uint16_t port) {
    std::ifstream table("/proc/net/udp");
    std::string line;
    std::getline(table, line); // the header
    char wanted[16];
    std::snprintf(wanted, sizeof wanted, "0100007F:%04X", port);
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode,
            refs, pointer;
        long drops = 0;
        fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >>
            timeout >> inode >> refs >> pointer >> drops;
        if (local != wanted) continue;
        const std::size_t colon = queues.find(':');
        if (colon == std::string::npos) return {};
        return {std::strtol(queues.c_str() + colon + 1, nullptr, 16), drops};
    }
    return {};
}

} // namespace polar::faults
