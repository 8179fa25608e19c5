// catch_osc_sender_shared.cpp — one broadcaster, several VM threads; flush;
// the instance id; the truncation marker.
//
// A broadcaster shared by Polars on different threads (what POLAR_OSC does)
// must deliver every thread's stream, keep query ids unique, and never let
// its bundle timetags run backwards. Pass/fail never depends on how fast
// the machine is: timeouts here are only hang guards.
#include <catch2/catch.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/polar.hpp>
#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "event.hpp"
#include "osc_sender_support.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

using polar::osc::OscBroadcaster;
using polar::osc::OscOptions;
using polar::osc::test::LoopbackListener;

namespace {

constexpr auto kHangGuard = std::chrono::seconds(60);

OscOptions optionsFor(const LoopbackListener& listener) {
    OscOptions options;
    options.destinations = {listener.destination()};
    options.programName = "catch";
    return options;
}

// The query id of every /polar/query/begin line.
std::vector<long> beginIds(const std::vector<std::string>& messages) {
    std::vector<long> ids;
    const std::string prefix = "/polar/query/begin ";
    for (const std::string& m : messages)
        if (m.rfind(prefix, 0) == 0) ids.push_back(std::stol(m.substr(prefix.size())));
    return ids;
}

// Runs `queries` queries of `f(x)` on a Polar of its own, on this thread.
void runQueries(OscBroadcaster& osc, int queries) {
    polar::Polar polar;
    polar.loadString("f(1); f(2); f(x) if x = 3;");
    polar.addObserver(osc);
    for (int k = 0; k < queries; ++k) CHECK(polar.query("f(x)").collect().size() == 3);
}

} // namespace

TEST_CASE("Two Polars on two threads share one broadcaster", "[osc][sender][shared]") {
    LoopbackListener listener;
    constexpr int kQueries = 50;
    OscBroadcaster::Stats stats{};
    {
        OscBroadcaster osc(optionsFor(listener));
        std::thread first([&] { runQueries(osc, kQueries); });
        std::thread second([&] { runQueries(osc, kQueries); });
        first.join();
        second.join();
        REQUIRE(osc.flush(std::chrono::duration_cast<std::chrono::milliseconds>(kHangGuard)));
        stats = osc.stats();
    }
    const auto decoded = polar::osc::test::decode(listener.receiveAll());
    // Loopback with an 8 MiB buffer and 100 small queries: nothing is lost
    // unless the VMs outran the ring, which the drop counter then says.
    if (stats.dropped == 0) {
        const std::vector<long> ids = beginIds(decoded.messages);
        CHECK(ids.size() == 2 * kQueries);
        CHECK(std::set<long>(ids.begin(), ids.end()).size() == ids.size()); // unique in the process
    }
    std::size_t hellos = 0;
    for (const std::string& m : decoded.messages) hellos += m.rfind("/polar/hello", 0) == 0;
    CHECK(hellos == 1);
    // Both threads' lanes, merged: timetags never run backwards.
    for (std::size_t k = 1; k < decoded.timetags.size(); ++k)
        CHECK(decoded.timetags[k - 1] <= decoded.timetags[k]);
    CHECK(stats.captured > 0);
}

TEST_CASE("A thread's lane outlives the thread until drained", "[osc][sender][shared]") {
    LoopbackListener listener;
    OscBroadcaster osc(optionsFor(listener));
    for (int round = 0; round < 5; ++round) {
        std::thread worker([&] { runQueries(osc, 3); });
        worker.join(); // its lane is retired now: drained, then freed
    }
    REQUIRE(osc.flush(std::chrono::duration_cast<std::chrono::milliseconds>(kHangGuard)));
    const OscBroadcaster::Stats before = osc.stats();
    // Freeing the retired lanes must not make the totals go backwards.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const OscBroadcaster::Stats after = osc.stats();
    CHECK(after.captured == before.captured);
    CHECK(after.sent == after.captured - after.dropped);
    CHECK(after.waiting == 0);
}

TEST_CASE("flush() waits until everything captured has been sent", "[osc][sender][flush]") {
    LoopbackListener listener;
    OscBroadcaster osc(optionsFor(listener));
    CHECK(osc.flush(std::chrono::milliseconds(0))); // nothing captured yet: done at once
    runQueries(osc, 1);
    REQUIRE(osc.flush(std::chrono::duration_cast<std::chrono::milliseconds>(kHangGuard)));
    const OscBroadcaster::Stats stats = osc.stats();
    CHECK(stats.waiting == 0);
    CHECK(stats.sent == stats.captured - stats.dropped);
    CHECK(stats.captured > 0);
}

TEST_CASE("flush() in paced mode gives up at its timeout", "[osc][sender][flush]") {
    LoopbackListener listener;
    OscOptions options = optionsFor(listener);
    options.mode = polar::osc::Mode::Paced;
    options.pace = std::chrono::seconds(3600); // one event an hour
    OscBroadcaster osc(options);
    polar::Polar polar;
    polar.addObserver(osc);
    // A few events: they fit the paced window, so the VM does not wait,
    // but all after the first wait an hour for their slots.
    CHECK(polar.query("x = 1").collect().size() == 1);
    CHECK_FALSE(osc.flush(std::chrono::milliseconds(20)));
    polar.removeObserver(osc);
}

TEST_CASE("/polar/hello carries an instance id that tells broadcasters apart",
          "[osc][sender][hello]") {
    LoopbackListener first;
    LoopbackListener second;
    std::int32_t ids[2] = {0, 0};
    {
        OscBroadcaster a(optionsFor(first));
        OscBroadcaster b(optionsFor(second));
        ids[0] = a.instanceId();
        ids[1] = b.instanceId();
    }
    CHECK(ids[0] != ids[1]);
    LoopbackListener* listeners[2] = {&first, &second};
    for (int k = 0; k < 2; ++k) {
        CAPTURE(k);
        const std::string hello = listeners[k]->receive(std::chrono::milliseconds(5000));
        REQUIRE_FALSE(hello.empty());
        std::vector<polar::osc::OscMessage> messages;
        polar::osc::parseDatagram(hello.data(), hello.size(), polar::osc::Clock::now(), messages);
        REQUIRE(messages.size() == 1);
        const auto event = polar::osc::toPolarEvent(messages[0]);
        REQUIRE(event.has_value());
        CHECK(event->kind == polar::osc::EventKind::Hello);
        CHECK(event->version == "1.3");
        CHECK(event->name == "catch");
        CHECK(event->instanceId == ids[k]);
        CHECK(event->instanceId >= 0);
    }
}

TEST_CASE("Names cut at 37 bytes end with the '~' marker", "[osc][sender][truncation]") {
    using polar::osc::detail::copyTruncated;
    using polar::osc::detail::kNameCapacity;
    using polar::osc::detail::markTruncated;
    char name[kNameCapacity];
    const auto mark = [&](std::string_view text) {
        markTruncated(name, copyTruncated(name, kNameCapacity, text), text.size());
        return std::string(name);
    };
    CHECK(mark("has_role") == "has_role");                        // short: untouched
    CHECK(mark(std::string(37, 'a')) == std::string(37, 'a'));    // exactly 37: untouched
    CHECK(mark(std::string(38, 'a')) == std::string(36, 'a') + "~");
    // "é" is two bytes at 35..36: cutting at 36 would split it, so it goes.
    CHECK(mark(std::string(35, 'a') + "\xC3\xA9" + "bbb") == std::string(35, 'a') + "~");

    SECTION("end to end, on a rule name") {
        LoopbackListener listener;
        const std::string rule = "a_rule_whose_name_is_longer_than_thirty_seven_bytes";
        {
            OscBroadcaster osc(optionsFor(listener));
            polar::Polar polar;
            polar.loadString(rule + "(1);");
            polar.addObserver(osc);
            CHECK(polar.query(rule + "(x)").collect().size() == 1);
        }
        const auto events =
            polar::osc::test::eventsOnly(polar::osc::test::decode(listener.receiveAll()).messages);
        const std::string expected = "/polar/rule \"" + rule.substr(0, 36) + "~\" 1 0 1";
        CHECK(std::find(events.begin(), events.end(), expected) != events.end());
    }
}
