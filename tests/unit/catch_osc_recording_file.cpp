// catch_osc_recording_file.cpp — RecordingFile and Recorder
// (osc/tool/recording_file.hpp, recorder.hpp): a recording is never lost.
// An existing file is refused without force and left as it was; the bytes
// go to FILE.partial until commit(); datagrams that arrive before the file
// is open are kept and written first; a write error is reported with its
// reason. The process-level side (busy port, Ctrl-C) is
// tests/osc/run_tee_tests.sh.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "polar/osc/recording.hpp"
#include "recorder.hpp"
#include "recording_file.hpp"

namespace fs = std::filesystem;
using polar::osc::Clock;
using polar::osc::tool::checkTarget;
using polar::osc::tool::Recorder;
using polar::osc::tool::RecordingFile;
using polar::osc::tool::RecordingFileError;

namespace {

fs::path scratch(const std::string& name) {
    return fs::temp_directory_path() / ("polar-recfile-" + std::to_string(::getpid()) + "-" + name);
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("an existing recording is refused without force, untouched", "[osc][tool][recording]") {
    const fs::path path = scratch("keep.rec");
    std::ofstream(path) << "precious";
    CHECK_THAT(checkTarget(path.string(), false), Catch::Contains("exists (8 bytes); pass --force"));
    CHECK(checkTarget(path.string(), true).empty());
    CHECK_THROWS_AS(RecordingFile(path.string(), false), RecordingFileError);
    CHECK(readText(path) == "precious");
    CHECK_FALSE(fs::exists(path.string() + ".partial"));
    fs::remove(path);
}

TEST_CASE("a recording is written beside its name and renamed on commit", "[osc][tool][recording]") {
    const fs::path path = scratch("new.rec");
    const std::string partial = path.string() + ".partial";
    {
        RecordingFile file(path.string(), false);
        CHECK(file.writingTo() == partial);
        file.write(std::chrono::microseconds(1500), "/a\0\0,\0\0\0", 8);
        CHECK(fs::exists(partial));
        CHECK_FALSE(fs::exists(path));
        file.commit();
    }
    CHECK_FALSE(fs::exists(partial));
    CHECK(readText(path) == std::string(polar::osc::kRecordingHeader) +
                                "\n0.001500 2f6100002c000000\n");
    fs::remove(path);
}

TEST_CASE("datagrams that arrive before the file is open are written first", "[osc][tool][recording]") {
    const fs::path path = scratch("early.rec");
    const Clock::time_point start = Clock::now();
    Recorder recorder(start);
    recorder.handle("early", 5, start + std::chrono::milliseconds(2));
    recorder.open(path.string(), false);
    recorder.handle("late", 4, start + std::chrono::milliseconds(3));
    CHECK(recorder.finish().empty());
    CHECK(recorder.counts().datagrams == 2);
    CHECK(readText(path) == std::string(polar::osc::kRecordingHeader) +
                                "\n0.002000 6561726c79\n0.003000 6c617465\n");
    fs::remove(path);
}

TEST_CASE("a full disk is reported with its reason", "[osc][tool][recording]") {
    if (!fs::exists("/dev/full")) return; // Catch2 v2 has no SKIP
    CHECK_THAT(checkTarget("/dev/full", false), Catch::Contains("not a regular file"));
    try {
        RecordingFile file("/dev/full", true);
        FAIL("the header was written to /dev/full");
    } catch (const RecordingFileError& error) {
        CHECK_THAT(error.what(), Catch::Equals("cannot write /dev/full: No space left on device"));
    }
}
