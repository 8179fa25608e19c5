// `polar lsp` framing (cli/lsp/framing.hpp): split reads, several messages
// per read, and hostile headers skipped without losing the next message.
#include <catch2/catch.hpp>

#include <string>

#include "lsp/framing.hpp"

using polar::cli::lsp::encodeMessage;
using polar::cli::lsp::MessageReader;

TEST_CASE("A message fed one byte at a time comes out once, whole", "[lsp][framing]") {
    MessageReader reader;
    const std::string frame = encodeMessage(R"({"a":1})");
    for (std::size_t k = 0; k + 1 < frame.size(); ++k) {
        reader.feed(frame.substr(k, 1));
        CHECK_FALSE(reader.next());
    }
    CHECK(reader.midMessage());
    reader.feed(frame.substr(frame.size() - 1));
    CHECK(reader.next() == std::string(R"({"a":1})"));
    CHECK_FALSE(reader.next());
    CHECK_FALSE(reader.midMessage());
    CHECK(reader.takeErrors().empty());
}

TEST_CASE("Two messages in one read, with Content-Type, come out in order", "[lsp][framing]") {
    MessageReader reader;
    reader.feed("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" +
                encodeMessage("[1]"));
    CHECK(reader.next() == std::string("{}"));
    CHECK(reader.next() == std::string("[1]"));
    CHECK_FALSE(reader.next());
}

TEST_CASE("The length counts bytes, not characters", "[lsp][framing]") {
    MessageReader reader;
    const std::string body = "\"\xc3\xa9\"";  // "é": 4 bytes
    reader.feed(encodeMessage(body) + encodeMessage("2"));
    CHECK(reader.next() == body);
    CHECK(reader.next() == std::string("2"));
}

TEST_CASE("Bad headers are reported and skipped", "[lsp][framing]") {
    MessageReader reader;
    SECTION("no Content-Length") {
        reader.feed("Content-Type: x\r\n\r\n" + encodeMessage("1"));
    }
    SECTION("not a number") {
        reader.feed("Content-Length: -5\r\n\r\n" + encodeMessage("1"));
    }
    SECTION("a line without a colon") {
        reader.feed("hello\r\n\r\n" + encodeMessage("1"));
    }
    SECTION("garbage glued to a real header") {
        reader.feed("garbage" + encodeMessage("1"));
    }
    SECTION("a huge length is refused, not allocated") {
        reader.feed("Content-Length: 99999999999\r\n\r\n" + encodeMessage("1"));
    }
    CHECK(reader.next() == std::string("1"));
    CHECK(reader.takeErrors().size() == 1);
}

TEST_CASE("A header that never ends is dropped, and reading goes on", "[lsp][framing]") {
    MessageReader reader;
    reader.feed(std::string(polar::cli::lsp::kMaxHeaderBytes + 10, 'x'));
    CHECK_FALSE(reader.next());
    CHECK(reader.takeErrors().size() == 1);
    reader.feed(encodeMessage("7"));
    CHECK(reader.next() == std::string("7"));
}

TEST_CASE("A truncated body waits, and is seen as mid-message", "[lsp][framing]") {
    MessageReader reader;
    reader.feed("Content-Length: 10\r\n\r\n{\"a\"");
    CHECK_FALSE(reader.next());
    CHECK(reader.midMessage());
}
