// The live-coding banner in the scene model (banner.hpp): set by a refused
// load, faded in without flashing, kept until the next successful load,
// which clears it and shows a toast; texts cut to a width with '~'.
// Time is the scene's own (advance), never the wall clock.
#include <catch2/catch.hpp>

#include <polar/viewer/scene.hpp>

using namespace polar::viewer;

namespace {

SceneEvent policyError(std::string file, int line, int column, std::string name, std::string message) {
    SceneEvent e;
    e.kind = EventKind::PolicyError;
    e.file = std::move(file);
    e.line = line;
    e.column = column;
    e.text = std::move(name);
    e.message = std::move(message);
    return e;
}

SceneEvent policyLoaded(std::string file, int rules) {
    SceneEvent e;
    e.kind = EventKind::PolicyLoaded;
    e.file = std::move(file);
    e.rules = rules;
    return e;
}

} // namespace

TEST_CASE("A refused load sets the banner; the next load clears it", "[viewer][scene][banner]") {
    Scene scene;
    scene.apply(policyError("live.polar", 3, 14, "ParseError::UnrecognizedToken", "did not expect if"));
    const LoadBanner& b = scene.banner();
    REQUIRE(b.showing());
    CHECK(b.location() == "live.polar:3:14");
    CHECK(b.name() == "ParseError::UnrecognizedToken");
    CHECK(b.message() == "did not expect if");

    SECTION("it fades in over at least 200 ms, monotonically, and stays") {
        CHECK(b.opacity() == 0.0);
        double last = 0;
        for (int frame = 0; frame < 12; ++frame) { // 200 ms at 60 fps
            scene.advance(1.0 / 60);
            CHECK(b.opacity() >= last);
            last = b.opacity();
            if (frame < 11) CHECK(b.opacity() < 1.0);
        }
        for (int frame = 0; frame < 600; ++frame) scene.advance(1.0 / 60); // ten seconds
        CHECK(b.opacity() == 1.0);
        CHECK(b.showing()); // no timeout: the error stands until fixed
    }
    SECTION("a second error replaces the text without restarting the fade") {
        for (int frame = 0; frame < 60; ++frame) scene.advance(1.0 / 60);
        scene.apply(policyError("live.polar", 0, 0, "ValidationError::X", "other"));
        CHECK(b.opacity() == 1.0);
        CHECK(b.location() == "live.polar"); // no line, no column
        CHECK(b.message() == "other");
    }
    SECTION("a load clears it and shows a toast that fades out") {
        scene.apply(policyLoaded("live.polar", 12));
        CHECK_FALSE(b.showing());
        CHECK(b.opacity() == 0.0);
        REQUIRE(b.toastShowing());
        CHECK(b.toastText() == "loaded (12 rules)");
        CHECK(b.toastOpacity() == 0.0); // fades in too
        scene.advance(LoadBanner::kToastIn);
        CHECK(b.toastOpacity() == Approx(1.0));
        scene.advance(LoadBanner::kToastHold + LoadBanner::kToastOut / 2);
        CHECK(b.toastOpacity() == Approx(0.5));
        scene.advance(LoadBanner::kToastOut);
        CHECK_FALSE(b.toastShowing());
    }
    SECTION("the line without a column") {
        scene.apply(policyError("a.polar", 7, 0, "E", "m"));
        CHECK(b.location() == "a.polar:7");
    }
}

TEST_CASE("The toast counts one rule in the singular", "[viewer][scene][banner]") {
    Scene scene;
    scene.apply(policyLoaded("a.polar", 1));
    CHECK(scene.banner().toastText() == "loaded (1 rule)");
    CHECK_FALSE(scene.banner().showing());
}

TEST_CASE("Banner texts are cut to a width with the '~' marker", "[viewer][scene][banner]") {
    CHECK(cutToWidth("short", 10) == "short");
    CHECK(cutToWidth("exactly10!", 10) == "exactly10!");
    CHECK(cutToWidth("eleven chars", 10) == "eleven ch~");
    CHECK(countCharacters(cutToWidth("eleven chars", 10)) == 10);
    CHECK(cutToWidth("abc", 0).empty());
    CHECK(cutToWidth("abc", 1) == "~");
    // UTF-8: characters, not bytes, and never half a character.
    CHECK(countCharacters("déjà vu") == 7);
    CHECK(cutToWidth("déjà vu", 4) == "déj~");
    CHECK(cutToWidth("ééééé", 3) == "éé~");
}
