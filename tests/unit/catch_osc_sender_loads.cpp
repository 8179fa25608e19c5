// Address space 1.2 end to end: a Polar with a broadcaster attached loads a
// good source and a bad one; a loopback listener receives the datagrams and
// the shared receiver (parseDatagram, toPolarEvent) types them. The
// expected arguments are computed from the engine's own answers (the
// polar::Error the load threw, an FNV-1a of the text done here), so the
// test pins the wire contract of osc/README.md, not the parser's wording.
// Nothing here depends on timing: flush() or the destructor hands every
// event to the socket before the listener reads.
#include <catch2/catch.hpp>
#include <polar/osc/address_space.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/osc_text.hpp>
#include <polar/osc/parse_datagram.hpp>
#include <polar/osc/polar_event.hpp>
#include <polar/polar.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "osc_sender_support.hpp"

using polar::osc::EventKind;
using polar::osc::OscBroadcaster;
using polar::osc::OscOptions;
using polar::osc::PolarEvent;
using polar::osc::test::LoopbackListener;

namespace {

std::string fnv1a64Hex(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

// Every message the listener got, typed; raw messages kept for osc_text.
struct Received {
    std::vector<polar::osc::OscMessage> messages;
    std::vector<PolarEvent> events;
};

Received receiveAll(LoopbackListener& listener) {
    Received out;
    for (const std::string& d : listener.receiveAll()) {
        std::vector<polar::osc::OscMessage> batch;
        REQUIRE_FALSE(polar::osc::parseDatagram(d.data(), d.size(), polar::osc::Clock::now(), batch).malformed);
        for (auto& m : batch) {
            if (auto e = polar::osc::toPolarEvent(m)) out.events.push_back(*e);
            out.messages.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<PolarEvent> ofKind(const Received& r, EventKind kind) {
    std::vector<PolarEvent> out;
    for (const auto& e : r.events)
        if (e.kind == kind) out.push_back(e);
    return out;
}

OscOptions optionsFor(const LoopbackListener& listener, bool bundling = true) {
    OscOptions options;
    options.destinations = {listener.destination()};
    options.programName = "catch";
    options.bundling = bundling;
    return options;
}

} // namespace

TEST_CASE("A load and a refused load arrive as /polar/policy/loaded and /error",
          "[osc][sender][loopback][load]") {
    const bool bundling = GENERATE(true, false);
    CAPTURE(bundling);
    LoopbackListener listener;
    const std::string good = "f(1); f(2); ?= f(1);";
    const std::string bad = "g(1);\ng(2) if ;";
    std::optional<polar::Error> refused;
    {
        OscBroadcaster osc(optionsFor(listener, bundling));
        polar::Polar polar;
        polar.addObserver(osc);
        polar.loadString(good, "good.polar");
        try {
            polar.loadString(bad, "bad.polar");
        } catch (const polar::Error& e) {
            refused = e;
        }
        REQUIRE(osc.flush(std::chrono::seconds(10)));
        CHECK(osc.stats().dropped == 0);
    }
    REQUIRE(refused.has_value());
    REQUIRE(refused->location().has_value());
    const Received r = receiveAll(listener);

    const auto hello = ofKind(r, EventKind::Hello);
    REQUIRE(hello.size() == 1);
    CHECK(hello[0].version == "1.3");

    const auto loaded = ofKind(r, EventKind::PolicyLoaded);
    REQUIRE(loaded.size() == 1);
    CHECK(loaded[0].file == "good.polar");
    CHECK(loaded[0].hash == fnv1a64Hex(good));
    CHECK(loaded[0].hash.size() == 16);
    CHECK(loaded[0].rules == 2);
    CHECK(loaded[0].bytes == static_cast<std::int32_t>(good.size()));

    const auto errors = ofKind(r, EventKind::PolicyError);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == "bad.polar");
    CHECK(errors[0].line == 2);
    CHECK(errors[0].line == refused->location()->line);
    CHECK(errors[0].column == refused->location()->column);
    CHECK(errors[0].name == refused->name());
    CHECK(errors[0].name.rfind("ParseError::", 0) == 0);
    CHECK(errors[0].message == refused->message());

    // The inline query ran before its source's load message; the refusal
    // comes after.
    std::vector<EventKind> order;
    for (const auto& e : r.events)
        if (e.kind != EventKind::Hello && e.kind != EventKind::Stats) order.push_back(e.kind);
    REQUIRE(order.size() >= 3);
    CHECK(order.front() == EventKind::QueryBegin);
    CHECK(order[order.size() - 2] == EventKind::PolicyLoaded);
    CHECK(order.back() == EventKind::PolicyError);

    // The dump text (osc_text) shows the type tags of the contract.
    bool sawLoaded = false, sawError = false;
    for (const auto& m : r.messages) {
        const std::string line = polar::osc::formatMessage(m);
        if (m.address == "/polar/policy/loaded") {
            sawLoaded = true;
            CHECK(line == "/polar/policy/loaded ssii \"good.polar\" \"" + fnv1a64Hex(good) + "\" 2 " +
                              std::to_string(good.size()));
        }
        if (m.address == "/polar/policy/error") {
            sawError = true;
            CHECK(line.rfind("/polar/policy/error siiss \"bad.polar\" 2 ", 0) == 0);
        }
    }
    CHECK(sawLoaded);
    CHECK(sawError);
}

TEST_CASE("A load error's message is one line cut with '~'; long files too",
          "[osc][sender][loopback][load][truncation]") {
    LoopbackListener listener;
    // A missing file whose path is far longer than both limits: the
    // message (which names the path) and the file are cut and marked.
    const std::string missing = "polar-osc-loads-" + std::string(600, 'x') + ".polar";
    std::optional<polar::Error> refused;
    {
        OscBroadcaster osc(optionsFor(listener));
        polar::Polar polar;
        polar.addObserver(osc);
        try {
            polar.loadFile(missing);
        } catch (const polar::Error& e) {
            refused = e;
        }
        REQUIRE(osc.flush(std::chrono::seconds(10)));
    }
    REQUIRE(refused.has_value());
    const auto errors = ofKind(receiveAll(listener), EventKind::PolicyError);
    REQUIRE(errors.size() == 1);
    const PolarEvent& e = errors[0];
    CHECK(e.name == "OperationalError::FileLoading");
    CHECK(e.line == 0);
    CHECK(e.column == 0);
    CHECK(e.file.size() == polar::osc::kMaxFileLength);
    CHECK(e.file.back() == '~');
    CHECK(e.file.substr(0, e.file.size() - 1) == missing.substr(0, e.file.size() - 1));
    REQUIRE(refused->message().size() > polar::osc::kMaxLoadMessageLength);
    CHECK(e.message.size() == polar::osc::kMaxLoadMessageLength);
    CHECK(e.message.back() == '~');
    CHECK(e.message.substr(0, e.message.size() - 1) == refused->message().substr(0, e.message.size() - 1));
    CHECK(e.message.find('\n') == std::string::npos);
}

TEST_CASE("A burst of loads is delivered or counted, never lost silently", "[osc][sender][loopback][load]") {
    LoopbackListener listener;
    constexpr int kLoads = 300; // far more than the 64 text slots of a lane
    std::uint64_t dropped = 0;
    {
        OscBroadcaster osc(optionsFor(listener));
        polar::Polar polar;
        polar.addObserver(osc);
        for (int k = 0; k < kLoads; ++k) polar.loadString("f(" + std::to_string(k) + ");", "p.polar");
        REQUIRE(osc.flush(std::chrono::seconds(10)));
        dropped = osc.stats().dropped;
    }
    const auto loaded = ofKind(receiveAll(listener), EventKind::PolicyLoaded);
    CHECK(loaded.size() + dropped == kLoads);
    for (std::size_t k = 1; k < loaded.size(); ++k) CHECK(loaded[k].rules > loaded[k - 1].rules);
}
