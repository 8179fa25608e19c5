// server.cpp — Server: the acceptor, the io thread, setValue() and
// HOST_INFO. Sessions (sessions.hpp) do the per-connection work.
//
// Shutdown: the destructor stops the io_context and joins its thread; the
// sessions still pending are destroyed with the io_context's handlers,
// which closes their sockets. The state they share outlives them all
// (shared_ptr), so a late completion never touches freed memory.
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <thread>

#include "advertiser.hpp"
#include "osc_encode.hpp"
#include "sessions.hpp"

namespace polar::oscquery {

namespace asio = boost::asio;
using detail::tcp;

namespace detail {

ServerState::ServerState(ServerOptions serverOptions, std::vector<Node> nodes)
    : options(std::move(serverOptions)),
      tree("OSCQuery namespace of " + options.name, std::move(nodes)) {}

std::string ServerState::hostInfo() const {
    nlohmann::json info{{"NAME", options.name}, {"OSC_TRANSPORT", "UDP"}};
    if (options.oscPort != 0) info["OSC_PORT"] = options.oscPort;
    if (!options.oscIp.empty()) info["OSC_IP"] = options.oscIp;
    // What answer() and the sessions implement; TAGS, CLIPMODE and
    // PATH_CHANGED are not (the namespace is fixed at construction).
    info["EXTENSIONS"] = {{"ACCESS", true}, {"VALUE", true},       {"RANGE", true},
                          {"DESCRIPTION", true}, {"TAGS", false},   {"CLIPMODE", false},
                          {"UNIT", true},   {"LISTEN", true},      {"PATH_CHANGED", false}};
    return info.dump();
}

} // namespace detail

struct Server::Impl {
    std::shared_ptr<detail::ServerState> state;
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0;
    std::unique_ptr<detail::Advertiser> advertiser;
    std::thread thread;

    void accept() {
        acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted) return; // the acceptor closed
            if (!ec) {
                if (state->connections.load() >= detail::kMaxConnections) {
                    ++state->refused;
                    socket.close(ec); // cheaper than an answer; the client sees a reset
                } else {
                    std::make_shared<detail::HttpSession>(std::move(socket), detail::ConnectionSlot(state))
                        ->start();
                }
            }
            accept(); // a failed accept (EMFILE) is not the end of the server
        });
    }
};

Server::Server(ServerOptions options, std::vector<Node> nodes) : m_impl(std::make_unique<Impl>()) {
    m_impl->state = std::make_shared<detail::ServerState>(std::move(options), std::move(nodes));
    const ServerOptions& opts = m_impl->state->options;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(opts.address, ec);
    if (ec) throw std::runtime_error("OSCQuery: bad address '" + opts.address + "': " + ec.message());
    const tcp::endpoint endpoint(address, opts.httpPort);
    auto fail = [&](const char* what) {
        throw std::runtime_error("OSCQuery: cannot " + std::string(what) + " " + opts.address + ":" +
                                 std::to_string(opts.httpPort) + ": " + ec.message());
    };
    m_impl->acceptor.open(endpoint.protocol(), ec);
    if (ec) fail("open");
    // A restarted program gets its port back while old connections linger
    // in TIME_WAIT.
    m_impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    m_impl->acceptor.bind(endpoint, ec);
    if (ec) fail("listen on");
    m_impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) fail("listen on");
    m_impl->port = m_impl->acceptor.local_endpoint().port();
    if (opts.advertise)
        m_impl->advertiser = std::make_unique<detail::Advertiser>(opts.name, m_impl->port, opts.oscPort);
    m_impl->accept();
    m_impl->thread = std::thread([this] { m_impl->io.run(); }); // last: nothing after it throws
}

Server::~Server() {
    m_impl->advertiser.reset(); // withdraw the announcement first
    m_impl->io.stop();
    if (m_impl->thread.joinable()) m_impl->thread.join();
}

std::uint16_t Server::port() const {
    return m_impl->port;
}

void Server::setValue(std::string_view path, Value value) {
    detail::ServerState& state = *m_impl->state;
    {
        std::lock_guard lock(state.treeMutex);
        if (!state.tree.setValue(path, value)) return;
    }
    std::vector<std::shared_ptr<detail::WebSocketSession>> clients;
    {
        std::lock_guard lock(state.clientsMutex);
        for (const auto& weak : state.clients)
            if (auto client = weak.lock()) clients.push_back(std::move(client));
    }
    if (clients.empty()) return; // nobody listens: no frame to encode
    const std::string address(path);
    auto frame = std::make_shared<const std::string>(detail::encodeOscMessage(address, value));
    for (const auto& client : clients) client->offer(address, frame);
}

std::string Server::advertiseStatus() const {
    if (!m_impl->advertiser) return "not advertised: off";
    return m_impl->advertiser->status();
}

ServerStats Server::stats() const {
    const detail::ServerState& state = *m_impl->state;
    return {state.httpRequests.load(), state.refused.load(), state.framesSent.load(),
            state.framesDropped.load()};
}

} // namespace polar::oscquery
