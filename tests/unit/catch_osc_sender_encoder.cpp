// The OSC encoder, byte for byte: one approved golden file per address
// (tests/unit/golden/osc/*.txt), with and without values, plus the limits
// (saturation, clamping, truncation) the README promises.
//
// A golden file is a hex dump in 4-byte words — OSC's own alignment — with
// the text alongside, so a reviewer can check padding by eye. When the bytes
// change, the test writes NAME.received.txt into the working directory;
// inspect it and copy it over the golden file to approve the change.
#include <oscpack/osc/OscOutboundPacketStream.h>

#include <array>
#include <catch2/catch.hpp>
#include <climits>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "encoder.hpp"
#include "polar/osc/address_space.hpp"
#include "timetag.hpp"

namespace {

using namespace polar::osc::detail;

std::string hexDump(const char* data, std::size_t size) {
    std::string out;
    for (std::size_t line = 0; line < size; line += 16) {
        char text[32];
        std::snprintf(text, sizeof text, "%04zx ", line);
        out += text;
        std::string ascii;
        for (std::size_t k = line; k < line + 16; ++k) {
            if (k % 4 == 0) out += ' ';
            if (k < size) {
                const auto byte = static_cast<unsigned char>(data[k]);
                std::snprintf(text, sizeof text, "%02x", byte);
                out += text;
                ascii += byte >= 0x20 && byte < 0x7f ? static_cast<char>(byte) : '.';
            } else {
                out += "  ";
            }
        }
        out += "  " + ascii + "\n";
    }
    return out;
}

void checkGolden(const std::string& name, const char* data, std::size_t size) {
    const std::string path = std::string(POLAR_TEST_DIR) + "/golden/osc/" + name + ".txt";
    std::ifstream in(path);
    std::stringstream approved;
    approved << in.rdbuf();
    const std::string received = hexDump(data, size);
    if (received != approved.str()) {
        std::ofstream(name + ".received.txt") << received;
        INFO("golden " << path << " differs; got (also in " << name << ".received.txt):\n"
                       << received);
        CHECK(received == approved.str());
    }
}

Event makeEvent(EventKind kind, std::array<std::int32_t, 4> ints, const char* name = "") {
    Event event{};
    event.kind = kind;
    for (std::size_t k = 0; k < 4; ++k) event.ints[k] = ints[k];
    copyTruncated(event.name, kNameCapacity, name);
    return event;
}

void checkMessage(const std::string& name, const Event& event, const char* value = nullptr) {
    std::array<char, 2048> buffer{};
    const std::size_t size = encodeMessage(event, value, buffer);
    CHECK(size == messageSize(event, value));
    checkGolden(name, buffer.data(), size);
}

} // namespace

TEST_CASE("Each address encodes to its approved bytes", "[osc][sender][golden]") {
    checkMessage("query_begin", makeEvent(EventKind::QueryBegin, {3}, "allow"));
    checkMessage("query_end", makeEvent(EventKind::QueryEnd, {3, 1, 42, 0}));
    checkMessage("rule", makeEvent(EventKind::Rule, {3, 2, 4}, "has_role"));
    checkMessage("depth", makeEvent(EventKind::Depth, {3}));
    checkMessage("branch", makeEvent(EventKind::Branch, {2, 3}));
    checkMessage("backtrack", makeEvent(EventKind::Backtrack, {1}));
    checkMessage("result", makeEvent(EventKind::Result, {3, 1}));
    checkMessage("error", makeEvent(EventKind::Error, {3}, "RuntimeError::ArithmeticError"));
}

TEST_CASE("1.2: loads and load errors encode to their approved bytes", "[osc][sender][golden][load]") {
    // The hash cbf29ce484222325 in two int32 halves, low first.
    const auto low = static_cast<std::int32_t>(0x84222325u);
    const auto high = static_cast<std::int32_t>(0xcbf29ce4u);
    checkMessage("policy_loaded", makeEvent(EventKind::PolicyLoad, {low, high, 12, 345}), "policy.polar");
    // The text slot holds the file, a NUL, then the message.
    static const char kText[] = "policy.polar\0did not expect \"if\"";
    checkMessage("policy_error",
                 makeEvent(EventKind::PolicyError, {3, 14}, "ParseError::UnrecognizedToken"), kText);
}

TEST_CASE("Values add one string to /polar/rule and /polar/result", "[osc][sender][golden]") {
    checkMessage("rule_values", makeEvent(EventKind::Rule, {3, 2, 4}, "has_role"),
                 R"(has_role(User("ann"), "admin", _12))");
    checkMessage("result_values", makeEvent(EventKind::Result, {3, 1}), "{x: 2}");
}

TEST_CASE("1.3: /polar/rule/enter encodes to its approved bytes", "[osc][sender][golden][enter]") {
    // has_role, body at depth 3, alternative 1 of 2, call #7 of query 3.
    const Event enter = makeEvent(EventKind::RuleEnter, {packDepthAlternatives(3, 2), 1, 7, 3}, "has_role");
    checkMessage("rule_enter", enter);
    checkMessage("rule_enter_values", enter, "has_role(user, role) if user.role = role;");
}

TEST_CASE("Hello, stats and a bundle encode to their approved bytes", "[osc][sender][golden]") {
    std::array<char, polar::osc::kMaxDatagram> buffer{};
    SECTION("hello") {
        ::osc::OutboundPacketStream out(buffer.data(), buffer.size());
        encodeHello(out, {"polar", 4711, 1283004517});
        checkGolden("hello", out.Data(), out.Size());
    }
    SECTION("stats") {
        ::osc::OutboundPacketStream out(buffer.data(), buffer.size());
        encodeStats(out, {120000, 0, 12, 59873.5f});
        checkGolden("stats", out.Data(), out.Size());
    }
    SECTION("a bundle of two events, stamped 2024-01-01T00:00:00.5Z") {
        ::osc::OutboundPacketStream out(buffer.data(), buffer.size());
        out << ::osc::BeginBundle(ntpFromUnixNs(1'704'067'200'500'000'000));
        encodeEvent(out, makeEvent(EventKind::Depth, {1}), nullptr);
        encodeEvent(out, makeEvent(EventKind::Backtrack, {0}), nullptr);
        out << ::osc::EndBundle;
        checkGolden("bundle", out.Data(), out.Size());
    }
}

TEST_CASE("Encoding saturates, clamps and truncates as documented", "[osc][sender]") {
    SECTION("integers saturate at 2,147,483,647") {
        CHECK(saturate(0) == 0);
        CHECK(saturate(INT32_MAX) == INT32_MAX);
        CHECK(saturate(std::uint64_t{1} << 40) == INT32_MAX);
        CHECK(saturate(UINT64_MAX) == INT32_MAX);
    }
    SECTION("normalised floats are n / scale, clamped to 0..1") {
        CHECK(normalised(3, 32.0f) == 0.09375f);
        CHECK(normalised(32, 32.0f) == 1.0f);
        CHECK(normalised(1000, 16.0f) == 1.0f);
        CHECK(normalised(-1, 16.0f) == 0.0f);
    }
    SECTION("names are cut at 37 bytes, never inside a UTF-8 character") {
        char name[kNameCapacity];
        CHECK(copyTruncated(name, sizeof name, std::string(50, 'a')) == kMaxNameLength);
        CHECK(std::string(name) == std::string(kMaxNameLength, 'a'));
        // 36 ASCII bytes, then "é" (2 bytes) would end at byte 38: dropped whole.
        const std::string accented = std::string(36, 'a') + "\xC3\xA9" + "z";
        CHECK(copyTruncated(name, sizeof name, accented) == 36);
        CHECK(copyTruncated(name, sizeof name, "short") == 5);
    }
    SECTION("predicted sizes match the bytes for the largest messages") {
        const Event rule = makeEvent(EventKind::Rule, {1, 2, 3}, std::string(60, 'r').c_str());
        const std::string value(kMaxValueLength, 'v');
        std::array<char, 2048> buffer{};
        CHECK(encodeMessage(rule, value.c_str(), buffer) == messageSize(rule, value.c_str()));
    }
    SECTION("timetags: NTP seconds since 1900 and a 32-bit fraction") {
        const std::uint64_t tag = ntpFromUnixNs(1'704'067'200'500'000'000);
        CHECK(tag >> 32 == 1'704'067'200ULL + 2'208'988'800ULL);
        CHECK((tag & 0xFFFFFFFFULL) == 0x80000000ULL);
        CHECK(unixNsFromNtp(tag) == 1'704'067'200'500'000'000);
    }
}
