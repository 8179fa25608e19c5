// The Polarcoaster's model (viewer/scene/ride.hpp): the track's layout, the
// cart at the pace of the events, the camera, hover, pin and the tooltip.
#include <catch2/catch.hpp>

#include <string>

#include "polar/viewer/ride.hpp"
#include "viewer_tree_support.hpp"

using namespace polar::viewer;

namespace {



// f(1); f(2); g(x) if f(x) and x > 1;  ?= g(x), with values.
void rideG(Ride& ride) {
    ride.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, "g"));                     // node 1
    ride.apply(ruleCall("g", 0, 1, "g(_4)"));                                             // 2
    ride.apply(ruleEnter("g", 1, 1, 0, 1, "g(x) if f(x) and x > 1;"));                    // 3
    ride.apply(ruleCall("f", 1, 2, "f(_4)"));                                             // 4
    ride.apply(ruleEnter("f", 2, 2, 0, 2, "f(1);"));                                      // 5
    ride.apply(ruleEnter("f", 2, 2, 1, 2, "f(2);"));                                      // 6
    SceneEvent result = makeSceneEvent(EventKind::Result, 1);
    result.ordinal = 1;
    result.values = "{x: 2}";
    ride.apply(result);                                                               // 7
    ride.apply(makeSceneEvent(EventKind::QueryEnd, 1));
}

} // namespace

TEST_CASE("Ride: depth is descent, time is distance, alternatives side by side", "[viewer][ride]") {
    Ride ride;
    rideG(ride);
    const auto at = [&](NodeId id) { return ride.position(*ride.tree().find(id)); };
    CHECK(at(2).y == Approx(0.5));  // the call, half a level down
    CHECK(at(3).y == Approx(1.0));  // its rule's body
    CHECK(at(4).y == Approx(1.5));
    CHECK(at(5).y == Approx(2.0));
    CHECK(at(6).y == Approx(at(5).y));  // f's two alternatives, one level
    CHECK(at(6).x > at(5).x);           // the second after the first
    CHECK(at(7).y == Approx(at(6).y));  // the station on the rule that answered
}

TEST_CASE("Ride: the cart follows the search at its pace and never passes it", "[viewer][ride]") {
    RideConfig config;
    config.minSpeed = 4;
    Ride ride(config);
    rideG(ride);
    ride.advance(0.25);  // a second's quarter at 4 nodes a second at least
    CHECK(ride.cartDistance() > 0.9);
    CHECK(ride.cartDistance() < 7);
    for (int k = 0; k < 600; ++k) ride.advance(1.0 / 60);
    CHECK(ride.cartDistance() == Approx(7.0));  // the head: the station
    CHECK(ride.cart().y == Approx(2.0));
    // The camera has settled with the cart left of centre.
    CHECK(ride.cameraCenter().x > ride.cart().x);
    CHECK(ride.cameraCenter().y == Approx(ride.cart().y).margin(0.01));
    SECTION("a climb back: the track rises from f's first rule to g's next call") {
        ride.apply(ruleCall("g", 0, 1, "g(_9)"));  // a later call back at depth 0
        for (int k = 0; k < 120; ++k) ride.advance(1.0 / 60);
        CHECK(ride.cart().y == Approx(0.5));
    }
}

TEST_CASE("Ride: hovering a node shows its rule and bindings, a click pins it", "[viewer][ride]") {
    Ride ride;
    rideG(ride);
    for (int k = 0; k < 600; ++k) ride.advance(1.0 / 60);
    const double aspect = 16.0 / 9.0;
    const auto viewOf = [&](NodeId id) { return ride.toView(ride.position(*ride.tree().find(id)), aspect); };
    const TrackPoint rule = viewOf(6);
    REQUIRE(ride.nodeAt(rule.x, rule.y, aspect) == NodeId{6});
    ride.hover(ride.nodeAt(rule.x, rule.y, aspect));
    REQUIRE(ride.inspected() == NodeId{6});
    CHECK(ride.describe(6) == std::vector<std::string>{"rule f — alternative 2 of 2, succeeded", "f(2);"});
    CHECK(ride.describe(4) ==
          std::vector<std::string>{"call f — 2 rules apply, succeeded", "f(_4)", "1 backtrack into this call"});
    CHECK(ride.describe(7) == std::vector<std::string>{"result 1", "{x: 2}"});
    // Pin the call; the hover moves on, the tooltip stays.
    const TrackPoint callPoint = viewOf(4);
    ride.click(ride.nodeAt(callPoint.x, callPoint.y, aspect));
    ride.hover(std::nullopt);
    CHECK(ride.pinned());
    CHECK(ride.inspected() == NodeId{4});
    // Far from every node: nothing is hovered; clicking there unpins.
    CHECK_FALSE(ride.nodeAt(0.5, 0.02, aspect).has_value());
    ride.click(std::nullopt);
    CHECK_FALSE(ride.inspected().has_value());
}

TEST_CASE("Ride: without values the tooltip says why there is no text", "[viewer][ride]") {
    Ride ride;
    ride.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, "f"));
    ride.apply(ruleCall("f", 0, 1, ""));
    CHECK(ride.describe(2).back().find("--osc-values") != std::string::npos);
}

TEST_CASE("Ride: an error derails with a banner that rises and falls", "[viewer][ride]") {
    Ride ride;
    rideG(ride);
    ride.apply(makeSceneEvent(EventKind::QueryBegin, 2, 0, "h"));
    ride.apply(ruleCall("h", 0, 1, "h(1)"));
    ride.apply(makeSceneEvent(EventKind::Error, 2, 0, "RuntimeError::ArithmeticError"));
    CHECK(ride.derailText() == "RuntimeError::ArithmeticError");
    CHECK(ride.derail() == Approx(0.0));  // rises, never cuts in
    ride.advance(0.3);
    CHECK(ride.derail() == Approx(1.0));
    double previous = 1.0;
    for (int k = 0; k < 400; ++k) {
        ride.advance(1.0 / 60);
        CHECK(ride.derail() <= previous + 1e-9);  // no second flash
        previous = ride.derail();
    }
    CHECK(ride.derail() == 0.0);
    const TreeNode& derail = ride.tree().nodes().rbegin()->second;
    CHECK(derail.kind == NodeKind::Derail);
    CHECK(ride.position(derail).y > ride.position(*ride.tree().find(derail.parent)).y);  // it drops
}

TEST_CASE("Ride: in a flood the cart keeps a readable speed and skips ahead", "[viewer][ride]") {
    Ride ride;
    ride.apply(makeSceneEvent(EventKind::QueryBegin, 1, 0, "f"));
    ride.apply(ruleCall("f", 0, 5000, ""));
    for (int k = 0; k < 5000; ++k) ride.apply(ruleEnter("f", 1, 1, k, 5000, ""));
    double before = ride.cartDistance();
    std::uint64_t skips = ride.skips();
    for (int frame = 0; frame < 600; ++frame) {
        ride.advance(1.0 / 60);
        if (ride.skips() == skips) CHECK(ride.cartDistance() - before <= ride.config().maxSpeed / 60 + 1e-9);
        skips = ride.skips();
        before = ride.cartDistance();
    }
    CHECK(ride.skips() == 1);  // one cut, not one per frame
    CHECK(ride.cartDistance() == Approx(static_cast<double>(ride.tree().head())));
}
