// websocket_session.cpp — the proposal's bi-directional part: text frames
// from the client carry LISTEN/IGNORE commands; binary frames to the
// client carry OSC messages, one per value change of a LISTENed path.
//
// One read and one write may be pending at once on a Beast WebSocket, so
// reading commands and writing updates run side by side; writes are
// chained one after the other (writeNext) from the bounded queue that
// offer() fills.
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "sessions.hpp"

namespace polar::oscquery::detail {

WebSocketSession::WebSocketSession(beast::tcp_stream stream, ConnectionSlot slot)
    : m_ws(std::move(stream)), m_slot(std::move(slot)) {}

void WebSocketSession::start(http::request<http::string_body> upgrade) {
    // Beast's suggestion for servers: 30 s for the handshake and the close,
    // and a peer silent for 300 s (no frame, no answer to our ping) is
    // dropped — a connection whose client vanished does not hold its slot.
    websocket::stream_base::timeout timeouts =
        websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeouts.keep_alive_pings = true;
    m_ws.set_option(timeouts);
    m_ws.read_message_max(kMaxCommandBytes);
    m_ws.async_accept(upgrade, [self = shared_from_this()](beast::error_code ec) {
        if (ec) return;
        {
            ServerState& state = self->m_slot.state();
            std::lock_guard lock(state.clientsMutex);
            std::erase_if(state.clients, [](const auto& client) { return client.expired(); });
            state.clients.push_back(self);
        }
        self->read();
    });
}

void WebSocketSession::read() {
    m_ws.async_read(m_buffer,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void WebSocketSession::onRead(beast::error_code ec) {
    if (ec) { // closed, timed out or too large: the session ends here
        std::lock_guard lock(m_mutex);
        m_listening.clear();
        m_queue.clear();
        return;
    }
    if (m_ws.got_text()) command(beast::buffers_to_string(m_buffer.data()));
    // Binary frames would be OSC messages to our OSC methods; values are set
    // over the app's own OSC port, so they are ignored here.
    m_buffer.consume(m_buffer.size());
    read();
}

void WebSocketSession::command(const std::string& text) {
    // A malformed command is ignored: the proposal defines no error reply.
    nlohmann::json message = nlohmann::json::parse(text, nullptr, false);
    if (!message.is_object()) return;
    auto command = message.find("COMMAND");
    auto data = message.find("DATA");
    if (command == message.end() || data == message.end() || !command->is_string() || !data->is_string())
        return;
    const std::string path = data->get<std::string>();
    std::lock_guard lock(m_mutex);
    if (*command == "LISTEN") {
        m_listening.insert(path);
    } else if (*command == "IGNORE") {
        m_listening.erase(path);
    }
}

void WebSocketSession::offer(const std::string& path, const std::shared_ptr<const std::string>& frame) {
    std::lock_guard lock(m_mutex);
    if (!m_listening.contains(path)) return;
    if (m_queue.size() >= kMaxQueuedFrames) {
        m_queue.pop_front();
        ++m_slot.state().framesDropped;
    }
    m_queue.push_back(frame);
    if (m_writing) return; // the pending write's completion takes it
    m_writing = true;
    boost::asio::post(m_ws.get_executor(), [self = shared_from_this()] { self->writeNext(); });
}

void WebSocketSession::writeNext() {
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.empty()) {
            m_writing = false;
            return;
        }
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
    }
    m_ws.binary(true);
    m_ws.async_write(boost::asio::buffer(*m_current),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) { // the read side sees the broken connection too
                             std::lock_guard lock(self->m_mutex);
                             self->m_listening.clear(); // offer() stops queueing
                             self->m_queue.clear();
                             return;
                         }
                         ++self->m_slot.state().framesSent;
                         self->writeNext();
                     });
}

} // namespace polar::oscquery::detail
