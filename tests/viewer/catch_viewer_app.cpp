// catch_viewer_app.cpp — polar-viewer's small program-side pieces that need
// no display: FrameStats (the measured fps and frame-time percentiles) and
// nextShotPath (the S key's never-overwriting names). Compiled from
// viewer/app's sources, since they live in the program, not a library.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "frame_stats.hpp"
#include "shot_names.hpp"

using polar::viewer::FrameStats;
using polar::viewer::nextShotPath;
using polar::viewer::prepareShotDirectory;

TEST_CASE("FrameStats measures what it is given", "[viewer][frame_stats]") {
    FrameStats stats;
    REQUIRE(stats.fps() == 0);
    REQUIRE(stats.percentileMs(0.5) == 0);

    SECTION("steady 20 ms frames: 50 fps, p50 and p99 at 20 ms") {
        for (int k = 0; k < 100; ++k) stats.add(0.020);
        CHECK(stats.fps() == Approx(50));
        CHECK(stats.percentileMs(0.5) == Approx(20.1));  // the 20.0..20.1 ms bin's upper edge
        CHECK(stats.percentileMs(0.99) == Approx(20.1));
    }
    SECTION("one slow frame in a hundred shows in p99, not in p50") {
        for (int k = 0; k < 98; ++k) stats.add(0.010);
        stats.add(0.200);
        stats.add(0.200);
        CHECK(stats.percentileMs(0.5) == Approx(10.1));
        CHECK(stats.percentileMs(0.99) == Approx(200.1));
    }
    SECTION("frames over a second land in the last bin; nonsense counts as instant") {
        stats.add(5.0);
        stats.add(-1.0);
        CHECK(stats.frames() == 2);
        CHECK(stats.percentileMs(1.0) > 1000);
        CHECK(stats.percentileMs(0.5) == Approx(0.1));
    }
}

TEST_CASE("nextShotPath never returns a name that exists", "[viewer][shots]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("polar-viewer-shots-" + std::to_string(std::random_device{}()));
    REQUIRE(prepareShotDirectory(dir / "nested").empty());
    const auto nested = dir / "nested";
    REQUIRE(std::filesystem::is_directory(nested));
    std::ofstream(nested / "polar-viewer-000.png") << "taken";
    std::ofstream(nested / "polar-viewer-002.png") << "taken";
    unsigned next = 0;
    CHECK(nextShotPath(nested, next) == nested / "polar-viewer-001.png");
    CHECK(next == 2);
    CHECK(nextShotPath(nested, next) == nested / "polar-viewer-003.png");
    next = 999;
    CHECK(nextShotPath(nested, next) == nested / "polar-viewer-999.png");
    CHECK(nextShotPath(nested, next) == nested / "polar-viewer-1000.png");
    std::ofstream(dir / "file") << "not a directory";
    CHECK_FALSE(prepareShotDirectory(dir / "file").empty());
    std::filesystem::remove_all(dir);
}
