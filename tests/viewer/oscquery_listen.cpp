// oscquery_listen — a minimal OSCQuery LISTEN client for the viewer's test:
//
//   oscquery_listen PORT PATH COUNT SECONDS
//
// Connects a WebSocket to 127.0.0.1:PORT, sends {"COMMAND":"LISTEN",
// "DATA":PATH}, prints "listening" once the server has read it (a ping's
// pong comes back after the command), then prints each binary frame it
// receives as "ADDRESS VALUE" (decoded by the receiver's parseDatagram)
// until COUNT frames came (exit 0) or SECONDS passed (exit 1).
#include <cstdio>
#include <functional>
#include <utility>
#include <cstdlib>
#include <iostream>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "polar/osc/osc_text.hpp"
#include "polar/osc/parse_datagram.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: oscquery_listen PORT PATH COUNT SECONDS\n";
        return 2;
    }
    const auto port = static_cast<unsigned short>(std::atoi(argv[1]));
    const std::string path = argv[2];
    const int wanted = std::atoi(argv[3]);
    asio::io_context io;
    websocket::stream<beast::tcp_stream> ws{io};
    try {
        ws.next_layer().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
        ws.handshake("127.0.0.1", "/");
        ws.text(true);
        ws.write(asio::buffer(R"({"COMMAND":"LISTEN","DATA":")" + path + R"("})"));
    } catch (const std::exception& e) {
        std::cerr << "oscquery_listen: " << e.what() << "\n";
        return 1;
    }
    ws.control_callback([](websocket::frame_type kind, beast::string_view) {
        if (kind == websocket::frame_type::pong) std::cout << "listening" << std::endl;
    });
    ws.ping({});
    beast::flat_buffer buffer;
    int received = 0;
    std::function<void()> readNext = [&] {
        ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
            if (ec) return;
            const std::string frame = beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
            std::vector<polar::osc::OscMessage> messages;
            polar::osc::parseDatagram(frame.data(), frame.size(), polar::osc::Clock::now(), messages);
            for (const auto& message : messages) std::cout << polar::osc::formatMessage(message) << std::endl;
            if (++received < wanted) readNext();
            else io.stop();
        });
    };
    readNext();
    io.run_for(std::chrono::seconds(std::atoi(argv[4])));
    return received >= wanted ? 0 : 1;
}
