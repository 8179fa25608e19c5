// catch_osc_receiver_tool.cpp — the recording file and `polar-osc`, in process.
//
// The recording format round-trips any bytes and rejects broken files with
// FILE:LINE messages; `polar-osc dump --file` prints the fixture recording
// exactly as the approved golden files say (POLAR_UPDATE_GOLDEN=1 rewrites
// them, for review in the diff); and a recording replayed into a live
// recorder comes back with the same datagrams at the same relative times.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "dump_command.hpp"
#include "polar/osc/recording.hpp"
#include "record_command.hpp"
#include "replay_command.hpp"

using namespace polar::osc;
using namespace polar::osc::tool;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(POLAR_TEST_DIR) / "osc";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<RecordedDatagram> readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    RecordingReader reader(in, path.filename().string());
    std::vector<RecordedDatagram> all;
    RecordedDatagram datagram;
    while (reader.next(datagram)) all.push_back(datagram);
    return all;
}

void checkGolden(const std::string& actual, const fs::path& golden) {
    if (std::getenv("POLAR_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(golden, std::ios::binary) << actual;
    }
    CHECK(actual == readFile(golden));
}

} // namespace

TEST_CASE("the recording format keeps any bytes and times", "[osc][tool]") {
    std::string every;
    for (int byte = 0; byte < 256; ++byte) every += static_cast<char>(byte);
    std::stringstream file;
    RecordingWriter writer(file);
    writer.write(std::chrono::microseconds(0), every.data(), every.size());
    writer.write(std::chrono::microseconds(1'500'001), "", 0);
    writer.write(std::chrono::microseconds(3'600'000'000LL), "\n\0#", 3);

    CHECK(formatRecordedLine(std::chrono::microseconds(1'500'001), "\x2f\xff", 2) == "1.500001 2fff");
    RecordingReader reader(file, "mem");
    RecordedDatagram d;
    REQUIRE(reader.next(d));
    CHECK(d.bytes == every);
    REQUIRE(reader.next(d));
    CHECK(d.time.count() == 1'500'001);
    CHECK(d.bytes.empty());
    REQUIRE(reader.next(d));
    CHECK(d.time.count() == 3'600'000'000LL);
    CHECK(d.bytes == std::string("\n\0#", 3));
    CHECK_FALSE(reader.next(d));
}

TEST_CASE("broken recordings are refused with the file and line", "[osc][tool]") {
    const auto errorOf = [](const std::string& text) -> std::string {
        std::istringstream in(text);
        try {
            RecordingReader reader(in, "r.rec");
            RecordedDatagram d;
            while (reader.next(d)) {
            }
        } catch (const RecordingError& error) {
            return error.what();
        }
        return "no error";
    };
    const std::string header = std::string(kRecordingHeader) + "\n";
    CHECK(errorOf("hello\n") ==
          "r.rec:1: not a polar-osc recording (the first line must be '# polar-osc recording v1')");
    CHECK(errorOf(header + "# comment\n\n1.5 2f0\n") == "r.rec:4: odd number of hex digits");
    CHECK(errorOf(header + "2.0 00\n1.0 00\n") == "r.rec:3: time goes backwards");
    CHECK(errorOf(header + "x 00\n") ==
          "r.rec:2: expected a time in seconds such as 1.250000 at the start of the line");
    CHECK(errorOf(header + "1.1234567 00\n") ==
          "r.rec:2: expected a time in seconds such as 1.250000 at the start of the line");
    CHECK(errorOf(header + "1 0g\n") == "r.rec:2: not a hex digit in the datagram bytes");
    CHECK(errorOf(header + "1 2F2f\r\n3\n") == "no error");
}

TEST_CASE("polar-osc dump prints the fixture recording as approved", "[osc][tool]") {
    for (const bool times : {false, true}) {
        DumpOptions options;
        options.file = (kFixtures / "session.rec").string();
        options.times = times;
        std::ostringstream out, err;
        const StopFlag stop{false};
        CHECK(runDump(options, out, err, stop) == kExitOk);
        CHECK(err.str().empty());
        checkGolden(out.str(), kFixtures / (times ? "session_times.dump" : "session.dump"));
    }
}

TEST_CASE("a replayed recording, recorded again, has the same datagrams and timing",
          "[osc][tool][live]") {
    const fs::path original = kFixtures / "session.rec";
    const fs::path copy = fs::temp_directory_path() /
                          ("polar-osc-roundtrip-" + std::to_string(::getpid()) + ".rec");
    StopFlag stopRecording{false};
    std::promise<std::uint16_t> listening;
    RecordOptions record;
    record.file = copy.string();
    record.port = 0;
    record.listening = [&](const std::string&, std::uint16_t port) { listening.set_value(port); };
    std::ostringstream recordLog;
    std::future<int> recorder = std::async(std::launch::async, [&] {
        return runRecord(record, recordLog, stopRecording);
    });
    const std::uint16_t port = listening.get_future().get();

    ReplayOptions replay;
    replay.file = original.string();
    replay.to = "127.0.0.1:" + std::to_string(port);
    std::ostringstream replayLog;
    const StopFlag noStop{false};
    CHECK(runReplay(replay, replayLog, noStop) == kExitOk);
    CHECK(replayLog.str().rfind("replayed 16 datagrams, ", 0) == 0);

    const auto sent = readAll(original);
    // Wait for the last datagram to be written (the recorder counts on its thread).
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stopRecording = true;
    CHECK(recorder.get() == kExitOk);
    CHECK(recordLog.str().find("recorded 16 datagrams") != std::string::npos);

    const auto got = readAll(copy);
    fs::remove(copy);
    REQUIRE(got.size() == sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].bytes == sent[i].bytes);
        // Relative to the first datagram: replay timing, loopback and a busy
        // two-core CI machine together stay well inside 25 ms.
        const auto expected = sent[i].time - sent[0].time;
        const auto actual = got[i].time - got[0].time;
        CHECK(std::chrono::abs(actual - expected) < std::chrono::milliseconds(25));
    }
}

TEST_CASE("replay at double speed halves the gaps, and --loop repeats until stopped", "[osc][tool][live]") {
    ReplayOptions replay;
    replay.file = (kFixtures / "session.rec").string();
    replay.to = "[::1]:9";  // discard port; loopback only, nobody needs to listen
    replay.speed = 2.0;
    std::ostringstream log;
    const StopFlag noStop{false};
    const auto start = Clock::now();
    if (runReplay(replay, log, noStop) != kExitOk) {
        WARN("no IPv6 loopback here: " << log.str());
        replay.to = "127.0.0.1:9";
        log.str("");
        REQUIRE(runReplay(replay, log, noStop) == kExitOk);
    }
    const auto elapsed = Clock::now() - start;
    CHECK(elapsed >= std::chrono::milliseconds(150));  // 0.3 s recorded, at 2x
    CHECK(elapsed < std::chrono::milliseconds(290));

    StopFlag stop{false};
    replay.loop = true;
    replay.speed = 10.0;  // one pass is 30 ms
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stop = true;
    });
    log.str("");
    CHECK(runReplay(replay, log, stop) == kExitOk);
    stopper.join();
    INFO(log.str());
    CHECK(log.str().find(" passes)") != std::string::npos);
}
