// `polar lsp`'s stdio loop (cli/lsp/lsp_command.hpp) on a real pipe, in
// process: frames in, frames out, the exit code of the lifecycle.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <unistd.h>

#include "lsp/framing.hpp"
#include "lsp/lsp_command.hpp"

namespace {

// Runs the loop on a pipe holding `input`, closed after it.
int runOn(const std::string& input, std::string& out, std::string& log) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    // Small inputs fit the pipe's buffer (64 KiB on Linux): no writer thread needed.
    REQUIRE(input.size() < 60000);
    REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    ::close(fds[1]);
    std::ostringstream outStream, logStream;
    const int code = polar::cli::runLsp(fds[0], outStream, logStream);
    ::close(fds[0]);
    out = outStream.str();
    log = logStream.str();
    return code;
}

std::string frame(const std::string& body) { return polar::cli::lsp::encodeMessage(body); }

} // namespace

TEST_CASE("stdio loop: a session through shutdown and exit ends with 0", "[lsp][stdio]") {
    std::string out, log;
    const int code = runOn(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                               frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                               frame(R"({"jsonrpc":"2.0","method":"exit"})") +
                               frame(R"({"jsonrpc":"2.0","id":3,"method":"never/read"})"),
                           out, log);
    CHECK(code == 0);
    CHECK(out.find(R"("id":1)") != std::string::npos);
    CHECK(out.find(R"("id":2,"jsonrpc":"2.0","result":null)") != std::string::npos);
    CHECK(out.find(R"("id":3)") == std::string::npos);  // nothing is read after exit
}

TEST_CASE("stdio loop: end of input without exit is 1, a truncated frame is logged", "[lsp][stdio]") {
    std::string out, log;
    CHECK(runOn("Content-Length: 40\r\n\r\n{\"jsonrpc\"", out, log) == 1);
    CHECK(out.empty());
    CHECK(log.find("input ended inside a message") != std::string::npos);
}
