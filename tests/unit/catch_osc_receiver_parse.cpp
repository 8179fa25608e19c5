// catch_osc_receiver_parse.cpp — parseDatagram() and PolarEvents, no socket.
//
// Every address of osc/README.md's table, encoded with oscpack as the
// broadcaster does, must come back as the PolarEvent with the README's
// meaning in each field; bundles and nested bundles keep their timetags
// and depth; a message without arguments is fine; and every broken packet
// is reported malformed with a reason, never thrown, never half-delivered.
#include <catch2/catch.hpp>

#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

using namespace polar::osc;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

namespace {

std::vector<OscMessage> parseAll(const std::string& bytes, DatagramSummary* summary = nullptr) {
    std::vector<OscMessage> out;
    const DatagramSummary result = parseDatagram(bytes.data(), bytes.size(), Clock::now(), out);
    if (summary != nullptr) *summary = result;
    return out;
}

PolarEvent eventOf(const std::string& bytes) {
    const auto messages = parseAll(bytes);
    REQUIRE(messages.size() == 1);
    const auto event = toPolarEvent(messages[0]);
    REQUIRE(event.has_value());
    return *event;
}

} // namespace

TEST_CASE("every address of the README table becomes its PolarEvent", "[osc][receiver]") {
    SECTION("/polar/hello ssi") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kHello) << "1.0" << "polar" << 4711 << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Hello);
        CHECK(e.version == "1.0");
        CHECK(e.name == "polar");
        CHECK(e.processId == 4711);
        CHECK(e.instanceId == -1); // a 1.0 hello has none
    }
    SECTION("/polar/hello ssii (1.1: with the instance id)") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kHello) << "1.1" << "polar" << 4711 << 1283004517
              << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Hello);
        CHECK(e.version == "1.1");
        CHECK(e.name == "polar");
        CHECK(e.processId == 4711);
        CHECK(e.instanceId == 1283004517);
    }
    SECTION("/polar/query/begin is") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kQueryBegin) << 3 << "allow" << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::QueryBegin);
        CHECK(e.queryId == 3);
        CHECK(e.name == "allow");
    }
    SECTION("/polar/query/end iiii") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kQueryEnd) << 3 << 1 << 42 << 1 << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::QueryEnd);
        CHECK(e.queryId == 3);
        CHECK(e.results == 1);
        CHECK(e.steps == 42);
        CHECK(e.failed);
    }
    SECTION("/polar/rule siii and siiis") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kRule) << "has_role" << 3 << 2 << 4 << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Rule);
        CHECK(e.name == "has_role");
        CHECK(e.arity == 3);
        CHECK(e.depth == 2);
        CHECK(e.applicable == 4);
        CHECK(e.values.empty());
        const auto v = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kRule) << "has_role" << 3 << 2 << 4
              << "has_role(User(\"ann\"), \"admin\", _12)" << ::osc::EndMessage;
        }));
        CHECK(v.values == "has_role(User(\"ann\"), \"admin\", _12)");
    }
    SECTION("/polar/depth if") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kDepth) << 3 << 0.09375f << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Depth);
        CHECK(e.depth == 3);
        CHECK(e.normalised == 0.09375f);
    }
    SECTION("/polar/branch iif") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kBranch) << 2 << 3 << 0.1875f << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Branch);
        CHECK(e.depth == 2);
        CHECK(e.alternatives == 3);
        CHECK(e.normalised == 0.1875f);
    }
    SECTION("/polar/backtrack i") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kBacktrack) << 1 << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Backtrack);
        CHECK(e.depth == 1);
    }
    SECTION("/polar/result ii and iis") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kResult) << 3 << 1 << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Result);
        CHECK(e.queryId == 3);
        CHECK(e.ordinal == 1);
        const auto v = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kResult) << 3 << 1 << "{x: 2}" << ::osc::EndMessage;
        }));
        CHECK(v.values == "{x: 2}");
    }
    SECTION("/polar/error is") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kError) << 3 << "RuntimeError::ArithmeticError"
              << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Error);
        CHECK(e.queryId == 3);
        CHECK(e.name == "RuntimeError::ArithmeticError");
    }
    SECTION("/polar/stats iiif") {
        const auto e = eventOf(packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kStats) << 120000 << 0 << 12 << 59873.5f
              << ::osc::EndMessage;
        }));
        CHECK(e.kind == EventKind::Stats);
        CHECK(e.sent == 120000);
        CHECK(e.dropped == 0);
        CHECK(e.waiting == 12);
        CHECK(e.perSecond == 59873.5f);
    }
}

TEST_CASE("event kinds are named after their addresses", "[osc][receiver]") {
    CHECK(eventKindName(EventKind::QueryBegin) == "query/begin");
    CHECK(eventKindName(EventKind::Stats) == "stats");
    CHECK(isPolarAddress(address::kBacktrack));
    CHECK_FALSE(isPolarAddress("/polar"));
    CHECK_FALSE(isPolarAddress("/polar/rules"));
}

TEST_CASE("wrong type tags and foreign addresses stay raw messages", "[osc][receiver]") {
    const auto mistyped = parseAll(packet([](Stream& s) {
        s << ::osc::BeginMessage(address::kRule) << 1 << 2 << 3 << 4 << ::osc::EndMessage;
    }));
    REQUIRE(mistyped.size() == 1);
    CHECK_FALSE(toPolarEvent(mistyped[0]).has_value());
    CHECK(isPolarAddress(mistyped[0].address));

    const auto foreign = parseAll(packet([](Stream& s) {
        s << ::osc::BeginMessage("/synth/freq") << 440.0f << ::osc::EndMessage;
    }));
    REQUIRE(foreign.size() == 1);
    CHECK(foreign[0].address == "/synth/freq");
    CHECK(std::get<float>(foreign[0].args.at(0)) == 440.0f);
    CHECK_FALSE(toPolarEvent(foreign[0]).has_value());
    CHECK_FALSE(isPolarAddress(foreign[0].address));
}

TEST_CASE("timetags convert to wall-clock time", "[osc][receiver]") {
    using namespace std::chrono;
    constexpr std::uint64_t kUnixEpochNtp = 2'208'988'800ULL;
    CHECK(timetagToSystemTime(((kUnixEpochNtp + 1) << 32) | 0x8000'0000ULL) ==
          system_clock::time_point(milliseconds(1500)));
    CHECK(timetagToSystemTime(kTimetagImmediately) == system_clock::time_point{});
}
