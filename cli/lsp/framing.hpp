// cli/lsp/framing.hpp — LSP base protocol: `Content-Length: N\r\n\r\n` + body.
//
// The reader is a pure byte-stream state machine, with no I/O of its own:
// whatever chunks read(2) returns are fed in, and whole bodies come out.
// That keeps split reads, several messages in one read and hostile input
// testable with strings (tests/unit/catch_lsp_framing.cpp).
//
// Hostile input never stops it: a header block without a usable
// Content-Length is reported and skipped (resynchronising at the next
// "Content-Length" when one is in sight), a header longer than
// kMaxHeaderBytes without its blank line is dropped, and a length above
// kMaxBodyBytes is refused before any memory is reserved for it. Each
// problem becomes one line in errors(); the caller logs them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace polar::cli::lsp {

inline constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
// A policy of several megabytes is already huge; 64 MiB leaves room for it
// in JSON escapes without letting a forged length exhaust memory.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{64} << 20;

class MessageReader {
public:
    void feed(std::string_view bytes);
    // The next complete body, or nothing until more bytes arrive.
    std::optional<std::string> next();
    // Problems found since the last call, one sentence each.
    std::vector<std::string> takeErrors();
    // Bytes held of a message not complete yet (at end of input: truncated).
    bool midMessage() const;

private:
    // Parses the header block; the body length, or nothing with an error recorded.
    std::optional<std::size_t> parseHeader(std::string_view header);

    std::string m_buffer;  // bytes not consumed yet
    std::optional<std::size_t> m_bodyLength;  // set once a header was accepted
    std::vector<std::string> m_errors;
};

// The frame for one body.
std::string encodeMessage(std::string_view body);

} // namespace polar::cli::lsp
