// Several senders on one screen (stage.hpp): lanes, regions, hue families,
// fading out on silence, and the bound on how many are drawn.
#include <catch2/catch.hpp>

#include <polar/viewer/stage.hpp>

using namespace polar::viewer;

namespace {
SceneEvent ev(EventKind kind, int depth = 0) {
    SceneEvent e;
    e.kind = kind;
    e.depth = depth;
    return e;
}
SceneEvent hello(const std::string& program) {
    SceneEvent e;
    e.kind = EventKind::Hello;
    e.text = program;
    return e;
}
void run(Stage& stage, double seconds) {
    for (int k = 0; k < static_cast<int>(seconds * 60); ++k) stage.advance(1.0 / 60);
}
} // namespace

TEST_CASE("One sender fills the frame and walks the whole palette", "[viewer][stage]") {
    Stage stage;
    stage.apply("127.0.0.1:5000", hello("polar"));
    stage.apply("127.0.0.1:5000", ev(EventKind::Depth, 3));
    run(stage, 1);
    REQUIRE(stage.lanes().size() == 1);
    CHECK(stage.lanes()[0]->key == "127.0.0.1:5000");
    const Lane& lane = *stage.lanes()[0];
    CHECK(lane.region.width == Approx(1.0));
    CHECK(lane.region.height == Approx(1.0));
    CHECK(lane.opacity == Approx(1.0));
    CHECK(lane.scene->depth() == 3);
    CHECK(lane.scene->config().hueSpread == 0.0);
}

TEST_CASE("Two senders share the frame side by side, each in its hue family", "[viewer][stage]") {
    Stage stage;
    stage.apply("127.0.0.1:5000", hello("polar-github"));
    stage.apply("127.0.0.1:5001", hello("polar-github"));
    stage.apply("127.0.0.1:5000", ev(EventKind::Depth, 2));
    stage.apply("127.0.0.1:5001", ev(EventKind::Depth, 7));
    run(stage, 3);
    REQUIRE(stage.lanes().size() == 2);
    const Lane& a = *stage.lanes()[0];
    const Lane& b = *stage.lanes()[1];
    CHECK(a.region.x == Approx(0.0).margin(1e-3));
    CHECK(a.region.width == Approx(0.5).margin(1e-3));
    CHECK(b.region.x == Approx(0.5).margin(1e-3));
    CHECK(a.scene->depth() == 2);   // each its own stack
    CHECK(b.scene->depth() == 7);
    CHECK(a.hue != b.hue);
    CHECK(a.scene->config().hueSpread == 40.0);
    SECTION("a sender that goes silent fades out and gives its room back") {
        for (int k = 0; k < 12 * 60; ++k) {
            if (k % 10 == 0) stage.apply("127.0.0.1:5000", ev(EventKind::Depth, k % 5));
            stage.advance(1.0 / 60);
        }
        REQUIRE(stage.lanes().size() == 1);
        CHECK(stage.lanes()[0]->key == "127.0.0.1:5000");
        run(stage, 3);
        CHECK(stage.lanes()[0]->region.width == Approx(1.0).margin(1e-3));
        CHECK(stage.lanes()[0]->scene->config().hueSpread == 0.0);
    }
    SECTION("when everyone is silent nobody fades: the screen idles") {
        run(stage, 20);
        CHECK(stage.lanes().size() == 2);
        CHECK(stage.lanes()[0]->opacity == Approx(1.0));
    }
}

TEST_CASE("Fading is eased, never cut", "[viewer][stage]") {
    Stage stage;
    stage.apply("", ev(EventKind::Depth, 1));
    stage.advance(1.0 / 60);
    const double first = stage.lanes()[0]->opacity;
    CHECK(first > 0.0);
    CHECK(first < 0.1);
}

TEST_CASE("Sources beyond the lanes drawn are counted, not drawn", "[viewer][stage]") {
    StageConfig config;
    config.maxLanes = 3;
    Stage stage(config);
    for (int k = 0; k < 10; ++k) stage.apply("10.0.0.1:" + std::to_string(5000 + k), hello("polar"));
    for (int k = 0; k < 10; ++k) stage.apply("10.0.0.1:" + std::to_string(5000 + k), ev(EventKind::Depth, 2));
    CHECK(stage.lanes().size() == 3);
    CHECK(stage.ignoredSources() == 7);
    CHECK(stage.ignoredEvents() == 14);
}

TEST_CASE("Senders that never said hello share their host's lane", "[viewer][stage]") {
    Stage stage;
    // oscsend, TouchOSC: a new port for every message, no hello.
    for (int port = 40000; port < 40020; ++port) stage.apply("127.0.0.1:" + std::to_string(port), ev(EventKind::Depth, 1));
    REQUIRE(stage.lanes().size() == 1);
    CHECK(stage.lanes()[0]->key == "127.0.0.1");
    CHECK(stage.lanes()[0]->events == 20);
    stage.apply("[::1]:40001", ev(EventKind::Depth, 1));
    CHECK(stage.lanes().size() == 2);
    CHECK(stage.lanes()[1]->key == "[::1]");
    SECTION("a recording is one lane") {
        Stage replay;
        replay.apply("", hello("polar"));
        replay.apply("", ev(EventKind::Depth, 1));
        REQUIRE(replay.lanes().size() == 1);
        CHECK(replay.lanes()[0]->key == "replay");
    }
}
