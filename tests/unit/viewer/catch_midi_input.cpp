// MidiQueue (midi_queue.hpp) and MidiInput (midi_input.hpp) without a MIDI
// system. Here there is no /dev/snd; JACK_DEFAULT_SERVER is set to a name
// no server uses, so a JACK server elsewhere on the machine (such as the
// viewer/midi_jack test's) is not found either. The JACK round trip is
// tests/viewer/midi_jack_test.sh.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <polar/viewer/midi/midi_input.hpp>
#include <polar/viewer/midi/midi_queue.hpp>
#include <sstream>
#include <string>
#include <thread>

using namespace polar::viewer::midi;

TEST_CASE("The MIDI queue is bounded and drops its oldest", "[midi]") {
    SECTION("drain returns everything, oldest first, and empties the queue") {
        MidiQueue queue(8);
        for (int k = 0; k < 3; ++k) queue.push({{MidiKind::ControlChange, 1, k, 0}, double(k)});
        const auto got = queue.drain();
        REQUIRE(got.size() == 3);
        CHECK(got[0].message.number == 0);
        CHECK(got[2].seconds == 2.0);
        CHECK(queue.drain().empty());
        CHECK(queue.dropped() == 0);
    }
    SECTION("when full, the oldest go and are counted") {
        MidiQueue queue(4);
        for (int k = 0; k < 10; ++k) queue.push({{MidiKind::ControlChange, 1, k, 0}, double(k)});
        const auto got = queue.drain();
        REQUIRE(got.size() == 4);
        CHECK(got.front().message.number == 6);
        CHECK(got.back().message.number == 9);
        CHECK(queue.dropped() == 6);
    }
    SECTION("pushes from another thread arrive whole") {
        MidiQueue queue;
        std::thread producer([&] {
            for (int k = 0; k < 1000; ++k) queue.push({{MidiKind::Clock}, double(k)});
        });
        std::size_t seen = 0;
        while (seen < 1000) seen += queue.drain().size();
        producer.join();
        CHECK(seen == 1000);
        CHECK(queue.dropped() == 0);
    }
    CHECK(MidiQueue::kDefaultBound == 4096);
}

#ifndef POLAR_MIDI_HAVE_RTMIDI
TEST_CASE("Built without RtMidi, MIDI is off in one line", "[midi]") {
    std::ostringstream report;
    MidiInput input(MidiInputOptions{}, report);
    CHECK_FALSE(input.enabled());
    CHECK(report.str() == "polar-viewer: MIDI: built without RtMidi; running without MIDI\n");
}
#else
TEST_CASE("Without ALSA sequencer or JACK server, MIDI is off in one line", "[midi]") {
    if (::access("/dev/snd/seq", F_OK) == 0) {
        WARN("this machine has an ALSA sequencer: the no-MIDI path cannot be checked here");
        return;
    }
    ::setenv("JACK_DEFAULT_SERVER", ("polar-midi-none-" + std::to_string(::getpid())).c_str(), 1);

    const auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    SECTION("auto") {
        std::ostringstream report;
        MidiInput input(MidiInputOptions{}, report);
        CHECK_FALSE(input.enabled());
        CHECK(report.str() ==
              "polar-viewer: MIDI: no ALSA sequencer or JACK server; running without MIDI\n");
        CHECK(input.drain().empty());
        CHECK(input.api().empty());
    }
    SECTION("alsa") {
        std::ostringstream report;
        MidiInputOptions options;
        options.api = "alsa";
        MidiInput input(options, report);
        CHECK_FALSE(input.enabled());
        CHECK(lines(report.str()) == 1);
        CHECK_THAT(report.str(), Catch::Contains("no ALSA sequencer (/dev/snd/seq is missing)"));
    }
    SECTION("jack: RtMidi's own warning is captured, not printed, and nothing crashes") {
        std::ostringstream report;
        MidiInputOptions options;
        options.api = "jack";
        options.connectAll = true;
        MidiInput input(options, report);
        CHECK_FALSE(input.enabled());
        CHECK(report.str() == "polar-viewer: MIDI: no JACK server running; running without MIDI\n");
        CHECK(input.status() == "no JACK server running");
        CHECK_FALSE(input.diagnostics().empty());
    }
    SECTION("nothing reaches stderr: not RtMidi's warnings, not libjack's or libasound's") {
        std::FILE* sink = std::tmpfile();
        REQUIRE(sink);
        std::fflush(stderr);
        const int saved = ::dup(2);
        ::dup2(::fileno(sink), 2);
        for (const char* api : {"auto", "alsa", "jack"}) {
            std::ostringstream report;
            MidiInputOptions options;
            options.api = api;
            MidiInput input(options, report);
        }
        std::cerr.flush();
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        CHECK(std::ftell(sink) == 0);
        std::fclose(sink);
    }
    SECTION("an unknown API is named") {
        std::ostringstream report;
        MidiInputOptions options;
        options.api = "coreaudio";
        options.clientName = "viewer-test";
        MidiInput input(options, report);
        CHECK_FALSE(input.enabled());
        CHECK(report.str() ==
              "viewer-test: MIDI: unknown MIDI API \"coreaudio\" (auto, alsa or jack); running "
              "without MIDI\n");
    }
    ::unsetenv("JACK_DEFAULT_SERVER");
}
#endif
