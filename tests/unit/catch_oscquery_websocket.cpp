// catch_oscquery_websocket.cpp — LISTEN and IGNORE over the server's
// WebSocket: a Beast client on the HTTP port, OSC frames decoded by the
// receiver's parseDatagram(), and a client that never reads costing the
// app nothing but dropped (counted) frames.
//
// No sleeps: the client sends a ping after each command and acts on the
// pong. The server answers the ping only after it has handled the command
// before it (one connection's frames are read in order), so a setValue()
// made on the pong sees the LISTEN or IGNORE in force.
#include <catch2/catch.hpp>

#include <functional>

#include <boost/beast/websocket.hpp>

#include "oscquery_test_support.hpp"
#include "polar/osc/oscquery.hpp"
#include "polar/osc/parse_datagram.hpp"

using namespace polar::oscquery;
namespace websocket = test::beast::websocket;

namespace {

ServerOptions quiet() {
    ServerOptions options;
    options.advertise = false;
    return options;
}

std::vector<Node> nodes() {
    return {Node{"/viewer/zoom", "f", kReadWrite, "zoom", 0.25, 8.0, {}, "", 1.0f},
            Node{"/viewer/theme", "s", kReadWrite, "theme", {}, {}, {"ink", "neon"}, "", std::string("ink")},
            Node{"/viewer/grid", "T", kReadWrite, "grid on", {}, {}, {}, "", false}};
}

// A WebSocket client that sends `commands`, then a ping; on the pong it
// calls `onSettled` and reads one message.
struct Client {
    test::asio::io_context io;
    websocket::stream<test::beast::tcp_stream> ws{io};
    test::beast::flat_buffer buffer;
    bool binary = false;
    std::string received;

    explicit Client(std::uint16_t port) {
        ws.next_layer().connect(test::local(port));
        ws.handshake("127.0.0.1", "/");
    }
    void command(const std::string& verb, const std::string& path) {
        ws.text(true);
        ws.write(test::asio::buffer(R"({"COMMAND":")" + verb + R"(","DATA":")" + path + R"("})"));
    }
    void settleThenRead(const std::function<void()>& onSettled) {
        bool settled = false;
        ws.control_callback([&](websocket::frame_type kind, test::beast::string_view) {
            if (kind == websocket::frame_type::pong && !settled) {
                settled = true;
                onSettled();
            }
        });
        ws.ping({});
        received.clear();
        ws.async_read(buffer, [&](test::beast::error_code ec, std::size_t) {
            if (ec) return;
            binary = ws.got_binary();
            received = test::beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
        });
        io.restart();
        io.run_for(test::kClientTimeout);
        REQUIRE(settled);
    }
};

polar::osc::OscMessage decode(const std::string& frame) {
    std::vector<polar::osc::OscMessage> messages;
    const auto summary = polar::osc::parseDatagram(frame.data(), frame.size(), polar::osc::Clock::now(), messages);
    INFO(summary.error);
    REQUIRE(messages.size() == 1);
    return messages.front();
}

} // namespace

TEST_CASE("OSCQuery: LISTEN streams a path's changes as OSC, IGNORE stops them", "[oscquery][websocket]") {
    Server server(quiet(), nodes());
    Client client(server.port());
    client.command("LISTEN", "/viewer/zoom");
    client.settleThenRead([&] { server.setValue("/viewer/zoom", 2.5f); });
    REQUIRE(client.binary);
    polar::osc::OscMessage zoom = decode(client.received);
    CHECK(zoom.address == "/viewer/zoom");
    REQUIRE(zoom.args.size() == 1);
    CHECK(std::get<float>(zoom.args[0]) == 2.5f);

    SECTION("strings and booleans") {
        client.command("LISTEN", "/viewer/theme");
        client.settleThenRead([&] { server.setValue("/viewer/theme", std::string("neon")); });
        CHECK(std::get<std::string>(decode(client.received).args.at(0)) == "neon");
        client.command("LISTEN", "/viewer/grid");
        client.settleThenRead([&] { server.setValue("/viewer/grid", true); });
        CHECK(std::get<bool>(decode(client.received).args.at(0)) == true);
    }
    SECTION("after IGNORE, no more frames for that path") {
        client.command("IGNORE", "/viewer/zoom");
        client.command("LISTEN", "/viewer/theme");
        client.settleThenRead([&] {
            server.setValue("/viewer/zoom", 3.0f);   // ignored: must not arrive
            server.setValue("/viewer/theme", std::string("neon"));
        });
        CHECK(decode(client.received).address == "/viewer/theme");
    }
    SECTION("garbage commands are ignored, the session lives on") {
        client.ws.text(true);
        client.ws.write(test::asio::buffer(std::string("{not json")));
        client.command("LISTEN", "/viewer/nothing"); // no such node: harmless
        client.settleThenRead([&] { server.setValue("/viewer/zoom", 4.0f); });
        CHECK(std::get<float>(decode(client.received).args.at(0)) == 4.0f);
    }
    CHECK(server.stats().framesDropped == 0);
}

TEST_CASE("OSCQuery: a client that never reads costs setValue nothing", "[oscquery][websocket]") {
    Server server(quiet(), nodes());
    Client client(server.port());
    client.command("LISTEN", "/viewer/theme");
    // 64 MiB of updates: more than the kernel's socket buffers and the
    // server's bounded queue hold together, so frames must be dropped —
    // and setValue() returns every time, since it never waits for a client.
    const std::string big(64 * 1024, 'x');
    client.settleThenRead([&] {
        for (int i = 0; i < 1024; ++i) server.setValue("/viewer/theme", big);
    });
    CHECK(server.stats().framesDropped > 0);
    // The server still answers HTTP meanwhile.
    CHECK(test::httpGet(server.port(), "/viewer/zoom?VALUE").status == 200);
}
