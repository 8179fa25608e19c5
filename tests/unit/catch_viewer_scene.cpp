// The viewer's scene model: exact state after scripted event sequences.
#include <catch2/catch.hpp>

#include <polar/viewer/scene.hpp>

using namespace polar::viewer;

namespace {
SceneEvent ev(EventKind kind, int depth = 0, int alternatives = 0, std::string text = {}, int query = 0) {
    SceneEvent e;
    e.kind = kind;
    e.depth = depth;
    e.alternatives = alternatives;
    e.text = std::move(text);
    e.queryId = query;
    return e;
}
} // namespace

TEST_CASE("Depth up and down, eased", "[viewer][scene]") {
    Scene scene;
    scene.apply(ev(EventKind::Depth, 1));
    scene.apply(ev(EventKind::Depth, 2));
    CHECK(scene.depth() == 2);
    CHECK(scene.displayedDepth() == 0);  // nothing drawn until time passes
    scene.advance(1.0 / 60);
    CHECK(scene.displayedDepth() > 0.0);
    CHECK(scene.displayedDepth() < 2.0);
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    CHECK(scene.displayedDepth() == 2.0);
    CHECK(scene.squares().size() == 2);
    scene.apply(ev(EventKind::Depth, 1));
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    CHECK(scene.squares().size() == 1);
}

TEST_CASE("Each branch moves the background one step of a fixed palette walk", "[viewer][scene]") {
    Scene scene;
    const Color start = scene.background();
    CHECK(start == paletteColor(0));
    for (int k = 0; k < 5; ++k) scene.apply(ev(EventKind::Branch, 1, 2));
    CHECK(scene.branches() == 5);
    CHECK(scene.background() == start);  // colour moves with time, not with events
    scene.advance(1.0 / 60);
    CHECK(scene.background() == paletteColor(5));
    CHECK(paletteColor(5) == paletteColor(5));   // deterministic
    CHECK_FALSE(paletteColor(5) == paletteColor(6));
}

TEST_CASE("Backtrack flashes, result pulses, error shows, each fades", "[viewer][scene]") {
    Scene scene;
    scene.apply(ev(EventKind::Depth, 3));
    scene.apply(ev(EventKind::Backtrack, 1));
    CHECK(scene.depth() == 1);
    CHECK(scene.backtrackFlash() == 1.0);
    CHECK_FALSE(scene.background() == paletteColor(0));  // lightened by the flash
    scene.apply(ev(EventKind::Result, 0, 0, {}, 1));
    CHECK(scene.resultPulse() == 1.0);
    scene.apply(ev(EventKind::Error, 0, 0, "RuntimeError::ArithmeticError", 1));
    CHECK(scene.errorShowing());
    scene.advance(0.1);
    CHECK(scene.errorTint() > 0.0);      // red rises: never a red flash
    CHECK(scene.errorTint() < 1.0);
    for (int k = 0; k < 12; ++k) scene.advance(1.0 / 60);
    CHECK(scene.background() == Color{200, 16, 32});
    CHECK(scene.errorText() == "RuntimeError::ArithmeticError");
    for (int k = 0; k < 240; ++k) scene.advance(1.0 / 60);
    CHECK(scene.backtrackFlash() == 0.0);
    CHECK(scene.resultPulse() == 0.0);
    CHECK_FALSE(scene.errorShowing());
    CHECK(scene.counters().results == 1);
    CHECK(scene.counters().errors == 1);
}

TEST_CASE("Rule names label their level, and stay for levels re-entered by backtracking", "[viewer][scene]") {
    Scene scene;
    scene.apply(ev(EventKind::Rule, 0, 0, "allow"));
    scene.apply(ev(EventKind::Depth, 1));
    scene.apply(ev(EventKind::Rule, 1, 0, "has_permission"));
    scene.apply(ev(EventKind::Depth, 2));
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    auto squares = scene.squares();
    REQUIRE(squares.size() == 2);
    CHECK(squares[0].label == "allow");
    CHECK(squares[1].label == "has_permission");
    scene.apply(ev(EventKind::Depth, 1));
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    REQUIRE(scene.squares().size() == 1);
    CHECK(scene.squares()[0].label == "allow");
    scene.apply(ev(EventKind::Depth, 2));  // re-entered without a new rule call
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    CHECK(scene.squares()[1].label == "has_permission");
    scene.apply(ev(EventKind::Rule, 1, 0, "has_role"));
    CHECK(scene.squares()[1].label == "has_role");
    scene.apply(ev(EventKind::QueryBegin, 0, 0, "allow", 2));  // a new query starts clean
    scene.apply(ev(EventKind::Depth, 2));
    for (int k = 0; k < 120; ++k) scene.advance(1.0 / 60);
    CHECK(scene.squares()[0].label.empty());
}

TEST_CASE("Deep stacks spiral inward and never overflow the view", "[viewer][scene]") {
    Scene scene;
    scene.apply(ev(EventKind::Depth, 100000));
    for (int k = 0; k < 600; ++k) scene.advance(1.0 / 60);
    const auto squares = scene.squares();
    CHECK(squares.size() > 24);    // the spiral goes on past the levels that fit
    CHECK(squares.size() < 100);   // until squares are too small to draw
    double previous = 2.0;
    for (const auto& s : squares) {
        CHECK(s.size < previous);  // each strictly inside its parent
        CHECK(s.size > 0.0);
        previous = s.size;
    }
    CHECK(squares.back().rotation > 0.0);
}

TEST_CASE("Garbage and disorder are counted and absorbed", "[viewer][scene]") {
    Scene scene;
    scene.apply(ev(EventKind::Hello, 0, 0, "polar"));
    scene.apply(ev(EventKind::QueryBegin, 0, 0, "allow", 5));
    scene.apply(ev(EventKind::Depth, 1));
    scene.apply(ev(EventKind::Depth, 9));     // a jump: events were lost
    scene.apply(ev(EventKind::Depth, -4));    // nonsense: clamped to 0
    scene.apply(ev(EventKind::Unknown));
    scene.apply(ev(EventKind::QueryBegin, 0, 0, "allow", 2));  // ids went back: restart
    scene.apply(ev(EventKind::Hello, 0, 0, "polar-github"));  // a new sender
    CHECK(scene.depth() == 0);
    CHECK(scene.counters().depthJumps == 2);
    CHECK(scene.counters().unknown == 1);
    CHECK(scene.counters().restarts == 2);
    CHECK(scene.source() == "polar-github");
    CHECK(scene.counters().events == 8);
}

TEST_CASE("A flood of events costs state, not frames", "[viewer][scene]") {
    Scene scene;
    for (int k = 0; k < 100000; ++k) {
        scene.apply(ev(EventKind::Depth, k % 7));
        if (k % 3 == 0) scene.apply(ev(EventKind::Branch, k % 7, 2));
    }
    scene.advance(1.0 / 60);
    CHECK(scene.counters().events == 133334);
    CHECK(scene.branches() == 33334);
    CHECK(scene.background() == paletteColor(33334));
    CHECK(scene.squares().size() <= 7);
}

TEST_CASE("Colour changes are eased and stepped at most three times a second", "[viewer][scene]") {
    SceneConfig config;
    config.colorEaseSeconds = 0.8;
    Scene scene(config);
    const Color start = scene.background();
    scene.apply(ev(EventKind::Branch, 1, 2));
    scene.advance(0.1);
    const Color early = scene.background();
    CHECK_FALSE(early == start);                 // on its way...
    CHECK_FALSE(early == paletteColor(1));       // ...not there yet
    for (int k = 0; k < 60; ++k) scene.advance(1.0 / 60);
    CHECK(scene.background() == paletteColor(1));
    SECTION("a branch on every frame does not change the colour on every frame") {
        SceneConfig cut;  // no easing: steps are cuts, so they can be counted
        Scene flood(cut);
        int changes = 0;
        Color last = flood.background();
        for (int k = 0; k < 600; ++k) {
            for (int b = 0; b < 50; ++b) flood.apply(ev(EventKind::Branch, 1, 2));
            flood.advance(1.0 / 60);
            if (!(flood.background() == last)) ++changes;
            last = flood.background();
        }
        CHECK(changes <= 31);  // 10 s at three steps a second (plus the first)
        CHECK(changes >= 29);
    }
    SECTION("unlimited (--unsafe-flashes), every frame may change") {
        SceneConfig unsafe;
        unsafe.flashesPerSecond = 0;
        Scene flood(unsafe);
        int changes = 0;
        Color last = flood.background();
        for (int k = 0; k < 120; ++k) {
            flood.apply(ev(EventKind::Branch, 1, 2));
            flood.advance(1.0 / 60);
            if (!(flood.background() == last)) ++changes;
            last = flood.background();
        }
        CHECK(changes >= 118);
    }
}

TEST_CASE("Backtrack flashes and result pulses start at most twice a second", "[viewer][scene]") {
    Scene scene;
    int flashes = 0;
    for (int k = 0; k < 600; ++k) {  // 10 s of a backtrack and a result every frame
        scene.apply(ev(EventKind::Backtrack, 1));
        const bool started = scene.backtrackFlash() == 1.0;
        scene.apply(ev(EventKind::Result, 1));
        flashes += started ? 1 : 0;
        scene.advance(1.0 / 60);
    }
    CHECK(flashes <= 20);
    CHECK(scene.suppressedFlashes() >= 1150);
}

TEST_CASE("Text is capped before it is kept: a 60 KB rule name costs what a short one does", "[viewer][scene]") {
    Scene scene;
    const std::string huge(60000, 'x');
    scene.apply(ev(EventKind::Rule, 0, 0, huge));
    scene.apply(ev(EventKind::Depth, 1));
    scene.apply(ev(EventKind::Error, 0, 0, huge));
    for (int k = 0; k < 60; ++k) scene.advance(1.0 / 60);
    REQUIRE(scene.squares().size() == 1);
    CHECK(scene.squares()[0].label.size() == kMaxSceneText);
    CHECK(scene.squares()[0].label.back() == '~');
    CHECK(scene.errorText().size() == kMaxSceneText);
    SECTION("cut on a character boundary") {
        std::string accents;
        for (int k = 0; k < 400; ++k) accents += "\xC3\xA9";  // é, two bytes each
        scene.apply(ev(EventKind::Rule, 0, 0, accents));
        const std::string label = scene.squares()[0].label;
        CHECK(label.size() <= kMaxSceneText);
        CHECK(label.size() % 2 == 1);  // whole é's, then '~'
    }
}

TEST_CASE("Activity follows the event rate and falls to zero when idle", "[viewer][scene]") {
    Scene scene;
    for (int k = 0; k < 300; ++k) {
        for (int e = 0; e < 10; ++e) scene.apply(ev(EventKind::Depth, e % 3));
        scene.advance(1.0 / 60);
    }
    CHECK(scene.activity() == Approx(600.0).epsilon(0.05));
    for (int k = 0; k < 600; ++k) scene.advance(1.0 / 60);
    CHECK(scene.activity() < 1.0);
    CHECK(scene.idleSeconds() == Approx(10.0).epsilon(0.01));
}
