// catch_osc_rule_enter_tree.cpp — address space 1.3 end to end: a Polar
// with a broadcaster attached runs a query whose search resumes an earlier
// call, and a local OscReceiver (the viewer's) gets every rule call and
// every rule entry. The entries must name their call by its ordinal, so a
// tree view hangs a resumed alternative from the right node even though
// the same name comes back at the same depth; and the ordinal a receiver
// counts from /polar/rule must agree with the one the entry carries.
#include <catch2/catch.hpp>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/osc_receiver.hpp>
#include <polar/osc/polar_event.hpp>
#include <polar/polar.hpp>

#include <string>
#include <utility>
#include <vector>

#include "osc_test_support.hpp"

using polar::osc::EventKind;
using polar::osc::PolarEvent;

namespace {

// `f(y)` fails `y = 2` once, so the search resumes `f(x)` and calls f anew.
constexpr const char* kPolicy = "f(1); f(2); g(x) if f(x) and f(y) and y = 2 and x = 2;";

// Runs `g(x)` with a broadcaster to `receiver`; returns the typed events of
// the query's messages, in arrival order (loopback does not reorder).
std::vector<PolarEvent> runTreeQuery(polar::osc::OscReceiver& receiver, polar::osc::OscOptions options) {
    options.destinations = {"127.0.0.1:" + std::to_string(receiver.port())};
    options.programName = "catch";
    {
        polar::osc::OscBroadcaster osc(options);
        polar::Polar polar;
        polar.loadString(kPolicy);
        polar.addObserver(osc);
        CHECK(polar.query("g(x)").collect().size() == 1);
    } // the destructor sends what is queued
    std::vector<PolarEvent> events;
    bool ended = false;
    polar::osc::test::waitFor([&] {
        for (auto& in : receiver.drain()) {
            if (!in.event) continue;
            ended = ended || in.event->kind == EventKind::QueryEnd;
            events.push_back(std::move(*in.event));
        }
        return ended;
    });
    REQUIRE(ended);
    return events;
}

using Pair = std::pair<int, int>;

// The calls' names in order, and the entries as (call, alternative).
struct Tree {
    std::vector<std::string> calls;
    std::vector<Pair> entries;
};

// Reads the stream as a tree view would: counts /polar/rule since
// /polar/query/begin and checks each entry against that count.
Tree readTree(const std::vector<PolarEvent>& events) {
    Tree tree;
    std::int32_t queryId = 0;
    for (const PolarEvent& e : events) {
        if (e.kind == EventKind::QueryBegin) {
            queryId = e.queryId;
            tree.calls.clear();
        } else if (e.kind == EventKind::Rule) {
            tree.calls.push_back(e.name);
        } else if (e.kind == EventKind::RuleEnter) {
            INFO("entry " << e.name << " call " << e.call << " alternative " << e.alternative);
            REQUIRE(e.call >= 1);
            REQUIRE(static_cast<std::size_t>(e.call) <= tree.calls.size());
            CHECK(tree.calls[static_cast<std::size_t>(e.call) - 1] == e.name);
            CHECK(e.queryId == queryId);
            CHECK(e.alternatives == (e.name == "g" ? 1 : 2)); // g has one rule, f two facts
            CHECK(e.alternative < e.alternatives);
            tree.entries.emplace_back(e.call, e.alternative);
        }
    }
    return tree;
}

const std::vector<Pair> kEntries{{1, 0}, {2, 0}, {3, 0}, {3, 1}, {2, 1}, {4, 0}, {4, 1}};

} // namespace

TEST_CASE("1.3: a resumed call's entries name their call by ordinal", "[osc][enter][loopback]") {
    polar::osc::OscReceiver receiver({.address = "127.0.0.1", .port = 0});
    SECTION("real time") {
        const Tree tree = readTree(runTreeQuery(receiver, {}));
        CHECK(tree.calls == std::vector<std::string>{"g", "f", "f", "f"});
        CHECK(tree.entries == kEntries);
    }
    SECTION("paced: each entry is an event of its own") {
        polar::osc::OscOptions options;
        options.mode = polar::osc::Mode::Paced;
        options.pace = std::chrono::milliseconds(1);
        const Tree tree = readTree(runTreeQuery(receiver, options));
        CHECK(tree.entries == kEntries);
    }
}

TEST_CASE("1.3: with values an entry carries its rule's source text", "[osc][enter][loopback]") {
    polar::osc::OscReceiver receiver({.address = "127.0.0.1", .port = 0});
    polar::osc::OscOptions options;
    options.values = true;
    std::vector<std::string> texts;
    for (const PolarEvent& e : runTreeQuery(receiver, options))
        if (e.kind == EventKind::RuleEnter) texts.push_back(e.values);
    REQUIRE(texts.size() == kEntries.size());
    CHECK(texts[0] == "g(x) if f(x) and f(y) and y = 2 and x = 2;");
    CHECK(texts[1] == "f(1);");
    CHECK(texts[3] == "f(2);");
}
