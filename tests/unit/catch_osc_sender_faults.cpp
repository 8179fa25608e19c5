// OscBroadcaster when the network misbehaves: nobody listening, a listener
// that goes away mid-stream, a queue too small for the VM, destinations that
// cannot work. The VM must never crash, stall or throw because of OSC; what
// is lost is counted. Only loopback is used: ports nobody listens on, and
// names under .invalid, which never resolve (RFC 6761).
#include <atomic>
#include <catch2/catch.hpp>
#include <polar/error.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/polar.hpp>
#include <thread>

#include "osc_sender_support.hpp"
#include "osc_settled.hpp"

using polar::osc::OscBroadcaster;
using polar::osc::OscOptions;
using polar::osc::test::LoopbackListener;

namespace {

// A loopback port with nobody on it: bound by the kernel, then released.
std::string deadDestination() {
    LoopbackListener listener;
    return listener.destination();
}

// A VM at full speed: ~20,000 rule calls and as many depth changes.
void runBusyQuery(OscBroadcaster& osc) {
    polar::Polar polar;
    polar.loadString("count(0); count(n) if n > 0 and count(n - 1);");
    polar.addObserver(osc);
    CHECK(polar.query("count(20000)").collect().size() == 1);
}

using polar::osc::test::settledStats;

} // namespace

TEST_CASE("Nobody listening: the VM runs to the end, nothing is lost on our side",
          "[osc][sender][faults]") {
    OscOptions options;
    options.destinations = {deadDestination()};
    OscBroadcaster osc(options);
    runBusyQuery(osc);
    const auto stats = settledStats(osc);
    CHECK(stats.captured > 40'000);
    CHECK(stats.datagrams > 0);
    // Loopback answers "port unreachable"; the connected socket reports it
    // on a later send, which is counted, not thrown.
    CHECK(stats.sendErrors > 0);
}

TEST_CASE("A queue too small for the VM drops events and counts them", "[osc][sender][faults]") {
    LoopbackListener listener;
    OscOptions options;
    options.destinations = {listener.destination()};
    options.queueCapacity = 16;
    std::uint64_t dropped = 0;
    std::uint64_t sent = 0;
    {
        OscBroadcaster osc(options);
        runBusyQuery(osc);
        const auto stats = settledStats(osc);
        CHECK(stats.dropped > 0);
        dropped = stats.dropped;
        sent = stats.sent;
    }
    // The last /polar/stats reports the same books.
    const auto messages = polar::osc::test::decode(listener.receiveAll()).messages;
    REQUIRE(!messages.empty());
    CHECK(messages.back().rfind(
              "/polar/stats " + std::to_string(sent) + " " + std::to_string(dropped) + " 0 ", 0) ==
          0);
}

TEST_CASE("A listener that stops mid-stream stops nothing else", "[osc][sender][faults]") {
    auto listener = std::make_unique<LoopbackListener>();
    OscOptions options;
    options.destinations = {listener->destination()};
    OscBroadcaster osc(options);
    std::atomic<bool> closed{false};
    std::thread receiver([&] {
        // Take a few datagrams, then go away while the VM is still running.
        for (int k = 0; k < 5; ++k) listener->receive(std::chrono::milliseconds(2000));
        listener->close();
        closed = true;
    });
    runBusyQuery(osc);
    runBusyQuery(osc);
    receiver.join();
    CHECK(closed);
    runBusyQuery(osc); // after the listener is gone
    CHECK(settledStats(osc).sendErrors > 0);
}

TEST_CASE("Destinations that cannot work fail at construction, naming themselves",
          "[osc][sender][faults]") {
    auto failure = [](std::vector<std::string> destinations) -> std::string {
        OscOptions options;
        options.destinations = std::move(destinations);
        try {
            OscBroadcaster osc(options);
        } catch (const polar::Error& error) {
            CHECK(error.kind() == polar::ErrorKind::Operational);
            return error.message();
        }
        return "no error";
    };
    using Catch::Matchers::Contains;
    CHECK_THAT(failure({"nonexistent.invalid:9000"}),
               Contains("'nonexistent.invalid:9000'") && Contains("cannot resolve"));
    CHECK_THAT(failure({"127.0.0.1:9000", "nonexistent.invalid:9000"}),
               Contains("nonexistent.invalid"));
    CHECK_THAT(failure({"127.0.0.1"}), Contains("expected HOST:PORT"));
    CHECK_THAT(failure({"127.0.0.1:0"}), Contains("port"));
    CHECK_THAT(failure({"127.0.0.1:70000"}), Contains("port"));
    CHECK_THAT(failure({"::1:9000"}), Contains("brackets"));
    CHECK_THAT(failure({"[::1:9000"}), Contains("[IPv6-ADDRESS]:PORT"));
    CHECK_THAT(failure({":9000"}), Contains("host is empty"));
    CHECK_THAT(failure({}), Contains("at least one destination"));
}

TEST_CASE("Broadcast and multicast destinations are accepted and never stall the VM",
          "[osc][sender][faults]") {
    // Loopback's own broadcast address, and a multicast group with TTL 0
    // (this host only): nothing leaves the machine. Whether a multicast
    // datagram goes anywhere depends on the routes (a sandbox may have
    // none); a failed send is counted, never thrown.
    OscOptions options;
    options.destinations = {"127.255.255.255:" + std::to_string(LoopbackListener().port()),
                            "239.255.0.1:" + std::to_string(LoopbackListener().port())};
    options.multicastTtl = 0; // never beyond this host
    OscBroadcaster osc(options);
    runBusyQuery(osc);
    const auto stats = settledStats(osc);
    CHECK(stats.datagrams > 0);
}
