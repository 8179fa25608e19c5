// osc/tool/destination.hpp — `--to HOST:PORT`, shared by replay and tee:
// checked while parsing (a port a datagram can go to, 1..65535) and
// resolved when the command runs ("127.0.0.1:9000", "localhost:9000",
// "[::1]:9000").
#pragma once

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <string>

namespace polar::osc::tool {

// Throws std::runtime_error with a readable message.
boost::asio::ip::udp::endpoint resolve(boost::asio::io_context& io, const std::string& to);
CLI::Validator destinationCheck();

} // namespace polar::osc::tool
