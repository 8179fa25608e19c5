// catch_osc_receiver_lenient.cpp — lenient input (issue 15, osc/README.md
// "Lenient input"): messages made by hand, the way TouchDesigner, Max or
// SuperCollider send them, become events — any numeric type for a number,
// a symbol for a name, trailing arguments left out — and what is still
// unusable stays a raw message that a live receiver counts as "mistyped".
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/osc_receiver.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

using namespace polar::osc;
using test::onlyMessage;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

namespace {

constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();


// The message `address` with the arguments `build` streams, as received.
template <typename Build>
OscMessage message(const char* address, Build build) {
    return onlyMessage(packet([&](Stream& s) {
        s << ::osc::BeginMessage(address);
        build(s);
        s << ::osc::EndMessage;
    }));
}

PolarEvent eventOf(const OscMessage& m) {
    INFO(m.address << " " << typeTags(m));
    const auto event = toPolarEvent(m);
    REQUIRE(event.has_value());
    return *event;
}

void requireRefused(const OscMessage& m) {
    INFO(m.address << " " << typeTags(m));
    CHECK_FALSE(toPolarEvent(m).has_value());
    CHECK(isPolarAddress(m.address));
}

} // namespace

TEST_CASE("osc lenient input: /polar/depth in the forms of the user report", "[osc][receiver][lenient]") {
    SECTION("ff 4.0 0.125") {
        const auto m = message(address::kDepth, [](Stream& s) { s << 4.0f << 0.125f; });
        CHECK(typeTags(m) == "ff");
        const auto e = eventOf(m);
        CHECK(e.kind == EventKind::Depth);
        CHECK(e.depth == 4);
        CHECK(e.normalised == 0.125f);
    }
    SECTION("ii 4 0: an int normalised value is a number too") {
        const auto e = eventOf(message(address::kDepth, [](Stream& s) { s << 4 << 0; }));
        CHECK(e.depth == 4);
        CHECK(e.normalised == 0.0f);
    }
    SECTION("i 5: the normalised value is computed as the sender would, 5/32") {
        const auto e = eventOf(message(address::kDepth, [](Stream& s) { s << 5; }));
        CHECK(e.depth == 5);
        CHECK(e.normalised == 5.0f / kDepthScale);
    }
    SECTION("f 4.6 rounds to nearest: 5") {
        const auto e = eventOf(message(address::kDepth, [](Stream& s) { s << 4.6f; }));
        CHECK(e.depth == 5);
        CHECK(e.normalised == 5.0f / kDepthScale);
    }
    SECTION("halves round away from zero") {
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << 4.5f; })).depth == 5);
        CHECK(eventOf(message(address::kBacktrack, [](Stream& s) { s << -4.5; })).depth == -5);
    }
    SECTION("h (int64) and d (double)") {
        const auto m = message(address::kDepth, [](Stream& s) { s << ::osc::int64(7) << 0.25; });
        CHECK(typeTags(m) == "hd");
        const auto e = eventOf(m);
        CHECK(e.depth == 7);
        CHECK(e.normalised == 0.25f);
    }
    SECTION("a computed normalised value clamps to 0..1") {
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << 100; })).normalised == 1.0f);
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << -3; })).normalised == 0.0f);
    }
    SECTION("out-of-range numbers saturate to int32") {
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << 1e12f; })).depth == kMax);
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << -1e300; })).depth == kMin);
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << ::osc::int64(1LL << 40); })).depth ==
              kMax);
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << ::osc::int64(-5000000000LL); }))
                  .depth == kMin);
        CHECK(eventOf(message(address::kDepth, [](Stream& s) { s << 2147483647.5; })).depth == kMax);
    }
}

TEST_CASE("osc lenient input: missing trailing arguments take the README's defaults", "[osc][receiver][lenient]") {
    SECTION("/polar/rule with a symbol name alone") {
        const auto m = message(address::kRule, [](Stream& s) { s << ::osc::Symbol("has_role"); });
        CHECK(typeTags(m) == "S");
        const auto e = eventOf(m);
        CHECK(e.kind == EventKind::Rule);
        CHECK(e.name == "has_role");
        CHECK(e.arity == 0);
        CHECK(e.depth == 0);
        CHECK(e.applicable == 1);
        CHECK(e.values.empty());
    }
    SECTION("/polar/rule with float counts and a symbol value") {
        const auto e = eventOf(message(address::kRule, [](Stream& s) {
            s << "allow" << 3.0f << 2.0 << ::osc::int64(4) << ::osc::Symbol("allow(1, 2, 3)");
        }));
        CHECK(e.arity == 3);
        CHECK(e.depth == 2);
        CHECK(e.applicable == 4);
        CHECK(e.values == "allow(1, 2, 3)");
    }
    SECTION("/polar/branch d a: normalised a/16") {
        const auto e = eventOf(message(address::kBranch, [](Stream& s) { s << 2 << 3.0f; }));
        CHECK(e.depth == 2);
        CHECK(e.alternatives == 3);
        CHECK(e.normalised == 3.0f / kAlternativesScale);
    }
    SECTION("/polar/result and /polar/backtrack without arguments") {
        const auto result = eventOf(message(address::kResult, [](Stream&) {}));
        CHECK(result.queryId == 0);
        CHECK(result.ordinal == 1);
        const auto backtrack = eventOf(message(address::kBacktrack, [](Stream&) {}));
        CHECK(backtrack.kind == EventKind::Backtrack);
        CHECK(backtrack.depth == 0);
    }
    SECTION("/polar/query/end with T/F or a float for the failed flag") {
        const auto t = eventOf(message(address::kQueryEnd, [](Stream& s) { s << 3 << 1 << 42 << true; }));
        CHECK(t.failed);
        const auto f = eventOf(message(address::kQueryEnd, [](Stream& s) { s << 3.0f << 1 << 42 << false; }));
        CHECK(f.queryId == 3);
        CHECK_FALSE(f.failed);
        CHECK(eventOf(message(address::kQueryEnd, [](Stream& s) { s << 3 << 0 << 0 << 1.0f; })).failed);
        const auto shortest = eventOf(message(address::kQueryEnd, [](Stream& s) { s << 9; }));
        CHECK(shortest.queryId == 9);
        CHECK(shortest.results == 0);
        CHECK_FALSE(shortest.failed);
    }
    SECTION("/polar/hello with version and name only") {
        const auto e = eventOf(message(address::kHello, [](Stream& s) { s << "1.2" << ::osc::Symbol("td"); }));
        CHECK(e.name == "td");
        CHECK(e.processId == 0);
        CHECK(e.instanceId == -1);
    }
    SECTION("/polar/policy/error without its message, /polar/policy/loaded without counts") {
        const auto error = eventOf(message(address::kPolicyError, [](Stream& s) {
            s << "p.polar" << 3.0f << 14 << "ParseError::UnrecognizedToken";
        }));
        CHECK(error.line == 3);
        CHECK(error.name == "ParseError::UnrecognizedToken");
        CHECK(error.message.empty());
        const auto loaded = eventOf(message(address::kPolicyLoaded, [](Stream& s) { s << "p.polar" << "00ff"; }));
        CHECK(loaded.hash == "00ff");
        CHECK(loaded.rules == 0);
    }
    SECTION("arguments past the longest form are ignored") {
        const auto e = eventOf(message(address::kDepth, [](Stream& s) { s << 3 << 0.5f << "extra" << 9; }));
        CHECK(e.depth == 3);
        CHECK(e.normalised == 0.5f);
        CHECK(eventOf(message(address::kRule, [](Stream& s) { s << "r" << 1 << 2 << 3 << "v" << 4; })).values ==
              "v");
    }
}

TEST_CASE("osc lenient input: what is still unusable is refused", "[osc][receiver][lenient]") {
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    constexpr float kInf = std::numeric_limits<float>::infinity();
    requireRefused(message(address::kDepth, [](Stream& s) { s << "deep"; }));
    requireRefused(message(address::kDepth, [](Stream& s) { s << ::osc::Symbol("deep"); }));
    requireRefused(message(address::kDepth, [](Stream&) {}));  // the depth is required
    requireRefused(message(address::kRule, [](Stream&) {}));   // the name is required
    requireRefused(message(address::kRule, [](Stream& s) { s << 5; }));
    requireRefused(message(address::kDepth, [&](Stream& s) { s << kNaN; }));
    requireRefused(message(address::kDepth, [&](Stream& s) { s << kInf; }));
    requireRefused(message(address::kDepth, [](Stream& s) { s << -std::numeric_limits<double>::infinity(); }));
    requireRefused(message(address::kDepth, [&](Stream& s) { s << 4 << kNaN; }));  // NaN normalised
    requireRefused(message(address::kBranch, [](Stream& s) { s << 2; }));          // no alternatives
    requireRefused(message(address::kError, [](Stream& s) { s << 3; }));           // no error name
    requireRefused(message(address::kHello, [](Stream& s) { s << "1.2" << "td" << 1 << "x"; }));
    requireRefused(message(address::kQueryEnd, [](Stream& s) { s << 3 << 1 << 42 << "yes"; }));
    requireRefused(message(address::kResult, [](Stream& s) { s << ::osc::OscNil; }));
}

TEST_CASE("osc lenient input: a live receiver delivers lenient forms and counts the unusable as mistyped",
          "[osc][receiver][lenient][live]") {
    ReceiverOptions options;
    options.port = 0;
    OscReceiver receiver(options);
    test::UdpSender sender(receiver.port());
    const auto send = [&](auto build) { REQUIRE(sender.send(packet(build))); };
    // Accepted: the user report's forms, one datagram each as a patch sends them.
    send([](Stream& s) { s << ::osc::BeginMessage(address::kDepth) << 4.0f << 0.125f << ::osc::EndMessage; });
    send([](Stream& s) { s << ::osc::BeginMessage(address::kDepth) << 4 << 0 << ::osc::EndMessage; });
    send([](Stream& s) { s << ::osc::BeginMessage(address::kDepth) << 5 << ::osc::EndMessage; });
    send([](Stream& s) { s << ::osc::BeginMessage(address::kRule) << ::osc::Symbol("r") << ::osc::EndMessage; });
    // Refused.
    send([](Stream& s) { s << ::osc::BeginMessage(address::kDepth) << "deep" << ::osc::EndMessage; });
    send([](Stream& s) { s << ::osc::BeginMessage(address::kRule) << ::osc::EndMessage; });
    send([](Stream& s) {
        s << ::osc::BeginMessage(address::kDepth) << std::numeric_limits<float>::quiet_NaN()
          << ::osc::EndMessage;
    });
    REQUIRE(test::waitFor([&] { return receiver.counters().datagrams == 7; }));

    const ReceiverCounters c = receiver.counters();
    CHECK(c.messages == 7);
    CHECK(c.mistyped == 3);
    CHECK(c.unknown == 0);
    CHECK(c.malformed == 0);
    const std::vector<Incoming> got = receiver.drain();
    REQUIRE(got.size() == 7);
    for (std::size_t i = 0; i < 4; ++i) REQUIRE(got[i].event.has_value());
    CHECK(got[0].event->depth == 4);
    CHECK(got[0].event->normalised == 0.125f);
    CHECK(got[1].event->normalised == 0.0f);
    CHECK(got[2].event->depth == 5);
    CHECK(got[2].event->normalised == 5.0f / kDepthScale);
    CHECK(got[3].event->kind == EventKind::Rule);
    CHECK(got[3].event->applicable == 1);
    for (std::size_t i = 4; i < 7; ++i) CHECK_FALSE(got[i].event.has_value());
}
