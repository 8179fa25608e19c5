// catch_osc_rule_enter.cpp — /polar/rule/enter (address space 1.3) on the
// wire: what the encoder writes the receiver reads back field for field,
// with and without values; the slot's 16-bit depth and alternatives
// saturate as event.hpp says; hand-made forms parse leniently
// (osc/README.md, "Lenient input") and unusable ones stay raw.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "encoder.hpp"
#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

using namespace polar::osc;
using test::onlyMessage;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

namespace {

detail::Event enterEvent(int depth, int alternative, int alternatives, int call, int queryId,
                         const char* name) {
    detail::Event event{};
    event.kind = detail::EventKind::RuleEnter;
    event.ints[0] = detail::packDepthAlternatives(depth, alternatives);
    event.ints[1] = alternative;
    event.ints[2] = call;
    event.ints[3] = queryId;
    detail::copyTruncated(event.name, detail::kNameCapacity, name);
    return event;
}

// Encodes the event as the sender does and parses it as the viewer does.
PolarEvent roundTrip(const detail::Event& event, const char* value) {
    std::array<char, kMaxDatagram> buffer{};
    const std::size_t size = detail::encodeMessage(event, value, buffer);
    CHECK(size == detail::messageSize(event, value));
    const OscMessage m = onlyMessage(std::string(buffer.data(), size));
    CHECK(typeTags(m) == (value ? "siiiiis" : "siiiii"));
    const auto parsed = toPolarEvent(m);
    REQUIRE(parsed.has_value());
    return *parsed;
}

template <typename Build>
OscMessage enterMessage(Build build) {
    return onlyMessage(packet([&](Stream& s) {
        s << ::osc::BeginMessage(address::kRuleEnter);
        build(s);
        s << ::osc::EndMessage;
    }));
}

PolarEvent eventOf(const OscMessage& m) {
    INFO(m.address << " " << typeTags(m));
    const auto event = toPolarEvent(m);
    REQUIRE(event.has_value());
    CHECK(event->kind == EventKind::RuleEnter);
    return *event;
}

void requireRefused(const OscMessage& m) {
    INFO(m.address << " " << typeTags(m));
    CHECK_FALSE(toPolarEvent(m).has_value());
    CHECK(isPolarAddress(m.address)); // counted "mistyped", not "unknown"
}

} // namespace

TEST_CASE("1.3: /polar/rule/enter survives encoder and receiver", "[osc][enter]") {
    const detail::Event event = enterEvent(3, 1, 2, 7, 3, "has_role");
    SECTION("without values: siiiii") {
        const PolarEvent e = roundTrip(event, nullptr);
        CHECK(e.kind == EventKind::RuleEnter);
        CHECK(e.name == "has_role");
        CHECK(e.depth == 3);
        CHECK(e.alternative == 1);
        CHECK(e.alternatives == 2);
        CHECK(e.call == 7);
        CHECK(e.queryId == 3);
        CHECK(e.values.empty());
    }
    SECTION("with values: siiiiis, the rule's source text") {
        const PolarEvent e = roundTrip(event, "has_role(u, r) if u.role = r;");
        CHECK(e.name == "has_role");
        CHECK(e.call == 7);
        CHECK(e.queryId == 3);
        CHECK(e.values == "has_role(u, r) if u.role = r;");
    }
    SECTION("the largest entry, name cut and value full, still fits a datagram") {
        const std::string longName(60, 'r');
        detail::Event big = enterEvent(1, 0, 1, 1, 1, "");
        const std::size_t n = detail::copyTruncated(big.name, detail::kNameCapacity, longName);
        detail::markTruncated(big.name, n, longName.size());
        const std::string value(detail::kMaxValueLength, 'v');
        const PolarEvent e = roundTrip(big, value.c_str());
        CHECK(e.name == std::string(detail::kMaxNameLength - 1, 'r') + "~");
        CHECK(e.values == value);
        CHECK(detail::messageSize(big, value.c_str()) + 4 + 20 <= kMaxDatagram);
    }
    CHECK(eventKindName(EventKind::RuleEnter) == "rule/enter");
    CHECK(kVersion == "1.3");
}

TEST_CASE("1.3: the entry's depth and alternatives saturate at 65,535 in the slot", "[osc][enter]") {
    constexpr int kBig = std::numeric_limits<int>::max();
    SECTION("exact below the limit") {
        const std::int32_t packed = detail::packDepthAlternatives(65535, 40000);
        CHECK(detail::unpackDepth(packed) == 65535);
        CHECK(detail::unpackAlternatives(packed) == 40000);
    }
    SECTION("saturated above it, negative clamps to 0") {
        const std::int32_t packed = detail::packDepthAlternatives(kBig, 70000);
        CHECK(detail::unpackDepth(packed) == 65535);
        CHECK(detail::unpackAlternatives(packed) == 65535);
        CHECK(detail::unpackDepth(detail::packDepthAlternatives(-1, 0)) == 0);
    }
    SECTION("the identity stays exact: alternative, call and query id") {
        const PolarEvent e = roundTrip(enterEvent(70000, 99999, 100000, kBig, kBig, "f"), nullptr);
        CHECK(e.depth == 65535);
        CHECK(e.alternatives == 65535);
        CHECK(e.alternative == 99999);
        CHECK(e.call == kBig);
        CHECK(e.queryId == kBig);
    }
}

TEST_CASE("1.3: /polar/rule/enter made by hand parses leniently", "[osc][receiver][lenient][enter]") {
    SECTION("only the name: defaults depth 0, alternative 0, alternatives 1, call 0, query 0") {
        const PolarEvent e = eventOf(enterMessage([](Stream& s) { s << "f"; }));
        CHECK(e.name == "f");
        CHECK(e.depth == 0);
        CHECK(e.alternative == 0);
        CHECK(e.alternatives == 1);
        CHECK(e.call == 0);
        CHECK(e.queryId == 0);
        CHECK(e.values.empty());
    }
    SECTION("a symbol name and floats, rounded to nearest") {
        const PolarEvent e = eventOf(enterMessage([](Stream& s) {
            s << ::osc::Symbol("has_role") << 2.6f << 1.0 << std::int64_t{3} << 7.4f << 2;
        }));
        CHECK(e.name == "has_role");
        CHECK(e.depth == 3);
        CHECK(e.alternative == 1);
        CHECK(e.alternatives == 3);
        CHECK(e.call == 7);
        CHECK(e.queryId == 2);
    }
    SECTION("some numbers left out") {
        const PolarEvent e = eventOf(enterMessage([](Stream& s) { s << "g" << 4 << 2; }));
        CHECK(e.depth == 4);
        CHECK(e.alternative == 2);
        CHECK(e.alternatives == 1);
        CHECK(e.call == 0);
    }
    SECTION("arguments past the values string are ignored") {
        const PolarEvent e = eventOf(enterMessage(
            [](Stream& s) { s << "f" << 1 << 0 << 2 << 1 << 1 << "f(1);" << 99 << "later"; }));
        CHECK(e.values == "f(1);");
        CHECK(e.call == 1);
    }
    SECTION("unusable: no name, a number for the name, a string or NaN for a number") {
        requireRefused(enterMessage([](Stream&) {}));
        requireRefused(enterMessage([](Stream& s) { s << 3 << 1; }));
        requireRefused(enterMessage([](Stream& s) { s << "f" << "deep"; }));
        requireRefused(enterMessage([](Stream& s) { s << "f" << 1 << std::nanf(""); }));
    }
    CHECK(isPolarAddress("/polar/rule/enter"));
    CHECK_FALSE(isPolarAddress("/polar/rule/enter/"));
}
