// oscquery_test_support.hpp — clients for the catch_oscquery*.cpp tests:
// an HTTP GET and a raw exchange of bytes, both with Beast/Asio on an
// io_context of the test's own, run for at most kClientTimeout. The
// timeout only keeps a broken server from hanging the suite; no test
// decides anything by how long something took.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace polar::oscquery::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

inline constexpr std::chrono::seconds kClientTimeout{20};

inline tcp::endpoint local(std::uint16_t port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

struct HttpReply {
    unsigned status = 0;  // 0: no answer (closed, reset, timed out)
    std::string contentType;
    std::string body;
    std::string error;    // why there was no answer
};

inline HttpReply httpGet(std::uint16_t port, const std::string& target) {
    asio::io_context io;
    tcp::socket socket(io);
    HttpReply reply;
    beast::error_code ec;
    socket.connect(local(port), ec);
    if (ec) return {0, {}, {}, ec.message()};
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    http::response<http::string_body> response;
    beast::flat_buffer buffer;
    http::async_write(socket, request, [&](beast::error_code written, std::size_t) {
        // Read the answer even after a write error: a server may answer
        // and close before it has read the whole request.
        if (written) reply.error = written.message();
        http::async_read(socket, buffer, response, [&](beast::error_code read, std::size_t) {
            if (read) {
                reply.error += (reply.error.empty() ? "" : "; ") + read.message();
                return;
            }
            reply.status = response.result_int();
            reply.contentType = std::string(response[http::field::content_type]);
            reply.body = response.body();
        });
    });
    io.run_for(kClientTimeout);
    return reply;
}

// Sends `bytes` as they are and returns everything the server sends back
// until it closes (or the timeout).
inline std::string rawExchange(std::uint16_t port, const std::string& bytes) {
    asio::io_context io;
    tcp::socket socket(io);
    beast::error_code ec;
    socket.connect(local(port), ec);
    if (ec) return {};
    std::string answer;
    auto sink = asio::dynamic_buffer(answer);
    asio::async_write(socket, asio::buffer(bytes), [&](beast::error_code, std::size_t) {
        asio::async_read(socket, sink, [](beast::error_code, std::size_t) {});
    });
    io.run_for(kClientTimeout);
    return answer;
}

} // namespace polar::oscquery::test
