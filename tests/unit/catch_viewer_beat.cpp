// The viewer's beat clock (viewer/control): tempo, tap tempo, phase, and
// the preset bank file it travels with.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "polar/viewer/beat_clock.hpp"
#include "polar/viewer/control_model.hpp"
#include "polar/viewer/preset_bank.hpp"

using namespace polar::viewer;

TEST_CASE("the beat advances at the tempo and a tempo change keeps its place", "[beat]") {
    BeatClock clock(120);
    clock.advance(1.25);
    CHECK(clock.beats() == Approx(2.5));
    CHECK(clock.phase() == Approx(0.5));
    clock.setBpm(60);
    CHECK(clock.beats() == Approx(2.5));
    clock.advance(0.5);
    CHECK(clock.beats() == Approx(3.0));
    CHECK(clock.pulse() == Approx(1.0));
    clock.setBpm(5000);
    CHECK(clock.bpm() == BeatClock::kMaxBpm);
}

TEST_CASE("tap tempo: the mean of a run of taps, a long gap starts a new run", "[beat]") {
    BeatClock clock(120);
    CHECK_FALSE(clock.tap(10.0));  // one tap says nothing of a tempo
    CHECK(clock.tap(10.52));
    CHECK(clock.tap(11.0));
    CHECK(clock.tap(11.5));
    CHECK(clock.bpm() == Approx(120.0).margin(0.5));
    // Four seconds later: a new run at 90 bpm.
    CHECK_FALSE(clock.tap(15.5));
    CHECK(clock.tap(16.1666));
    CHECK(clock.bpm() == Approx(90.0).margin(0.5));
    SECTION("a tap puts the beat on it") {
        clock.advance(0.1);
        clock.tap(16.2);
        CHECK(clock.phase() == Approx(0.0).margin(1e-9));
    }
}

TEST_CASE("/viewer/tap sets /viewer/tempo", "[beat][control]") {
    ControlModel model(viewerParams({"diagram"}));
    for (double t : {1.0, 1.4, 1.8, 2.2}) model.set("/viewer/tap", {}, t);
    CHECK(model.value(Param::Tempo) == Approx(150.0));
    CHECK(model.beat().bpm() == Approx(150.0));
}

TEST_CASE("a preset bank survives a round trip through its file; bad files say why", "[preset]") {
    const auto dir = std::filesystem::temp_directory_path() / ("polar-presets-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "bank.json";
    ControlModel model(viewerParams({"diagram", "neon"}));
    model.set("/viewer/zoom", {1.5});
    model.set("/viewer/theme", {std::string("neon")});
    PresetBank bank;
    bank.slots[2] = model.snapshot("three");

    REQUIRE(savePresetBank(file, bank).empty());
    const PresetLoad loaded = loadPresetBank(file);
    REQUIRE(loaded.bank);
    REQUIRE(loaded.bank->slots[2]);
    CHECK_FALSE(loaded.bank->slots[0]);
    CHECK(loaded.bank->slots[2]->name == "three");
    CHECK(presetBankJson(*loaded.bank) == presetBankJson(bank));

    const auto bad = [&](const std::string& text) {
        std::ofstream(dir / "bad.json") << text;
        return loadPresetBank(dir / "bad.json");
    };
    CHECK_FALSE(bad("{").bank);
    CHECK(bad("{").error.find("bad.json: not valid JSON") != std::string::npos);
    CHECK(bad("[1,2]").error.find("not a polar-viewer preset file") != std::string::npos);
    CHECK(bad(R"({"version":1,"presets":{"12":{"values":{}}}})").error.find("\"12\" is not 1..9") != std::string::npos);
    CHECK(bad(R"({"version":1,"presets":{"1":{"values":{"/viewer/zoom":[1]}}}})").error.find("preset 1") !=
          std::string::npos);
    CHECK(loadPresetBank(dir / "missing.json").error.find("missing.json") != std::string::npos);
    std::filesystem::remove_all(dir);
}
