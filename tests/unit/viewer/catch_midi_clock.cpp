// MidiClockTempo (midi_clock.hpp) fed synthetic tick times: a steady
// clock, jittered ticks, JACK-style bursts, a tempo change, dropouts and the
// transport messages. The jitter is a fixed pseudo-random sequence, so the
// test is deterministic.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <polar/viewer/midi/midi_clock.hpp>

using namespace polar::viewer::midi;

namespace {

double tickSeconds(double bpm) { return 60.0 / (bpm * MidiClockTempo::kTicksPerBeat); }

// Feeds `count` ticks at `bpm` starting at `t`; returns the time after the last.
// `jitter` (seconds) displaces each tick by up to ±jitter, from a fixed LCG.
double feedTicks(MidiClockTempo& clock, double t, double bpm, int count, double jitter = 0) {
    static std::uint32_t seed = 12345;
    double last = t;
    for (int k = 0; k < count; ++k) {
        seed = seed * 1664525u + 1013904223u;
        const double u = (seed >> 8) / double(1u << 24) * 2 - 1; // -1..1
        last = t + k * tickSeconds(bpm) + u * jitter;
        clock.tick(last);
    }
    return t + count * tickSeconds(bpm);
}

} // namespace

TEST_CASE("MIDI clock tempo estimation", "[midi]") {
    MidiClockTempo clock;

    SECTION("a steady 120 bpm reads 120") {
        const double end = feedTicks(clock, 10.0, 120, 48);
        REQUIRE(clock.bpm(end));
        CHECK(*clock.bpm(end) == Approx(120).epsilon(1e-9));
    }
    SECTION("no tempo before one beat of ticks") {
        double end = feedTicks(clock, 0.0, 120, 23);
        CHECK_FALSE(clock.bpm(end));
        end = feedTicks(clock, end, 120, 1);
        CHECK(clock.bpm(end));
    }
    SECTION("±2 ms jitter on every tick moves the tempo by under 1 bpm") {
        double t = 0.0;
        for (int beat = 0; beat < 16; ++beat) {
            t = feedTicks(clock, t, 120, 24, 0.002);
            if (beat >= 1) {
                REQUIRE(clock.bpm(t));
                CHECK(*clock.bpm(t) == Approx(120).margin(1.0));
            }
        }
    }
    SECTION("ticks in JACK-period bursts (1024 frames at 48 kHz) still read about 120") {
        const double period = 1024.0 / 48000;
        double t = 0;
        for (int k = 0; k < 96; ++k) {
            const double sent = k * tickSeconds(120);
            t = (std::floor(sent / period) + 1) * period; // delivered at the period's end
            clock.tick(t);
        }
        REQUIRE(clock.bpm(t));
        CHECK(*clock.bpm(t) == Approx(120).margin(3.0));
    }
    SECTION("a change from 120 to 90 is followed within two beats") {
        double t = feedTicks(clock, 0.0, 120, 96, 0.002);
        CHECK(*clock.bpm(t) == Approx(120).margin(1.0));
        t = feedTicks(clock, t, 90, 24, 0.002);
        const double midway = *clock.bpm(t);
        CHECK(midway < 119);
        CHECK(midway > 91);
        t = feedTicks(clock, t, 90, 48, 0.002);
        CHECK(*clock.bpm(t) == Approx(90).margin(1.0));
    }
    SECTION("a dropout restarts the estimate instead of averaging the silence") {
        double t = feedTicks(clock, 0.0, 120, 48);
        t += 2.0;                  // the cable is pulled for two seconds
        CHECK_FALSE(clock.bpm(t)); // stale: silent longer than kStaleSeconds
        t = feedTicks(clock, t, 120, 12);
        CHECK_FALSE(clock.bpm(t)); // a fresh run, not yet a beat long
        t = feedTicks(clock, t, 120, 12);
        REQUIRE(clock.bpm(t));
        CHECK(*clock.bpm(t) == Approx(120).epsilon(1e-9));
    }
    SECTION("a short gap of a few ticks inside a run is a dropout too") {
        double t = feedTicks(clock, 0.0, 100, 48);
        t += 6 * tickSeconds(100); // five ticks lost
        t = feedTicks(clock, t, 100, 30);
        REQUIRE(clock.bpm(t));
        CHECK(*clock.bpm(t) == Approx(100).epsilon(1e-9));
    }
    SECTION("stop ends the reporting; ticks while stopped are ignored; start restarts") {
        double t = feedTicks(clock, 0.0, 120, 48);
        clock.feed({MidiKind::Stop}, t);
        CHECK_FALSE(clock.running());
        CHECK_FALSE(clock.bpm(t));
        t = feedTicks(clock, t, 120, 48);
        CHECK_FALSE(clock.bpm(t));
        clock.feed({MidiKind::Start}, t);
        CHECK(clock.running());
        CHECK(clock.ticksInWindow() == 0);
        t = feedTicks(clock, t, 140, 24);
        REQUIRE(clock.bpm(t));
        CHECK(*clock.bpm(t) == Approx(140).epsilon(1e-9));
    }
    SECTION("continue resumes like start") {
        double t = feedTicks(clock, 0.0, 120, 48);
        clock.feed({MidiKind::Stop}, t);
        clock.feed({MidiKind::Continue}, t);
        t = feedTicks(clock, t, 120, 24);
        CHECK(clock.bpm(t));
    }
    SECTION("the tempo is clamped to 20..300 bpm") {
        double t = feedTicks(clock, 0.0, 400, 48);
        CHECK(*clock.bpm(t) == MidiClockTempo::kMaxBpm);
        clock.start();
        t = feedTicks(clock, t, 15, 48);
        CHECK(*clock.bpm(t + 0.1) == MidiClockTempo::kMinBpm);
        clock.start();
        // 8 bpm ticks (0.31 s apart) are farther apart than two ticks at
        // 20 bpm: each is a dropout, so no tempo at all rather than a wrong one.
        t = feedTicks(clock, t, 8, 48);
        CHECK_FALSE(clock.bpm(t - 0.3));
        clock.start();
        t = feedTicks(clock, t, 21, 48);
        CHECK(*clock.bpm(t) == Approx(21).epsilon(1e-9));
    }
    SECTION("other messages are ignored") {
        double t = feedTicks(clock, 0.0, 120, 48);
        clock.feed({MidiKind::ControlChange, 1, 1, 1}, t);
        clock.feed({MidiKind::NoteOn, 1, 60, 1}, t);
        CHECK(clock.ticksInWindow() == 48);
    }
}
