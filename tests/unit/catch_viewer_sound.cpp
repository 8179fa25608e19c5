// The viewer's built-in synthesis (viewer/sound): the scale, silence, decay,
// pitch that follows depth, the limiter, timing, the live queue, and the WAV
// files it writes — measured on rendered samples, no sound card involved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <optional>
#include <vector>

#include <polar/viewer/sound/live_synth.hpp>
#include <polar/viewer/sound/scale.hpp>
#include <polar/viewer/sound/synth.hpp>
#include <polar/viewer/sound/timed_renderer.hpp>
#include <polar/viewer/sound/wav_writer.hpp>

using namespace polar::viewer;
using namespace polar::viewer::sound;

namespace {
constexpr unsigned kRate = 44100;

SoundEvent ev(EventKind kind, int depth = 0, int alternatives = 0) { return SoundEvent{kind, depth, alternatives}; }

// Renders `seconds` of the left channel; before each block of 20 ms (the
// stimulus's pace) calls `each` so a test can feed events in time.
template <typename Each>
std::vector<float> renderLeft(Synth& synth, double seconds, Each each) {
    const std::size_t block = kRate / 50;
    std::vector<float> left, stereo(2 * block);
    for (std::size_t done = 0; done < static_cast<std::size_t>(seconds * kRate); done += block) {
        each();
        synth.render(stereo);
        for (std::size_t i = 0; i < block; ++i) left.push_back(stereo[2 * i]);
    }
    return left;
}
std::vector<float> renderLeft(Synth& synth, double seconds) { return renderLeft(synth, seconds, [] {}); }

double peak(const std::vector<float>& s, std::size_t from = 0) {
    double p = 0;
    for (std::size_t i = from; i < s.size(); ++i) p = std::max(p, static_cast<double>(std::abs(s[i])));
    return p;
}

// Power of one frequency (Goertzel) over the second half of the samples.
double powerAt(const std::vector<float>& s, double hz) {
    const double w = 2.0 * std::numbers::pi * hz / kRate, c = 2.0 * std::cos(w);
    double s1 = 0, s2 = 0;
    for (std::size_t i = s.size() / 2; i < s.size(); ++i) {
        const double s0 = s[i] + c * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - c * s1 * s2;
}

// Pitch by rising zero crossings over the second half (after the glide).
double zeroCrossingHz(const std::vector<float>& s) {
    std::size_t first = 0, last = 0, count = 0;
    for (std::size_t i = s.size() / 2 + 1; i < s.size(); ++i) {
        if (s[i - 1] < 0 && s[i] >= 0) {
            if (count++ == 0) first = i;
            last = i;
        }
    }
    return count < 2 ? 0.0 : (count - 1) * static_cast<double>(kRate) / static_cast<double>(last - first);
}

std::filesystem::path tempPath(const char* name) {
    return std::filesystem::temp_directory_path() / (std::string("polar-sound-test-") + name);
}
std::vector<unsigned char> readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
std::uint32_t le32(const std::vector<unsigned char>& b, std::size_t at) {
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (static_cast<std::uint32_t>(b[at + 3]) << 24);
}
std::uint16_t le16(const std::vector<unsigned char>& b, std::size_t at) {
    return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}
} // namespace

TEST_CASE("Depth maps to a minor-pentatonic note, higher when deeper", "[viewer][sound]") {
    SECTION("the root and the first octave") {
        CHECK(depthToFrequency(0) == Approx(110.0));
        CHECK(depthToSemitones(1) == 3);   // C
        CHECK(depthToSemitones(4) == 10);  // G
        CHECK(depthToFrequency(5) == Approx(220.0));
        CHECK(depthToFrequency(10) == Approx(440.0));
    }
    SECTION("strictly rising up to depth 32, no octave wrap") {
        for (int d = 1; d <= kMaxScaleDepth; ++d) CHECK(depthToFrequency(d) > depthToFrequency(d - 1));
        CHECK(depthToSemitones(32) == 77);
    }
    SECTION("out-of-range depths clamp") {
        CHECK(depthToFrequency(-3) == depthToFrequency(0));
        CHECK(depthToFrequency(1000) == depthToFrequency(kMaxScaleDepth));
    }
}

TEST_CASE("Silence without events, decay after them", "[viewer][sound]") {
    Synth synth;
    SECTION("no events: exact zeros") {
        CHECK(peak(renderLeft(synth, 1.0)) == 0.0);
    }
    SECTION("hello and stats are about the sender: no sound") {
        synth.apply(ev(EventKind::Hello));
        synth.apply(ev(EventKind::Stats));
        CHECK(peak(renderLeft(synth, 0.5)) == 0.0);
    }
    SECTION("sound while events come, gone within a second after") {
        int n = 0;
        const auto busy = renderLeft(synth, 1.0, [&] { synth.apply(ev(EventKind::Depth, n++ % 3)); });
        CHECK(peak(busy, kRate / 2) > 0.1);
        const auto after = renderLeft(synth, 2.5);
        CHECK(peak(after, kRate) < 0.001);       // under -60 dBFS one second on
        CHECK(peak(after, 2 * kRate) == 0.0);    // and exactly silent after two
        CHECK(synth.voiceEnvelope() == 0.0);
    }
    SECTION("every kind of search event makes a sound") {
        for (EventKind kind : {EventKind::QueryBegin, EventKind::QueryEnd, EventKind::Rule, EventKind::Depth,
                               EventKind::Branch, EventKind::Backtrack, EventKind::Result, EventKind::Error}) {
            Synth one;
            one.apply(ev(kind, 2, 3));
            CHECK(peak(renderLeft(one, 0.1)) > 0.01);
        }
    }
}

TEST_CASE("The depth note is the strongest partial and rises with depth", "[viewer][sound]") {
    double previous = 0;
    for (int depth : {0, 3, 7, 12, 18}) {
        CAPTURE(depth);
        Synth synth;
        int n = 0;
        // The depth among branch hits, rule calls and result chords, as in a real search.
        const auto s = renderLeft(synth, 0.6, [&] {
            synth.apply(ev(EventKind::Depth, depth));
            const int k = n++ % 4;
            if (k == 1) synth.apply(ev(EventKind::Branch, depth, 3));
            if (k == 2) synth.apply(ev(EventKind::Rule, depth));
            if (k == 3) synth.apply(ev(EventKind::Result));
        });
        const double own = powerAt(s, depthToFrequency(depth));
        for (int other = 0; other <= kMaxScaleDepth; ++other) {
            if (other != depth) CHECK(powerAt(s, depthToFrequency(other)) < own);
        }
        Synth pure;
        const auto p = renderLeft(pure, 0.6, [&] { pure.apply(ev(EventKind::Depth, depth)); });
        const double hz = zeroCrossingHz(p);
        CHECK(hz == Approx(depthToFrequency(depth)).epsilon(0.02));
        CHECK(hz > previous);
        previous = hz;
    }
}

TEST_CASE("Loud bursts are limited, renders repeat exactly", "[viewer][sound]") {
    SECTION("a flood of every event stays under the ceiling") {
        Synth synth;
        const auto s = renderLeft(synth, 1.0, [&] {
            for (int k = 0; k < 50; ++k) {
                synth.apply(ev(EventKind::Branch, k % 30, 2 + k % 15));
                synth.apply(ev(EventKind::Backtrack, k % 30));
                synth.apply(ev(EventKind::Result));
                synth.apply(ev(EventKind::Error));
            }
        });
        CHECK(peak(s) <= SynthConfig{}.ceiling + 1e-6);
        // The grid merges the flood into one sound of each kind a step: loud, not a wall.
        CHECK(peak(s) > 0.25);
    }
    SECTION("the same events give the same samples") {
        Synth a, b;
        int na = 0, nb = 0;
        const auto sa = renderLeft(a, 0.5, [&] { a.apply(ev(EventKind::Branch, na++ % 5, 4)); });
        const auto sb = renderLeft(b, 0.5, [&] { b.apply(ev(EventKind::Branch, nb++ % 5, 4)); });
        CHECK(sa == sb);
    }
}

TEST_CASE("Timed rendering places events on their sample, the live queue carries them", "[viewer][sound]") {
    SECTION("an event at 0.5 s sounds from sample 22,050") {
        std::vector<std::int16_t> out;
        TimedRenderer renderer(SynthConfig{}, [&](std::span<const std::int16_t> b) { out.insert(out.end(), b.begin(), b.end()); });
        renderer.event(0.5, ev(EventKind::Depth, 4));
        renderer.advanceTo(0.6);
        REQUIRE(out.size() == 2 * std::size_t{26460});
        const auto first = std::find_if(out.begin(), out.end(), [](std::int16_t v) { return v != 0; });
        CHECK((first - out.begin()) / 2 == 22050);
        renderer.event(0.1, ev(EventKind::Depth, 5));  // late: applied now, nothing re-rendered
        CHECK(renderer.seconds() == Approx(0.6));
    }
    SECTION("posted events reach the audio thread's next block; overflow is counted") {
        LiveSynth live;
        std::vector<std::int16_t> block(2048);
        live.render(block);
        CHECK(std::all_of(block.begin(), block.end(), [](std::int16_t v) { return v == 0; }));
        CHECK(live.post(ev(EventKind::Depth, 2)));
        // It sounds on the next grid point: within one 16th (5,513 frames at 120 bpm), six blocks.
        bool heard = false;
        for (int k = 0; k < 6 && !heard; ++k) {
            live.render(block);
            heard = std::any_of(block.begin(), block.end(), [](std::int16_t v) { return v != 0; });
        }
        CHECK(heard);
        for (std::size_t k = 0; k < LiveSynth::kCapacity + 10; ++k) live.post(ev(EventKind::Rule));
        CHECK(live.dropped() == 10);
    }
}

TEST_CASE("WAV files: header, samples, errors", "[viewer][sound]") {
    SECTION("a finished file has the canonical 44-byte PCM header") {
        const auto path = tempPath("header.wav");
        {
            WavWriter wav(path.string(), 48000, 2);
            std::vector<std::int16_t> frames(2000);
            for (std::size_t i = 0; i < frames.size(); ++i) frames[i] = static_cast<std::int16_t>(i % 2 ? -300 : 258);
            wav.write(frames);
            wav.finish();
            CHECK(wav.frames() == 1000);
        }
        const auto b = readAll(path);
        REQUIRE(b.size() == 44 + 4000);
        CHECK(std::string(b.begin(), b.begin() + 4) == "RIFF");
        CHECK(le32(b, 4) == 36 + 4000);
        CHECK(std::string(b.begin() + 8, b.begin() + 16) == "WAVEfmt ");
        CHECK(le32(b, 16) == 16);
        CHECK(le16(b, 20) == 1);  // PCM
        CHECK(le16(b, 22) == 2);
        CHECK(le32(b, 24) == 48000);
        CHECK(le32(b, 28) == 48000 * 4);
        CHECK(le16(b, 32) == 4);
        CHECK(le16(b, 34) == 16);
        CHECK(std::string(b.begin() + 36, b.begin() + 40) == "data");
        CHECK(le32(b, 40) == 4000);
        CHECK(le16(b, 44) == 258);                                  // little-endian samples
        CHECK(static_cast<std::int16_t>(le16(b, 46)) == -300);
        std::filesystem::remove(path);
    }
    SECTION("an unfinished file is valid up to its last whole second") {
        const auto path = tempPath("unfinished.wav");
        std::optional<WavWriter> wav(std::in_place, path.string(), kRate, 2);
        std::vector<std::int16_t> second(2 * kRate, 7);
        wav->write(second);
        wav->write(std::vector<std::int16_t>(kRate, 7));  // half a second more, not yet patched
        const auto b = readAll(path);
        CHECK(le32(b, 40) == 4 * kRate);
        CHECK(le32(b, 4) == 36 + 4 * kRate);
        wav.reset();  // finishing: now all of it
        CHECK(le32(readAll(path), 40) == 6 * kRate);
        std::filesystem::remove(path);
    }
    SECTION("a file that cannot be created says which and why") {
        try {
            WavWriter wav("/nonexistent-dir/x.wav", kRate);
            FAIL("no exception");
        } catch (const std::runtime_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("/nonexistent-dir/x.wav") && Catch::Contains("No such file"));
        }
    }
}
