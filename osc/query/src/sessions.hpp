// sessions.hpp — one TCP connection of the OSCQuery server: HTTP requests
// first, then, after an Upgrade, a WebSocket.
//
// Both sessions live on the server's io thread and keep themselves alive
// with shared_from_this() through their pending operations: when a read
// fails (the peer left, a timeout, a limit) nothing is pending any more and
// the session, its socket and its connection slot go away. Only
// WebSocketSession::offer() is called from other threads; it touches the
// queue and the LISTEN set under the session's own mutex and posts the
// write to the io thread.
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "server_state.hpp"

namespace polar::oscquery::detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket socket, ConnectionSlot slot);
    void start();

private:
    void read();
    void onRead(beast::error_code ec);
    void refuse(http::status status, const char* why); // answer a broken request, then close
    void send(http::response<http::string_body> response, bool close);
    void onWrite(bool close, beast::error_code ec);

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::string_body> m_response;
    ConnectionSlot m_slot;
};

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
public:
    WebSocketSession(beast::tcp_stream stream, ConnectionSlot slot);
    void start(http::request<http::string_body> upgrade);

    // From any thread: queue `frame` if this client LISTENs to `path`.
    void offer(const std::string& path, const std::shared_ptr<const std::string>& frame);

private:
    void read();
    void onRead(beast::error_code ec);
    void command(const std::string& text); // {"COMMAND": "LISTEN"|"IGNORE", "DATA": path}
    void writeNext();

    websocket::stream<beast::tcp_stream> m_ws;
    beast::flat_buffer m_buffer;
    ConnectionSlot m_slot;

    std::mutex m_mutex;  // guards the three below, shared with offer()
    std::set<std::string, std::less<>> m_listening;
    std::deque<std::shared_ptr<const std::string>> m_queue;
    bool m_writing = false;  // a write is pending or posted
    std::shared_ptr<const std::string> m_current; // the frame being written
};

// The HTTP answer to GET target, JSON or an error.
http::response<http::string_body> answer(ServerState& state, const http::request<http::string_body>& request);

} // namespace polar::oscquery::detail
