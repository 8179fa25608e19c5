// cli/lsp/framing.cpp — see framing.hpp.
#include "lsp/framing.hpp"

#include <algorithm>
#include <cctype>

namespace polar::cli::lsp {
namespace {

constexpr std::string_view kSeparator = "\r\n\r\n";
constexpr std::string_view kLengthName = "Content-Length";

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Printable, short: header text goes into a log line.
std::string quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s.substr(0, 60)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    if (s.size() > 60) out += "...";
    return out + "'";
}

} // namespace

void MessageReader::feed(std::string_view bytes) { m_buffer.append(bytes); }

std::optional<std::size_t> MessageReader::parseHeader(std::string_view header) {
    std::optional<std::size_t> length;
    while (!header.empty()) {
        const std::size_t eol = header.find("\r\n");
        const std::string_view line = header.substr(0, eol);
        header = eol == std::string_view::npos ? std::string_view{} : header.substr(eol + 2);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            m_errors.push_back("malformed header line " + quoted(line));
            return std::nullopt;
        }
        if (!equalsIgnoringCase(trim(line.substr(0, colon)), kLengthName)) continue;  // Content-Type and others
        const std::string_view value = trim(line.substr(colon + 1));
        // Digits only, checked before converting: no overflow, no sign, no hex.
        const bool digits = !value.empty() && value.size() <= 12 &&
                            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            m_errors.push_back("bad Content-Length " + quoted(value));
            return std::nullopt;
        }
        const std::size_t n = std::stoull(std::string(value));
        if (n > kMaxBodyBytes) {
            m_errors.push_back("Content-Length " + std::string(value) + " is above the limit of " +
                               std::to_string(kMaxBodyBytes) + " bytes");
            return std::nullopt;
        }
        length = n;
    }
    if (!length) m_errors.push_back("header without Content-Length");
    return length;
}

std::optional<std::string> MessageReader::next() {
    for (;;) {
        if (m_bodyLength) {
            if (m_buffer.size() < *m_bodyLength) return std::nullopt;
            std::string body = m_buffer.substr(0, *m_bodyLength);
            m_buffer.erase(0, *m_bodyLength);
            m_bodyLength.reset();
            return body;
        }
        const std::size_t end = m_buffer.find(kSeparator);
        if (end == std::string::npos) {
            if (m_buffer.size() > kMaxHeaderBytes) {
                m_errors.push_back("no end of header within " + std::to_string(kMaxHeaderBytes) +
                                   " bytes: dropped");
                // Keep a possible start of the separator for the next feed.
                m_buffer.erase(0, m_buffer.size() - (kSeparator.size() - 1));
            }
            return std::nullopt;
        }
        const std::string_view header = std::string_view(m_buffer).substr(0, end);
        if (const std::optional<std::size_t> length = parseHeader(header)) {
            m_buffer.erase(0, end + kSeparator.size());
            m_bodyLength = length;
            continue;
        }
        // Garbage glued in front of a real header ("xyzContent-Length: 5"):
        // start again at the name rather than lose the message behind it.
        const std::size_t again = header.find(kLengthName, 1);
        m_buffer.erase(0, again != std::string_view::npos ? again : end + kSeparator.size());
    }
}

std::vector<std::string> MessageReader::takeErrors() {
    std::vector<std::string> out;
    out.swap(m_errors);
    return out;
}

bool MessageReader::midMessage() const {
    return m_bodyLength.has_value() ||
           m_buffer.find_first_not_of(" \t\r\n") != std::string::npos;
}

std::string encodeMessage(std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out.append(body);
    return out;
}

} // namespace polar::cli::lsp
