// catch_osc_receiver_flood.cpp — random datagrams at a live OscReceiver.
//
// A hostile or broken sender must never stop the receiver: this test sends
// a stream of random datagrams (pure noise, valid packets with bytes
// flipped or cut, and valid packets) and checks that the receiver is still
// alive afterwards and that its counters equal what parseDatagram() says
// about the very same bytes — so every datagram was received, parsed and
// counted exactly once.
//
// The count is the full 1,000,000 in a normal build (about 5 s) and
// 100,000 under AddressSanitizer, which is several times slower;
// POLAR_OSC_FLOOD=N overrides either.
// UDP has no flow control and the kernel drops what a full socket buffer
// cannot hold, which would make exact counts meaningless, so the sender
// keeps at most kWindow datagrams in flight — well inside the default
// 208 KiB buffer — and waits for the receive thread to catch up.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "osc_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/osc_receiver.hpp"
#include "polar/osc/parse_datagram.hpp"

using namespace polar::osc;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr std::uint64_t kDefaultCount = 100'000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::uint64_t kDefaultCount = 100'000;
#else
constexpr std::uint64_t kDefaultCount = 1'000'000;
#endif
#else
constexpr std::uint64_t kDefaultCount = 1'000'000;
#endif
constexpr std::uint64_t kWindow = 64;
// A receiver that takes no datagram for this long is stuck, and the test
// fails instead of hanging. A safety net on progress, not on the whole run:
// a healthy run takes ~11 s, 43 s with two CPU hogs beside it, and more
// under the sanitizers — none of which may fail it (a 120 s limit on the
// whole flood could have).
constexpr auto kStuckReceiver = std::chrono::seconds(60);

std::uint64_t floodCount() {
    const char* text = std::getenv("POLAR_OSC_FLOOD");
    return text != nullptr ? std::strtoull(text, nullptr, 10) : kDefaultCount;
}

std::vector<std::string> templates() {
    return {
        packet([](Stream& s) {
            s << ::osc::BeginBundle(1) << ::osc::BeginMessage(address::kRule) << "has_role" << 3
              << 2 << 4 << ::osc::EndMessage << ::osc::BeginMessage(address::kDepth) << 3
              << 0.09375f << ::osc::EndMessage << ::osc::BeginBundle(2)
              << ::osc::BeginMessage(address::kBacktrack) << 1 << ::osc::EndMessage
              << ::osc::EndBundle << ::osc::EndBundle;
        }),
        packet([](Stream& s) {
            s << ::osc::BeginMessage(address::kHello) << "1.0" << "polar" << 4711 << ::osc::EndMessage;
        }),
        packet([](Stream& s) {
            const char blob[5] = {1, 2, 3, 4, 5};
            s << ::osc::BeginMessage("/x") << ::osc::Blob(blob, 5) << 1.5 << std::int64_t{7}
              << ::osc::BeginArray << true << ::osc::EndArray << ::osc::EndMessage;
        }),
    };
}

std::string randomDatagram(std::mt19937& rng, const std::vector<std::string>& valid) {
    const auto pick = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    std::string bytes;
    switch (pick(4)) {
        case 0:  // noise, a multiple of 4 bytes half of the time
            bytes.resize(pick(2) == 0 ? pick(600) : 4 * pick(150));
            for (char& c : bytes) c = static_cast<char>(pick(256));
            break;
        case 1:  // a valid packet with a few bytes flipped
            bytes = valid[pick(valid.size())];
            for (std::size_t n = pick(4) + 1; n > 0; --n) bytes[pick(bytes.size())] = static_cast<char>(pick(256));
            break;
        case 2:  // a valid packet cut short
            bytes = valid[pick(valid.size())];
            bytes.resize(pick(bytes.size()));
            break;
        default:
            bytes = valid[pick(valid.size())];
    }
    return bytes;
}

} // namespace

TEST_CASE("a receiver survives a flood of random datagrams and counts each", "[osc][receiver][live][flood]") {
    const std::uint64_t count = floodCount();
    ReceiverOptions options;
    options.port = 0;
    OscReceiver receiver(options);
    test::UdpSender sender(receiver.port());
    const std::vector<std::string> valid = templates();
    std::mt19937 rng(20261121);

    std::uint64_t malformed = 0, messages = 0, bundles = 0, bytes = 0, drained = 0;
    std::vector<OscMessage> scratch;
    std::vector<Incoming> got;
    auto lastProgress = std::chrono::steady_clock::now();
    std::uint64_t lastReceived = 0;
    for (std::uint64_t sent = 0; sent < count; ++sent) {
        const std::string datagram = randomDatagram(rng, valid);
        scratch.clear();
        const DatagramSummary expected =
            parseDatagram(datagram.data(), datagram.size(), Clock::now(), scratch);
        malformed += expected.malformed ? 1 : 0;
        messages += expected.messages;
        bundles += expected.bundles;
        bytes += datagram.size();
        for (std::uint64_t received = receiver.counters().datagrams; sent - received >= kWindow;
             received = receiver.counters().datagrams) {
            const auto now = std::chrono::steady_clock::now();
            if (received != lastReceived) {
                lastReceived = received;
                lastProgress = now;
            }
            REQUIRE(now - lastProgress < kStuckReceiver);
            std::this_thread::yield();
        }
        REQUIRE(sender.send(datagram));
        if (sent % 4096 == 0) {  // a consumer draining now and then, as a viewer would
            receiver.drain(got);
            drained += got.size();
        }
    }
    REQUIRE(test::waitFor([&] { return receiver.counters().datagrams == count; }));
    receiver.drain(got);
    drained += got.size();

    const ReceiverCounters c = receiver.counters();
    CHECK(c.datagrams == count);
    CHECK(c.bytes == bytes);
    CHECK(c.malformed == malformed);
    CHECK(c.messages == messages);
    CHECK(c.bundles == bundles);
    CHECK(drained + c.dropped == messages);
    INFO("sent " << count << " datagrams: " << malformed << " malformed, " << messages
                 << " messages");
    CHECK(malformed > count / 4);  // the mix really is hostile
    CHECK(messages > count / 4);

    // Still alive: one more good message goes through.
    REQUIRE(sender.send(valid[1]));
    REQUIRE(test::waitFor([&] { return receiver.counters().datagrams == count + 1; }));
    receiver.drain(got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].event.has_value());
}
