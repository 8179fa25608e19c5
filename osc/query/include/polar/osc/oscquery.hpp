// polar/osc/oscquery.hpp — an OSCQuery server: the namespace of an OSC
// application described as JSON over HTTP, and its values streamed over a
// WebSocket on the same port (the Vidvox proposal,
// github.com/Vidvox/OSCQueryProposal; osc/README.md, "OSCQuery").
//
// The library is generic: the viewer hands it its control parameters
// (read-write), the senders their read-only /polar/... output stream
// (polarOutputNamespace()). It knows nothing of the engine, SFML or the
// viewer. Boost.Beast, nlohmann-json and Avahi stay out of this header, so a
// consumer needs none of them to include it.
//
// Threads: a Server runs one io thread of its own for every connection.
// setValue() may be called from any thread and never waits for a client —
// a change is queued per WebSocket client (bounded, oldest dropped first),
// so a stalled client costs memory up to that bound, never the caller time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace polar::oscquery {

// One OSC argument: int32 `i`, float32 `f`, string `s`, boolean `T`/`F`.
using Value = std::variant<std::int32_t, float, std::string, bool>;

// The proposal's ACCESS: whether a client may read the value, send one, both.
enum Access : int { kNoAccess = 0, kRead = 1, kWrite = 2, kReadWrite = 3 };

// One OSC method. Containers are implied by the paths ("/viewer/zoom" makes
// the container "/viewer"), so only methods are listed.
struct Node {
    std::string path;                  // "/viewer/zoom"
    std::string type;                  // OSC type tags: "f", "i", "s", "T", "if"; "" no value
    int access = kReadWrite;
    std::string description;
    std::optional<double> min, max;    // RANGE [{MIN, MAX}] (either may be absent)
    std::vector<std::string> choices;  // RANGE [{VALS: [...]}]: an enumeration
    std::string unit;                  // UNIT, e.g. "s", "bpm", "deg/s"; empty: none
    std::optional<Value> value;        // the initial VALUE; none: not reported
};

struct ServerOptions {
    std::string name = "polar";       // HOST_INFO NAME and the DNS-SD instance name
    std::string address = "127.0.0.1"; // where HTTP (and the WebSocket) listens
    std::uint16_t httpPort = 0;       // 0: a free port, port() says which
    std::uint16_t oscPort = 0;        // HOST_INFO OSC_PORT: where the OSC goes; 0 omitted
    std::string oscIp;                // HOST_INFO OSC_IP when not this host; empty omitted
    bool advertise = true;            // DNS-SD _oscjson._tcp (and _osc._udp) via Avahi
};

// What a server has done, for tests and diagnostics.
struct ServerStats {
    std::uint64_t httpRequests = 0;   // requests answered (errors included)
    std::uint64_t refused = 0;        // connections closed at once: kMaxConnections reached
    std::uint64_t framesSent = 0;     // WebSocket frames written (LISTEN updates)
    std::uint64_t framesDropped = 0;  // updates dropped from a full client queue
};

class Server {
public:
    // Listens at once; throws std::runtime_error when it cannot bind
    // ("cannot listen on 127.0.0.1:5678: Address already in use") or when
    // two nodes share a path.
    Server(ServerOptions options, std::vector<Node> nodes);
    ~Server(); // closes every connection and joins the io thread
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    std::uint16_t port() const;

    // Thread-safe. Updates VALUE (an unknown path is ignored: the caller's
    // namespace is fixed at construction) and sends the change as an OSC
    // message to every WebSocket client that LISTENs to this path. The
    // message carries the value's own type tag (a float is `f` whatever
    // the node's TYPE says): keep them in agreement.
    void setValue(std::string_view path, Value value);

    // "advertised as _oscjson._tcp 'polar'", or why not ("not advertised: no
    // avahi-daemon (Daemon not running)", "built without Avahi", "off").
    std::string advertiseStatus() const;

    ServerStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The read-only namespace of the broadcaster (osc/README.md's address
// table, version polar::osc::kVersion): one node per address, ACCESS 0,
// TYPE its type tags, DESCRIPTION its arguments. The events themselves go
// to the OSC destinations; the server only describes them.
std::vector<Node> polarOutputNamespace();

// The options of a sender's server: NAME `program`, HTTP on 127.0.0.1
// `httpPort`, OSC_PORT (and OSC_IP unless it is a loopback address) taken
// from the first destination "HOST:PORT" / "[V6]:PORT".
ServerOptions outputServerOptions(std::string program, std::uint16_t httpPort,
                                  std::string_view destination);

} // namespace polar::oscquery
