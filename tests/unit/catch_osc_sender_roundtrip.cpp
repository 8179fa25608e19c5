// OscBroadcaster end to end on loopback: a real Polar, a real sender thread,
// a plain UDP listener decoding with oscpack. The expected sequences are the
// engine's event sequences (catch_observer.cpp) in the README's address
// space.
#include <catch2/catch.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/polar.hpp>
#include <future>
#include <memory>
#include <thread>

#include "osc_sender_support.hpp"
#include "osc_settled.hpp"
#include "timetag.hpp"

using polar::osc::Mode;
using polar::osc::OscBroadcaster;
using polar::osc::OscOptions;
using polar::osc::test::LoopbackListener;

namespace {

OscOptions optionsFor(const LoopbackListener& listener) {
    OscOptions options;
    options.destinations = {listener.destination()};
    options.programName = "catch";
    return options;
}

// Runs `f(x)` on `f(1); f(x) if x = 2;` with a broadcaster attached; returns
// the query's step count (for /polar/query/end).
std::uint64_t runSmallQuery(OscBroadcaster& osc) {
    polar::Polar polar;
    polar.loadString("f(1); f(x) if x = 2;");
    polar.addObserver(osc);
    polar::Query query = polar.query("f(x)");
    CHECK(query.collect().size() == 2);
    return query.steps();
}

std::vector<std::string> smallQueryMessages(std::uint64_t steps, bool values) {
    const std::string rule =
        values ? R"x(/polar/rule "f" 1 0 2 "f(_4)")x" : R"(/polar/rule "f" 1 0 2)";
    // 1.3: each alternative of call #1 is entered, the second on backtracking.
    const std::string enter = R"(/polar/rule/enter "f" 1 )";
    return {R"(/polar/query/begin 1 "f")",
            rule,
            "/polar/branch 0 2 0.125",
            enter + "0 2 1 1" + (values ? R"( "f(1);")" : ""),
            "/polar/depth 1 0.03125",
            "/polar/depth 0 0",
            std::string("/polar/result 1 1") + (values ? R"( "{x: 1}")" : ""),
            "/polar/backtrack 0",
            enter + "1 2 1 1" + (values ? R"( "f(x) if x = 2;")" : ""),
            "/polar/depth 1 0.03125",
            "/polar/depth 0 0",
            std::string("/polar/result 1 2") + (values ? R"( "{x: 2}")" : ""),
            "/polar/query/end 1 2 " + std::to_string(steps) + " 0"};
}

} // namespace

TEST_CASE("A small query arrives as the exact message sequence", "[osc][sender][loopback]") {
    LoopbackListener listener;
    OscOptions options = optionsFor(listener);
    std::uint64_t steps = 0;
    SECTION("bundled (default)") {
        {
            OscBroadcaster osc(options);
            steps = runSmallQuery(osc);
        }
        const auto decoded = polar::osc::test::decode(listener.receiveAll());
        REQUIRE(decoded.messages.size() >= 2);
        CHECK(decoded.messages.front().rfind(R"(/polar/hello "1.3" "catch" )", 0) == 0);
        CHECK(decoded.messages.back().rfind("/polar/stats 13 0 0 ", 0) == 0);
        CHECK(polar::osc::test::eventsOnly(decoded.messages) == smallQueryMessages(steps, false));
        CHECK(decoded.bundles >= 1);
        // Stamped with when the events happened: within the last minute.
        const auto now = polar::osc::detail::ntpFromUnixNs(
            std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count());
        for (std::uint64_t tag : decoded.timetags) {
            CHECK(tag <= now);
            CHECK(tag > now - (std::uint64_t{60} << 32));
        }
    }
    SECTION("one bare message per datagram") {
        options.bundling = false;
        std::size_t datagrams = 0;
        {
            OscBroadcaster osc(options);
            steps = runSmallQuery(osc);
            // Flushed by the destructor; the counters are read just before.
        }
        const auto received = listener.receiveAll();
        datagrams = received.size();
        const auto decoded = polar::osc::test::decode(received);
        CHECK(decoded.bundles == 0);
        CHECK(datagrams == decoded.messages.size());
        CHECK(polar::osc::test::eventsOnly(decoded.messages) == smallQueryMessages(steps, false));
    }
    SECTION("with values") {
        options.values = true;
        {
            OscBroadcaster osc(options);
            steps = runSmallQuery(osc);
        }
        const auto decoded = polar::osc::test::decode(listener.receiveAll());
        CHECK(polar::osc::test::eventsOnly(decoded.messages) == smallQueryMessages(steps, true));
    }
}

TEST_CASE("An error ends the query with /polar/error", "[osc][sender][loopback]") {
    LoopbackListener listener;
    {
        OscBroadcaster osc(optionsFor(listener));
        polar::Polar polar;
        polar.addObserver(osc);
        CHECK_THROWS(polar.query("x = 1 mod 0").next());
    }
    const auto events =
        polar::osc::test::eventsOnly(polar::osc::test::decode(listener.receiveAll()).messages);
    REQUIRE(events.size() >= 3);
    CHECK(events[events.size() - 2] == R"(/polar/error 1 "RuntimeError::ArithmeticError")");
    CHECK(events.back().rfind("/polar/query/end 1 0 ", 0) == 0);
    CHECK(events.back().substr(events.back().size() - 2) == " 1");
}

TEST_CASE("Every destination gets every message, IPv6 included", "[osc][sender][loopback]") {
    LoopbackListener first;
    LoopbackListener second;
    OscOptions options = optionsFor(first);
    options.destinations.push_back(second.destination());
    std::unique_ptr<LoopbackListener> v6;
    try {
        v6 = std::make_unique<LoopbackListener>(true);
        options.destinations.push_back(v6->destination());
    } catch (const std::exception&) {
        WARN("no IPv6 loopback here; checking IPv4 destinations only");
    }
    std::uint64_t steps = 0;
    {
        OscBroadcaster osc(options);
        steps = runSmallQuery(osc);
    }
    const auto expected = smallQueryMessages(steps, false);
    CHECK(polar::osc::test::eventsOnly(polar::osc::test::decode(first.receiveAll()).messages) ==
          expected);
    CHECK(polar::osc::test::eventsOnly(polar::osc::test::decode(second.receiveAll()).messages) ==
          expected);
    if (v6)
        CHECK(polar::osc::test::eventsOnly(polar::osc::test::decode(v6->receiveAll()).messages) ==
              expected);
}

TEST_CASE("Paced mode: one event per pace, stamped on the schedule, VM held back",
          "[osc][sender][loopback][paced]") {
    LoopbackListener listener;
    OscOptions options = optionsFor(listener);
    options.mode = Mode::Paced;
    options.pace = std::chrono::milliseconds(15);
    std::uint64_t steps = 0;
    const auto start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration queryTime{};
    {
        OscBroadcaster osc(options);
        steps = runSmallQuery(osc);
        queryTime = std::chrono::steady_clock::now() - start;
    }
    const auto decoded = polar::osc::test::decode(listener.receiveAll());
    const auto events = polar::osc::test::eventsOnly(decoded.messages);
    CHECK(events == smallQueryMessages(steps, false));
    // The VM may run at most kPacedWindow events ahead of the sound.
    const auto held = options.pace * static_cast<int>(events.size() - polar::osc::kPacedWindow - 1);
    CHECK(queryTime >= held);
    // One bundle per event, and no two closer than the pace.
    REQUIRE(decoded.timetags.size() == events.size());
    for (std::size_t k = 1; k < decoded.timetags.size(); ++k) {
        const auto gap = polar::osc::detail::unixNsFromNtp(decoded.timetags[k]) -
                         polar::osc::detail::unixNsFromNtp(decoded.timetags[k - 1]);
        CHECK(gap >= 15'000'000 - 1);
    }
}

namespace {

// Destroys `osc` on a thread of its own and waits for that at most
// `safetyNet`: true when the destructor returned. A destructor that hangs
// (an hour, at `paced=3600s`, before the fix) fails the test after the
// safety net instead of holding ctest for its whole timeout; the thread,
// which owns everything it touches, is then left behind.
bool destroyedWithin(std::unique_ptr<OscBroadcaster> osc, std::chrono::seconds safetyNet) {
    std::promise<void> destroyed;
    std::future<void> done = destroyed.get_future();
    std::thread([osc = std::move(osc), destroyed = std::move(destroyed)]() mutable {
        osc.reset();
        destroyed.set_value();
    }).detach();
    return done.wait_for(safetyNet) == std::future_status::ready;
}

} // namespace

TEST_CASE("Shutdown sends what a paced broadcaster holds, however slow its pace",
          "[osc][sender][loopback][paced][shutdown]") {
    // At one event an hour the next slot lies far past the destructor's 2 s
    // budget (kShutdownBudget); shutdown must end at the budget and send
    // the rest at once (still stamped with their slots), not sleep until
    // the slot. Judged by what arrives, not by how long it took: 30 s is
    // only a safety net, fifteen times the budget.
    LoopbackListener listener;
    OscOptions options = optionsFor(listener);
    options.mode = Mode::Paced;
    options.pace = std::chrono::hours(1);
    auto osc = std::make_unique<OscBroadcaster>(options);
    OscBroadcaster::Stats queued;
    {
        polar::Polar polar; // destroyed (detached) before the broadcaster
        polar.addObserver(*osc);
        REQUIRE(polar.query("x = 1").collect().size() == 1);
        queued = osc->stats();
    }
    // The first event left on its slot; the others wait for theirs, an hour apart.
    REQUIRE(queued.waiting > 0);
    REQUIRE(destroyedWithin(std::move(osc), std::chrono::seconds(30)));
    const auto events = polar::osc::test::eventsOnly(polar::osc::test::decode(listener.receiveAll()).messages);
    INFO("captured " << queued.captured << ", waiting at shutdown " << queued.waiting);
    CHECK(events.size() == queued.captured); // every queued event was flushed
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().rfind("/polar/query/end 1 1 ", 0) == 0); // query 1, one result
}

TEST_CASE("Stats count what the hooks saw", "[osc][sender][loopback]") {
    LoopbackListener listener;
    OscBroadcaster osc(optionsFor(listener));
    runSmallQuery(osc);
    // The sender polls every millisecond: wait until it has sent what the
    // hooks captured (a safety net of a minute, not a 2 s limit).
    const OscBroadcaster::Stats stats = polar::osc::test::settledStats(osc);
    CHECK(stats.captured == 13); // 11 before 1.3, and two rule entries
    CHECK(stats.dropped == 0);
    CHECK(stats.waiting == 0);
    CHECK(stats.sent == 13);
    CHECK(stats.sendErrors == 0);
    CHECK(stats.datagrams >= 2); // hello and at least one bundle
}
