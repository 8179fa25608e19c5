// encoder.cpp — see encoder.hpp. The argument lists here and the table in
// osc/README.md must agree; the golden tests hold them to the bytes.
#include "encoder.hpp"

#include <oscpack/osc/OscOutboundPacketStream.h>

#include <algorithm>
#include <cstring>

#include "polar/osc/address_space.hpp"
#include "load_events.hpp"

namespace polar::osc::detail {
namespace {

using ::osc::BeginMessage;
using ::osc::EndMessage;

// OSC pads every string, and the type tag string, to a multiple of 4 bytes
// including at least one NUL.
constexpr std::size_t paddedString(std::size_t length) { return (length + 4) & ~std::size_t{3}; }

std::size_t stringArgument(const char* text) { return paddedString(std::strlen(text)); }

} // namespace

float normalised(std::int32_t n, float scale) {
    return std::clamp(static_cast<float>(n) / scale, 0.0f, 1.0f);
}

void encodeQueryBegin(Stream& out, const Event& event) {
    out << BeginMessage(address::kQueryBegin) << event.ints[0] << event.name << EndMessage;
}

void encodeQueryEnd(Stream& out, const Event& event) {
    out << BeginMessage(address::kQueryEnd) << event.ints[0] << event.ints[1] << event.ints[2]
        << event.ints[3] << EndMessage;
}

void encodeRule(Stream& out, const Event& event, const char* value) {
    out << BeginMessage(address::kRule) << event.name << event.ints[0] << event.ints[1]
        << event.ints[2];
    if (value) out << value;
    out << EndMessage;
}

// The wire order is the README's: name, depth, alternative, alternatives,
// call, query id; the slot packs depth and alternatives (event.hpp).
void encodeRuleEnter(Stream& out, const Event& event, const char* value) {
    out << BeginMessage(address::kRuleEnter) << event.name << unpackDepth(event.ints[0])
        << event.ints[1] << unpackAlternatives(event.ints[0]) << event.ints[2] << event.ints[3];
    if (value) out << value;
    out << EndMessage;
}

void encodeDepth(Stream& out, const Event& event) {
    out << BeginMessage(address::kDepth) << event.ints[0] << normalised(event.ints[0], kDepthScale)
        << EndMessage;
}

void encodeBranch(Stream& out, const Event& event) {
    out << BeginMessage(address::kBranch) << event.ints[0] << event.ints[1]
        << normalised(event.ints[1], kAlternativesScale) << EndMessage;
}

void encodeBacktrack(Stream& out, const Event& event) {
    out << BeginMessage(address::kBacktrack) << event.ints[0] << EndMessage;
}

void encodeResult(Stream& out, const Event& event, const char* value) {
    out << BeginMessage(address::kResult) << event.ints[0] << event.ints[1];
    if (value) out << value;
    out << EndMessage;
}

void encodeError(Stream& out, const Event& event) {
    out << BeginMessage(address::kError) << event.ints[0] << event.name << EndMessage;
}

// 16 lowercase hex digits: OSC 1.0 has no int64 that Pd reads, and a
// string compares and prints the same everywhere.
static void hashHex(const Event& event, char (&out)[17]) {
    const std::uint64_t hash = (std::uint64_t{static_cast<std::uint32_t>(event.ints[1])} << 32) |
                               static_cast<std::uint32_t>(event.ints[0]);
    static constexpr char kDigits[] = "0123456789abcdef";
    for (int k = 0; k < 16; ++k) out[k] = kDigits[(hash >> (60 - 4 * k)) & 0xF];
    out[16] = '\0';
}

// The largest load message, /polar/policy/error with a full file, name and
// message, fits one bundled datagram like every other event.
static_assert(16 + 4 + 20 + 8 + (kMaxFileLength + 4) + 8 + 40 + (kMaxLoadMessageLength + 4) <=
                  kMaxDatagram,
              "a load error fits a datagram");

// A missing text (cannot happen: begin() claims one) still encodes.
static const char* orEmpty(const char* text) { return text ? text : ""; }

void encodePolicyLoaded(Stream& out, const Event& event, const char* text) {
    char hash[17];
    hashHex(event, hash);
    out << BeginMessage(address::kPolicyLoaded) << orEmpty(text) << hash << event.ints[2]
        << event.ints[3] << EndMessage;
}

void encodePolicyError(Stream& out, const Event& event, const char* text) {
    const char* file = orEmpty(text);
    const char* message = text ? policyErrorMessage(text) : "";
    out << BeginMessage(address::kPolicyError) << file << event.ints[0] << event.ints[1]
        << event.name << message << EndMessage;
}

void encodeEvent(Stream& out, const Event& event, const char* value) {
    switch (event.kind) {
        case EventKind::QueryBegin:
            encodeQueryBegin(out, event);
            return;
        case EventKind::QueryEnd:
            encodeQueryEnd(out, event);
            return;
        case EventKind::Rule:
            encodeRule(out, event, value);
            return;
        case EventKind::Depth:
            encodeDepth(out, event);
            return;
        case EventKind::Branch:
            encodeBranch(out, event);
            return;
        case EventKind::Backtrack:
            encodeBacktrack(out, event);
            return;
        case EventKind::Result:
            encodeResult(out, event, value);
            return;
        case EventKind::Error:
            encodeError(out, event);
            return;
        case EventKind::PolicyLoad:
            encodePolicyLoaded(out, event, value);
            return;
        case EventKind::PolicyError:
            encodePolicyError(out, event, value);
            return;
        case EventKind::RuleEnter:
            encodeRuleEnter(out, event, value);
            return;
    }
}

void encodeHello(Stream& out, const Hello& hello) {
    // kVersion is a string_view over a literal, so data() is NUL-terminated.
    out << BeginMessage(address::kHello) << kVersion.data() << hello.program << hello.pid
        << hello.instance << EndMessage;
}

void encodeStats(Stream& out, const StatsMessage& stats) {
    out << BeginMessage(address::kStats) << saturate(stats.sent) << saturate(stats.dropped)
        << saturate(stats.waiting) << stats.eventsPerSecond << EndMessage;
}

std::size_t messageSize(const Event& event, const char* value) {
    // Address, type tags (',' + one per argument) and 4-byte numbers; the
    // strings are added below.
    auto fixed = [](const char* address, std::size_t arguments, std::size_t numbers) {
        return paddedString(std::strlen(address)) + paddedString(1 + arguments) + 4 * numbers;
    };
    const std::size_t valueSize = value ? stringArgument(value) : 0;
    const std::size_t extra = value ? 1 : 0;
    switch (event.kind) {
        case EventKind::QueryBegin:
            return fixed(address::kQueryBegin, 2, 1) + stringArgument(event.name);
        case EventKind::QueryEnd:
            return fixed(address::kQueryEnd, 4, 4);
        case EventKind::Rule:
            return fixed(address::kRule, 4 + extra, 3) + stringArgument(event.name) + valueSize;
        case EventKind::Depth:
            return fixed(address::kDepth, 2, 2);
        case EventKind::Branch:
            return fixed(address::kBranch, 3, 3);
        case EventKind::Backtrack:
            return fixed(address::kBacktrack, 1, 1);
        case EventKind::Result:
            return fixed(address::kResult, 2 + extra, 2) + valueSize;
        case EventKind::Error:
            return fixed(address::kError, 2, 1) + stringArgument(event.name);
        case EventKind::PolicyLoad:
            return fixed(address::kPolicyLoaded, 4, 2) + stringArgument(value ? value : "") +
                   paddedString(16);
        case EventKind::PolicyError:
            return fixed(address::kPolicyError, 5, 2) + stringArgument(value ? value : "") +
                   stringArgument(event.name) +
                   stringArgument(value ? policyErrorMessage(value) : "");
        case EventKind::RuleEnter:
            return fixed(address::kRuleEnter, 6 + extra, 5) + stringArgument(event.name) + valueSize;
    }
    return 0;
}

std::size_t encodeMessage(const Event& event, const char* value, std::span<char> buffer) {
    Stream out(buffer.data(), buffer.size());
    encodeEvent(out, event, value);
    return out.Size();
}

} // namespace polar::osc::detail
