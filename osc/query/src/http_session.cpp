// http_session.cpp — HttpSession and answer(): Beast parses, with its
// header and body limits (server_state.hpp); we only route a parsed GET.
// A parse error gets a status (431 too large, 400 malformed) and the
// connection is closed: after garbage we cannot know where the next
// request would start.
#include <boost/asio/dispatch.hpp>

#include "sessions.hpp"

namespace polar::oscquery::detail {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "%20" and friends; a malformed escape is kept as typed (then no node
// matches it, a 404).
std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 &&
            hexDigit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

bool isParseError(const beast::error_code& ec) {
    return &ec.category() == &beast::error_code(http::error::bad_method).category();
}

} // namespace

http::response<http::string_body> answer(ServerState& state, const http::request<http::string_body>& request) {
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::server, "polar-oscquery");
    response.set(http::field::content_type, "application/json");
    // Browser-based clients fetch from another origin.
    response.set(http::field::access_control_allow_origin, "*");
    response.keep_alive(request.keep_alive());
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        response.result(http::status::method_not_allowed);
        response.body() = R"({"ERROR":"only GET"})";
    } else {
        const std::string_view target(request.target().data(), request.target().size());
        std::size_t question = target.find('?');
        std::string path = percentDecode(target.substr(0, question));
        std::string query = question == std::string_view::npos ? std::string()
                                                                : percentDecode(target.substr(question + 1));
        if (query == "HOST_INFO") { // the path is irrelevant (proposal)
            response.body() = state.hostInfo();
        } else {
            Reply reply;
            {
                std::lock_guard lock(state.treeMutex);
                reply = state.tree.get(path, query);
            }
            response.result(reply.status);
            response.body() = std::move(reply.body);
        }
    }
    // RFC 9110: a 204 carries no Content-Length (and, by definition, no body).
    if (response.result() != http::status::no_content) response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear(); // Content-Length stays the GET's
    return response;
}

HttpSession::HttpSession(tcp::socket socket, ConnectionSlot slot)
    : m_stream(std::move(socket)), m_slot(std::move(slot)) {}

void HttpSession::start() {
    boost::asio::dispatch(m_stream.get_executor(),
                          beast::bind_front_handler(&HttpSession::read, shared_from_this()));
}

void HttpSession::read() {
    m_parser.emplace();
    m_parser->header_limit(kMaxHeaderBytes);
    m_parser->body_limit(kMaxBodyBytes);
    // One deadline for the whole request, not per packet: a client that
    // drips a byte a second still runs out of time (slowloris).
    m_stream.expires_after(kRequestTimeout);
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void HttpSession::onRead(beast::error_code ec) {
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return refuse(http::status::request_header_fields_too_large, "header too large");
    if (ec == http::error::body_limit) return refuse(http::status::payload_too_large, "body too large");
    if (ec && isParseError(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
        return refuse(http::status::bad_request, "malformed request");
    if (ec) { // the peer left, or the timeout: nothing to answer
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        return;
    }
    http::request<http::string_body> request = m_parser->release();
    if (websocket::is_upgrade(request)) {
        m_stream.expires_never(); // the WebSocket has timeouts of its own
        std::make_shared<WebSocketSession>(std::move(m_stream), std::move(m_slot))->start(std::move(request));
        return;
    }
    ++m_slot.state().httpRequests;
    send(answer(m_slot.state(), request), !request.keep_alive());
}

void HttpSession::refuse(http::status status, const char* why) {
    ++m_slot.state().httpRequests;
    http::response<http::string_body> response{status, 11};
    response.set(http::field::content_type, "application/json");
    response.body() = std::string(R"({"ERROR":")") + why + "\"}";
    response.keep_alive(false);
    response.prepare_payload();
    send(std::move(response), true);
}

void HttpSession::send(http::response<http::string_body> response, bool close) {
    m_response = std::move(response);
    m_stream.expires_after(kRequestTimeout); // a client that never reads cannot hold us
    http::async_write(m_stream, m_response,
                      [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                          self->onWrite(close, ec);
                      });
}

void HttpSession::onWrite(bool close, beast::error_code ec) {
    if (ec) return;
    if (close) {
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        return;
    }
    read();
}

} // namespace polar::oscquery::detail
