// server_state.hpp — what the io thread's sessions and the app's setValue()
// share: the tree (under a mutex), the WebSocket clients (weak pointers: a
// session lives as long as its connection, not as long as the registry),
// the counters, and the limits every connection obeys.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "namespace_tree.hpp"
#include "polar/osc/oscquery.hpp"

namespace polar::oscquery::detail {

// A request is a GET with a path and one attribute: a few hundred bytes.
// 8 KiB for the header (what many servers allow, nginx's default buffer)
// and for a body (a GET has none) make a 1 MB header a 431, not 1 MB of
// memory per connection.
inline constexpr std::uint32_t kMaxHeaderBytes = 8 * 1024;
inline constexpr std::uint64_t kMaxBodyBytes = 8 * 1024;
// A LISTEN/IGNORE command is a path in a small JSON object.
inline constexpr std::size_t kMaxCommandBytes = 8 * 1024;
// One HTTP request must arrive within 30 s, and an idle keep-alive
// connection is closed after it: long enough for a human typing into
// telnet or a client on a slow link, short enough that slow clients
// dripping bytes cannot hold the connection slots below for long.
inline constexpr std::chrono::seconds kRequestTimeout{30};
// A few clients browse a namespace at a time (ossia score, Chataigne, a
// browser, a test). 64 leaves room for all of them and caps the sockets,
// buffers and sessions a flood of connections can make the process hold;
// the 65th connection is closed at once and counted.
inline constexpr int kMaxConnections = 64;
// Updates waiting for one WebSocket client. A client that keeps up has 0
// or 1; 256 absorbs a burst of a few frames' worth of parameter changes.
// Beyond it the oldest update is dropped and counted: the newest value is
// what a listener needs, and setValue() must never wait for the network.
inline constexpr std::size_t kMaxQueuedFrames = 256;

class WebSocketSession;

struct ServerState {
    ServerState(ServerOptions serverOptions, std::vector<Node> nodes);

    // {"NAME":…, "OSC_PORT":…, "OSC_TRANSPORT":"UDP", "EXTENSIONS":{…}}
    std::string hostInfo() const;

    const ServerOptions options;
    mutable std::mutex treeMutex;
    NamespaceTree tree;  // guarded by treeMutex

    std::mutex clientsMutex;
    std::vector<std::weak_ptr<WebSocketSession>> clients; // guarded by clientsMutex

    std::atomic<int> connections{0};
    std::atomic<std::uint64_t> httpRequests{0};
    std::atomic<std::uint64_t> refused{0};
    std::atomic<std::uint64_t> framesSent{0};
    std::atomic<std::uint64_t> framesDropped{0};
};

// Holds one of kMaxConnections while a connection lives, HTTP then
// WebSocket: moved from the one session to the other on upgrade.
class ConnectionSlot {
public:
    explicit ConnectionSlot(std::shared_ptr<ServerState> state) : m_state(std::move(state)) {
        ++m_state->connections;
    }
    ~ConnectionSlot() {
        if (m_state) --m_state->connections;
    }
    ConnectionSlot(ConnectionSlot&&) noexcept = default;
    ConnectionSlot(const ConnectionSlot&) = delete;
    ConnectionSlot& operator=(const ConnectionSlot&) = delete;
    ConnectionSlot& operator=(ConnectionSlot&&) = delete;
    ServerState& state() const { return *m_state; }
    const std::shared_ptr<ServerState>& shared() const { return m_state; }

private:
    std::shared_ptr<ServerState> m_state;
};

} // namespace polar::oscquery::detail
