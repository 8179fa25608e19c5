// The /viewer/... control model: ranges, smoothing, presets and their
// crossfade, triggers (viewer/control). No window, no network.
#include <catch2/catch.hpp>

#include <cmath>

#include "polar/viewer/control_model.hpp"

using namespace polar::viewer;

namespace {

ControlModel makeModel() { return ControlModel(viewerParams({"diagram", "neon", "ink"}, 1)); }

// Steps the model `seconds` in 1/60 s frames, recording the largest change
// of `id` between two frames.
double biggestStep(ControlModel& model, Param id, double seconds) {
    double biggest = 0, last = model.value(id);
    for (int frame = 0; frame < static_cast<int>(seconds * 60); ++frame) {
        model.advance(1.0 / 60);
        biggest = std::max(biggest, std::abs(model.value(id) - last));
        last = model.value(id);
    }
    return biggest;
}

} // namespace

TEST_CASE("the table lists every parameter once, in Param order, with a range and a default inside it", "[control]") {
    const auto params = viewerParams({"diagram", "neon"});
    REQUIRE(params.size() == kParamCount);
    for (std::size_t i = 0; i < params.size(); ++i) {
        INFO(params[i].path);
        CHECK(params[i].id == static_cast<Param>(i));
        CHECK(params[i].path.rfind("/viewer/", 0) == 0);
        CHECK(params[i].min <= params[i].initial);
        CHECK(params[i].initial <= params[i].max);
        CHECK_FALSE(params[i].description.empty());
        for (std::size_t j = 0; j < i; ++j) CHECK(params[j].path != params[i].path);
    }
}

TEST_CASE("set() takes any number, clamps it to the range, and refuses what is not a value", "[control]") {
    ControlModel model = makeModel();
    SECTION("clamped") {
        CHECK(model.set("/viewer/zoom", {100.0}) == ControlModel::Outcome::Accepted);
        CHECK(model.target(Param::Zoom) == 4);
        model.set("/viewer/zoom", {-3.0});
        CHECK(model.target(Param::Zoom) == 0.25);
    }
    SECTION("refused") {
        CHECK(model.set("/viewer/zoom", {std::string("big")}) == ControlModel::Outcome::Mistyped);
        CHECK(model.set("/viewer/zoom", {std::nan("")}) == ControlModel::Outcome::Mistyped);
        CHECK(model.set("/viewer/zoom", {}) == ControlModel::Outcome::Mistyped);
        CHECK(model.set("/viewer/nothing", {1.0}) == ControlModel::Outcome::Unknown);
        CHECK(model.target(Param::Zoom) == 1);
    }
    SECTION("a choice by name or by index, not beyond the list") {
        CHECK(model.choice(Param::Theme) == "neon");
        CHECK(model.set("/viewer/theme", {std::string("ink")}) == ControlModel::Outcome::Accepted);
        CHECK(model.choice(Param::Theme) == "ink");
        CHECK(model.set("/viewer/theme", {0.0}) == ControlModel::Outcome::Accepted);
        CHECK(model.choice(Param::Theme) == "diagram");
        CHECK(model.set("/viewer/theme", {std::string("disco")}) == ControlModel::Outcome::Mistyped);
        CHECK(model.set("/viewer/theme", {7.0}) == ControlModel::Outcome::Mistyped);
        CHECK(model.choice(Param::Theme) == "diagram");
    }
    SECTION("a toggle switches at once; without an argument it flips") {
        model.set("/viewer/labels", {0.0});
        CHECK_FALSE(model.on(Param::Labels));
        model.set("/viewer/labels", {});
        CHECK(model.on(Param::Labels));
        model.set("/viewer/freeze", {0.7});
        CHECK(model.on(Param::Freeze));
    }
}

TEST_CASE("a real value glides to its target over the smoothing time, with no jump", "[control]") {
    ControlModel model = makeModel();
    model.set("/viewer/smoothing", {0.5});
    model.set("/viewer/zoom", {3.0});
    CHECK(model.value(Param::Zoom) == 1);  // nothing before time passes
    SECTION("smoothly") {
        // Eased over 30 frames: a frame's step stays near the mean step (2/30).
        CHECK(biggestStep(model, Param::Zoom, 0.6) < 2.0 / 30 * 1.6);
        CHECK(model.value(Param::Zoom) == 3);
    }
    SECTION("halfway at half the time") {
        model.advance(0.25);
        CHECK(model.value(Param::Zoom) == Approx(2.0));
    }
    SECTION("a smoothing of 0 is a cut") {
        model.set("/viewer/smoothing", {0.0});
        model.set("/viewer/zoom", {0.5});
        CHECK(model.value(Param::Zoom) == 0.5);
    }
    SECTION("blackout fades over /viewer/fade, not the smoothing") {
        model.set("/viewer/fade", {4.0});
        model.set("/viewer/blackout", {1.0});
        model.advance(2.0);
        CHECK(model.value(Param::Blackout) == Approx(0.5));
        model.advance(2.0);
        CHECK(model.value(Param::Blackout) == 1);
    }
}

TEST_CASE("changed() lists each parameter whose target moved, once", "[control]") {
    ControlModel model = makeModel();
    model.changed();
    model.set("/viewer/hue", {30.0});
    model.set("/viewer/hue", {40.0});
    model.set("/viewer/labels", {1.0});  // already on: no change
    CHECK(model.changed() == std::vector<Param>{Param::Hue});
    CHECK(model.changed().empty());
}

TEST_CASE("a preset recalls every value over the crossfade; its theme switches halfway", "[control][preset]") {
    ControlModel model = makeModel();
    model.set("/viewer/smoothing", {0.0});
    model.set("/viewer/zoom", {2.0});
    model.set("/viewer/theme", {std::string("ink")});
    const Preset stored = model.snapshot("wide ink");
    model.set("/viewer/zoom", {1.0});
    model.set("/viewer/theme", {std::string("diagram")});

    CHECK(model.recall(stored, 2.0) == 0);
    model.advance(0.9);
    CHECK(model.choice(Param::Theme) == "diagram");
    CHECK(model.value(Param::Zoom) > 1.0);
    CHECK(model.value(Param::Zoom) < 2.0);
    model.advance(0.2);
    CHECK(model.choice(Param::Theme) == "ink");
    CHECK(biggestStep(model, Param::Zoom, 1.0) < 0.05);
    CHECK(model.value(Param::Zoom) == 2.0);

    SECTION("tempo, solo, mute and the flash limiter are not part of a preset") {
        for (const auto& [path, value] : stored.values) {
            CHECK(path != "/viewer/tempo");
            CHECK(path != "/viewer/flashlimit");
            CHECK(path != "/viewer/source/solo");
        }
    }
    SECTION("unknown paths and bad values are skipped and counted") {
        Preset odd{"odd", {{"/viewer/zoom", 3.0}, {"/viewer/warp", 1.0}, {"/viewer/theme", std::string("disco")},
                           {"/viewer/flashlimit", 0.0}}};
        CHECK(model.recall(odd, 0) == 3);
        CHECK(model.value(Param::Zoom) == 3.0);
        CHECK(model.on(Param::FlashLimit));
    }
}

TEST_CASE("triggers come back to the app as actions", "[control]") {
    ControlModel model = makeModel();
    CHECK(model.set("/viewer/preset/recall", {3.0}) == ControlModel::Outcome::Action);
    CHECK(model.set("/viewer/preset/store", {12.0}) == ControlModel::Outcome::Action);
    CHECK(model.set("/viewer/preset/recall", {std::string("three")}) == ControlModel::Outcome::Mistyped);
    const auto actions = model.takeActions();
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].id == Param::PresetRecall);
    CHECK(actions[0].value == 3);
    CHECK(actions[1].value == 9);  // clamped to the last slot
    CHECK(model.takeActions().empty());
}
