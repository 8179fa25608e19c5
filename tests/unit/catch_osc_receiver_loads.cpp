// catch_osc_receiver_loads.cpp — address space 1.2 on the receiving side:
// /polar/policy/loaded and /polar/policy/error become PolarEvents with the
// README's meaning in each field, their dump lines (osc_text) are exact,
// a 1.2 hello parses like the older ones, and the wrong type tags stay raw
// messages (counted "mistyped" by the receiver), as for every address.
#include <catch2/catch.hpp>

#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/osc_text.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

using namespace polar::osc;
using test::onlyMessage;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

TEST_CASE("1.2: policy loads and load errors become PolarEvents", "[osc][receiver][load]") {
    SECTION("/polar/hello ssii with version 1.2") {
        const auto e = toPolarEvent(onlyMessage(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kHello) << "1.2" << "polar" << 4711 << 1283004517
              << ::osc::EndMessage;
        })));
        REQUIRE(e);
        CHECK(e->kind == EventKind::Hello);
        CHECK(e->version == "1.2");
        CHECK(e->instanceId == 1283004517);
        CHECK(kVersion == "1.3"); // a 1.3 receiver still reads 1.2 hellos
    }
    SECTION("/polar/policy/loaded ssii") {
        const OscMessage m = onlyMessage(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kPolicyLoaded) << "policy.polar" << "cbf29ce484222325"
              << 12 << 345 << ::osc::EndMessage;
        }));
        const auto e = toPolarEvent(m);
        REQUIRE(e);
        CHECK(e->kind == EventKind::PolicyLoaded);
        CHECK(e->file == "policy.polar");
        CHECK(e->hash == "cbf29ce484222325");
        CHECK(e->rules == 12);
        CHECK(e->bytes == 345);
        CHECK(eventKindName(e->kind) == "policy/loaded");
        CHECK(formatMessage(m) == R"(/polar/policy/loaded ssii "policy.polar" "cbf29ce484222325" 12 345)");
    }
    SECTION("/polar/policy/error siiss") {
        const OscMessage m = onlyMessage(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kPolicyError) << "policy.polar" << 3 << 14
              << "ParseError::UnrecognizedToken" << "did not expect \"if\"" << ::osc::EndMessage;
        }));
        const auto e = toPolarEvent(m);
        REQUIRE(e);
        CHECK(e->kind == EventKind::PolicyError);
        CHECK(e->file == "policy.polar");
        CHECK(e->line == 3);
        CHECK(e->column == 14);
        CHECK(e->name == "ParseError::UnrecognizedToken");
        CHECK(e->message == "did not expect \"if\"");
        CHECK(eventKindName(e->kind) == "policy/error");
        CHECK(formatMessage(m) ==
              R"(/polar/policy/error siiss "policy.polar" 3 14 "ParseError::UnrecognizedToken" "did not expect \"if\"")");
    }
    SECTION("the wrong type tags are ours but not an event") {
        const OscMessage m = onlyMessage(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kPolicyError) << "policy.polar" << 3 << ::osc::EndMessage;
        }));
        CHECK_FALSE(toPolarEvent(m));
        CHECK(isPolarAddress(m.address));
        CHECK(isPolarAddress(address::kPolicyLoaded));
    }
}
