// osc/tool/destination.cpp — see destination.hpp.
#include "destination.hpp"

#include <stdexcept>

#include "polar/flags/parse.hpp"

namespace polar::osc::tool {

namespace asio = boost::asio;
using asio::ip::udp;

// "127.0.0.1:9000", "localhost:9000", "[::1]:9000" → an endpoint; throws
// std::runtime_error with a readable message.
udp::endpoint resolve(asio::io_context& io, const std::string& to) {
    const std::size_t colon = to.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == to.size()) {
        throw std::runtime_error("--to wants HOST:PORT, got '" + to + "'");
    }
    std::string host = to.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    boost::system::error_code error;
    udp::resolver resolver(io);
    const auto results = resolver.resolve(host, to.substr(colon + 1), error);
    if (error || results.empty()) {
        throw std::runtime_error("cannot resolve '" + to + "': " + error.message());
    }
    return results.begin()->endpoint();
}

// --to while parsing: HOST:PORT with a port a datagram can go to (1..65535).
CLI::Validator destinationCheck() {
    return CLI::Validator(
        [](std::string& to) -> std::string {
            const std::size_t colon = to.rfind(':');
            if (colon == std::string::npos || colon == 0 || colon + 1 == to.size())
                return "expected HOST:PORT, got '" + to + "'";
            try {
                flags::parseWhole(std::string_view(to).substr(colon + 1),
                                  flags::wholeRange<std::uint16_t>(1, 65'535));
            } catch (const flags::BadValue& error) {
                return std::string("port ") + error.what();
            }
            return {};
        },
        "");
}

} // namespace polar::osc::tool
