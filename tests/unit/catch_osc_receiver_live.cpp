// catch_osc_receiver_live.cpp — OscReceiver on a real loopback socket.
//
// Each test binds port 0 (the system picks a free one, so parallel ctest
// runs never collide) on 127.0.0.1 or ::1, sends with a plain UDP socket
// and waits for the receive thread's counters. What only a live socket can
// show: datagrams far past oscpack's 4,098-byte buffer arrive whole, the
// counters add up, drain() hands over everything once, and the pending cap
// drops and counts instead of growing.
#include <catch2/catch.hpp>

#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/osc_receiver.hpp"

using namespace polar::osc;
using test::packet;
using test::UdpSender;
using test::waitFor;
using Stream = ::osc::OutboundPacketStream;

namespace {

ReceiverOptions loopback(const char* address = "127.0.0.1") {
    ReceiverOptions options;
    options.address = address;
    options.port = 0;
    return options;
}

} // namespace

TEST_CASE("a live receiver turns a broadcaster-like bundle into events", "[osc][receiver][live]") {
    OscReceiver receiver(loopback());
    UdpSender sender(receiver.port());
    REQUIRE(sender.send(packet([](Stream& s) {
        s << ::osc::BeginBundle(0x0000000380000000ULL)
          << ::osc::BeginMessage(address::kQueryBegin) << 3 << "allow" << ::osc::EndMessage
          << ::osc::BeginMessage(address::kRule) << "allow" << 3 << 0 << 2 << ::osc::EndMessage
          << ::osc::BeginMessage("/other/thing") << 1 << ::osc::EndMessage
          << ::osc::BeginMessage(address::kResult) << "bad" << ::osc::EndMessage
          << ::osc::EndBundle;
    })));
    REQUIRE(sender.send("not osc at all!!"));
    REQUIRE(waitFor([&] { return receiver.counters().datagrams == 2; }));

    const ReceiverCounters c = receiver.counters();
    CHECK(c.messages == 4);
    CHECK(c.bundles == 1);
    CHECK(c.malformed == 1);
    CHECK(c.unknown == 1);
    CHECK(c.mistyped == 1);
    CHECK(c.dropped == 0);
    CHECK(receiver.lastError() == "address does not start with '/'");

    const std::vector<Incoming> got = receiver.drain();
    REQUIRE(got.size() == 4);
    REQUIRE(got[0].event.has_value());
    CHECK(got[0].event->kind == EventKind::QueryBegin);
    CHECK(got[0].event->timetag == 0x0000000380000000ULL);
    REQUIRE(got[1].event.has_value());
    CHECK(got[1].event->name == "allow");
    CHECK(got[1].message.arrival <= Clock::now());
    CHECK_FALSE(got[2].event.has_value());
    CHECK(got[2].message.address == "/other/thing");
    CHECK_FALSE(got[3].event.has_value());
    CHECK(receiver.drain().empty());  // handed over once
}

TEST_CASE("datagrams larger than oscpack's 4,098-byte buffer arrive intact", "[osc][receiver][live]") {
    OscReceiver receiver(loopback());
    UdpSender sender(receiver.port());
    // Near the largest UDP payload over IPv4 (65,507 bytes).
    const std::string values(60000, 'v');
    const std::string bytes = packet([&](Stream& s) {
        s << ::osc::BeginMessage(address::kRule) << "big" << 1 << 0 << 1 << values.c_str()
          << ::osc::EndMessage;
    });
    REQUIRE(bytes.size() > 4098);
    REQUIRE(sender.send(bytes));
    REQUIRE(waitFor([&] { return receiver.counters().datagrams == 1; }));
    CHECK(receiver.counters().bytes == bytes.size());
    CHECK(receiver.counters().malformed == 0);
    const auto got = receiver.drain();
    REQUIRE(got.size() == 1);
    REQUIRE(got[0].event.has_value());
    CHECK(got[0].event->values == values);
}

TEST_CASE("the pending queue is capped and counts what it drops", "[osc][receiver][live]") {
    ReceiverOptions options = loopback();
    options.maxPending = 10;
    OscReceiver receiver(options);
    UdpSender sender(receiver.port());
    for (int i = 0; i < 25; ++i) {
        REQUIRE(sender.send(packet([i](Stream& s) {
            s << ::osc::BeginMessage(address::kBacktrack) << i << ::osc::EndMessage;
        })));
    }
    REQUIRE(waitFor([&] { return receiver.counters().datagrams == 25; }));
    CHECK(receiver.counters().dropped == 15);
    const auto got = receiver.drain();
    REQUIRE(got.size() == 10);
    CHECK(got.front().event->depth == 0);  // the oldest are kept, in order
    CHECK(got.back().event->depth == 9);

    // Draining makes room again.
    REQUIRE(sender.send(packet([](Stream& s) {
        s << ::osc::BeginMessage(address::kBacktrack) << 99 << ::osc::EndMessage;
    })));
    REQUIRE(waitFor([&] { return receiver.counters().datagrams == 26; }));
    CHECK(receiver.drain().size() == 1);
}

TEST_CASE("the receiver listens on IPv6 loopback too", "[osc][receiver][live]") {
    std::unique_ptr<OscReceiver> receiver;
    try {
        receiver = std::make_unique<OscReceiver>(loopback("::1"));
    } catch (const std::runtime_error& error) {
        WARN("no IPv6 loopback here, skipped: " << error.what());
        return;
    }
    CHECK(receiver->describe().rfind("[::1]:", 0) == 0);
    UdpSender sender(receiver->port(), /*ipv6=*/true);
    REQUIRE(sender.send(packet([](Stream& s) { s << ::osc::BeginMessage("/six") << ::osc::EndMessage; })));
    REQUIRE(waitFor([&] { return receiver->counters().datagrams == 1; }));
    CHECK(receiver->drain().at(0).message.address == "/six");
}

TEST_CASE("binding a busy port or a bad address fails with a clear message", "[osc][receiver][live]") {
    OscReceiver first(loopback());
    ReceiverOptions same = loopback();
    same.port = first.port();
    CHECK_THROWS_WITH(OscReceiver(same), Catch::Contains("cannot bind 127.0.0.1:") &&
                                             Catch::Contains("in use"));
    CHECK_THROWS_WITH(OscReceiver(loopback("localhost")),
                      "cannot listen on 'localhost': not an IP address");
}

TEST_CASE("each message says which sender it came from", "[osc][receiver][live]") {
    OscReceiver receiver(loopback());
    UdpSender first(receiver.port());
    UdpSender second(receiver.port());
    const auto depth = [](int d) {
        return packet([d](Stream& s) { s << ::osc::BeginMessage(address::kDepth) << d << 0.5f << ::osc::EndMessage; });
    };
    REQUIRE(first.send(depth(1)));
    REQUIRE(second.send(depth(2)));
    REQUIRE(first.send(depth(3)));
    REQUIRE(waitFor([&] { return receiver.counters().datagrams == 3; }));
    const std::vector<Incoming> got = receiver.drain();
    REQUIRE(got.size() == 3);
    CHECK(got[0].sender.rfind("127.0.0.1:", 0) == 0);
    CHECK(got[0].sender == got[2].sender);   // the same socket, the same sender
    CHECK(got[0].sender != got[1].sender);   // another socket, another port
}
