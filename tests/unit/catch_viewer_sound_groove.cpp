// The viewer's synthesis as music (viewer/sound): the tempo grid, stereo
// placement, timbre by rule name, the chord progression, and the measure of
// the complaint — a long GitHub-like run must not repeat itself
// every 0.43 s. Everything measured on rendered samples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <set>
#include <vector>

#include <polar/viewer/sound/harmony.hpp>
#include <polar/viewer/sound/stereo_field.hpp>
#include <polar/viewer/sound/scale.hpp>
#include <polar/viewer/sound/synth.hpp>
#include <polar/viewer/sound/tempo_grid.hpp>
#include <polar/viewer/sound/timbre.hpp>
#include <polar/viewer/sound/timed_renderer.hpp>

#include "viewer_sound_support.hpp"

using namespace polar::viewer;
using namespace polar::viewer::sound;
using namespace polar::viewer::sound::testing;

namespace {
SoundEvent ev(EventKind kind, int depth = 0, int alternatives = 0, int source = 0) {
    return SoundEvent{kind, depth, alternatives, source, 0};
}
SoundEvent rule(const char* name) { return toSoundEvent(sceneEvent(EventKind::Rule, 0, name)); }

std::vector<std::int16_t> renderEvents(SynthConfig config, const std::vector<std::pair<double, SoundEvent>>& events,
                                       double until) {
    std::vector<std::int16_t> out;
    TimedRenderer r(config, [&](std::span<const std::int16_t> b) { out.insert(out.end(), b.begin(), b.end()); });
    for (const auto& [t, e] : events) r.event(t, e);
    r.advanceTo(until);
    return out;
}

// Energy of one channel (0 left, 1 right) of interleaved samples.
double energy(const std::vector<std::int16_t>& s, std::size_t channel) {
    double e = 0;
    for (std::size_t i = channel; i < s.size(); i += 2) e += static_cast<double>(s[i]) * s[i];
    return e;
}
double correlationLR(const std::vector<std::int16_t>& s) {
    double lr = 0;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) lr += static_cast<double>(s[i]) * s[i + 1];
    return lr / std::sqrt(energy(s, 0) * energy(s, 1));
}

// Spectral centroid (Hz) of the left channel's first 8,192 frames.
double centroid(const std::vector<std::int16_t>& s, unsigned rate) {
    std::vector<std::complex<double>> buf(8192);
    for (std::size_t i = 0; i < buf.size() && 2 * i < s.size(); ++i) buf[i] = s[2 * i];
    fft(buf);
    double num = 0, den = 0;
    for (std::size_t b = 1; b < buf.size() / 2; ++b) {
        const double m = std::abs(buf[b]);
        num += m * static_cast<double>(b) * rate / static_cast<double>(buf.size());
        den += m;
    }
    return num / den;
}
} // namespace

TEST_CASE("Onsets fall on the tempo grid", "[viewer][sound][groove]") {
    SECTION("grid points are computed, not accumulated: exact in samples") {
        TempoGrid at48(120, 4, 48000, TempoMode::Fixed);  // 6,000 frames a 16th
        for (std::uint64_t k = 0; k < 2000; ++k) {
            REQUIRE(at48.nextStep() == 6000 * k);
            CHECK(at48.advance() == k);
        }
        TempoGrid at44(120, 4, 44100, TempoMode::Fixed);  // 5,512.5 frames a 16th
        for (int k = 0; k < 1000; ++k) at44.advance();
        CHECK(at44.nextStep() == 5512500);
        CHECK(at44.stepFrames() == 5512.5);
    }
    SECTION("events at arbitrary times sound on the next grid point") {
        for (double bpm : {120.0, 97.0, 173.0}) {
            CAPTURE(bpm);
            const SynthConfig config{.sampleRate = 44100, .bpm = bpm};
            const double step = 60.0 * 44100 / (bpm * 4);
            // Each event alone, 2.5 s apart: silence before each, so its onset is the first non-zero sample.
            for (double t : {0.0371, 2.5130, 5.0, 7.7771}) {
                CAPTURE(t);
                const auto s = renderEvents(config, {{t, ev(EventKind::Depth, 3)}}, t + 0.5);
                const auto first = static_cast<std::size_t>(
                    std::find_if(s.begin(), s.end(), [](std::int16_t v) { return v != 0; }) - s.begin()) / 2;
                const auto eventFrame = static_cast<double>(std::llround(t * 44100));
                const double n = std::ceil(eventFrame / step - 1e-9);
                const auto gridFrame = static_cast<std::size_t>(std::llround(n * step));
                // The onset is the grid point's frame (its first sample may round to 0 in 16 bits: allow 2 frames).
                CHECK(first >= gridFrame);
                CHECK(first <= gridFrame + 2);
            }
        }
    }
    SECTION("a flood between two grid points is one onset; the latest depth wins") {
        Synth synth;
        std::vector<float> out(2 * 100);
        synth.render(out);  // past grid point 0
        for (int k = 0; k < 500; ++k) {
            synth.apply(ev(k % 3 == 0 ? EventKind::Branch : EventKind::Depth, k % 7, 3));
            synth.render(out);  // 100 frames a time: 50,000 frames, nine grid points
        }
        synth.apply(ev(EventKind::Depth, 9));
        CHECK(synth.onsets() == 9);
        std::vector<float> rest(2 * 6000);
        synth.render(rest);
        CHECK(synth.onsets() == 10);
        CHECK(synth.voiceFrequency() == Approx(synth.harmony().frequency(9)));
    }
}

TEST_CASE("Accents: straight bars, then 3-3-2 bars", "[viewer][sound][groove]") {
    // 48 kHz, 120 bpm: a 16th is 6,000 frames, a bar 96,000. One note on a
    // chosen step, alone: its peak is its accent (times the same level).
    // Notes start in phase with a clock (Synth::clockPhase), so equal accents
    // peak within a sample's rounding of each other: 1%, against accents
    // 20-38% apart.
    auto peakOnStep = [](std::uint64_t step) {
        const double t = static_cast<double>(step) * 6000.0 / 48000.0;
        const auto s = renderEvents(SynthConfig{.sampleRate = 48000}, {{t, ev(EventKind::Depth, 4)}}, t + 0.1);
        int loudest = 0;
        for (std::size_t i = 2 * step * 6000; i < s.size(); ++i) loudest = std::max(loudest, std::abs(static_cast<int>(s[i])));
        return static_cast<double>(loudest);
    };
    SECTION("an even bar: the beat, then the off-beat 8th, then the other 16ths") {
        CHECK(peakOnStep(4) > peakOnStep(2));
        CHECK(peakOnStep(2) > peakOnStep(3));
        CHECK(peakOnStep(3) == Approx(peakOnStep(5)).epsilon(0.01));
    }
    SECTION("an odd bar: every third 16th of each half (0, 3, 6)") {
        CHECK(peakOnStep(16 + 3) == Approx(peakOnStep(16 + 0)).epsilon(0.01));
        CHECK(peakOnStep(16 + 6) == Approx(peakOnStep(16 + 0)).epsilon(0.01));
        CHECK(peakOnStep(16 + 4) < peakOnStep(16 + 3));
        CHECK(peakOnStep(16 + 11) == Approx(peakOnStep(16 + 8)).epsilon(0.01));
    }
}

TEST_CASE("The tempo follows a paced sender when asked", "[viewer][sound][groove]") {
    auto paced = [](TempoMode mode, double pace, double seconds) {
        TimedRenderer r(SynthConfig{.tempoMode = mode}, [](std::span<const std::int16_t>) {});
        for (double t = 0; t < seconds; t += pace) r.event(t, ev(EventKind::Depth, 2));
        r.advanceTo(seconds + 0.5);
        return r.synth().grid().bpm();
    };
    SECTION("a 40 ms pace is 375 bpm in 16ths, folded into 80-160: 93.75") {
        CHECK(TempoGrid::bpmForPace(0.040, 4) == Approx(93.75));
        CHECK(paced(TempoMode::FollowSender, 0.040, 3.0) == Approx(93.75).epsilon(0.01));
    }
    SECTION("a 100 ms pace: 150 bpm") { CHECK(paced(TempoMode::FollowSender, 0.100, 5.0) == Approx(150.0).epsilon(0.01)); }
    SECTION("a flood keeps the configured tempo") {
        CHECK(paced(TempoMode::FollowSender, 0.0001, 0.5) == 120.0);
    }
    SECTION("Fixed ignores the pace") { CHECK(paced(TempoMode::Fixed, 0.040, 3.0) == 120.0); }
}

TEST_CASE("Depth and source are placed in the stereo field", "[viewer][sound][groove]") {
    const auto shallow = renderEvents({}, {{0.0, ev(EventKind::Depth, 0)}}, 0.5);
    const auto deep = renderEvents({}, {{0.0, ev(EventKind::Depth, 14)}}, 0.5);
    SECTION("shallow sits left, deep sits right") {
        CHECK(energy(shallow, 0) > 3.0 * energy(shallow, 1));
        CHECK(energy(deep, 1) > 3.0 * energy(deep, 0));
    }
    SECTION("mono-compatible: both channels carry it, in phase") {
        CHECK(energy(shallow, 1) > 0.0);
        CHECK(correlationLR(shallow) > 0.9);
        CHECK(correlationLR(deep) > 0.9);
    }
    SECTION("equal power: the same loudness wherever it sits") {
        for (double pan : {-1.0, -0.3, 0.0, 0.7}) {
            const PanGains g = equalPowerPan(pan);
            CHECK(g.left * g.left + g.right * g.right == Approx(1.0));
        }
    }
    SECTION("two sources at the same depth sit apart") {
        const auto one = renderEvents({}, {{0.0, ev(EventKind::Depth, 6, 0, 1)}}, 0.5);
        const auto two = renderEvents({}, {{0.0, ev(EventKind::Depth, 6, 0, 2)}}, 0.5);
        CHECK(energy(one, 0) > energy(one, 1));
        CHECK(energy(two, 1) > energy(two, 0));
    }
}

TEST_CASE("A rule's name picks its timbre, stably", "[viewer][sound][groove]") {
    SECTION("FNV-1a, 32 bit") {
        CHECK(fnv1a("") == 2166136261u);
        CHECK(fnv1a("a") == 0xe40c292cu);
        CHECK(fnv1a("foobar") == 0xbf9cf968u);
    }
    auto note = [](const char* name) {
        return renderEvents({}, {{0.0, rule(name)}, {0.0, ev(EventKind::Depth, 5)}}, 0.3);
    };
    SECTION("the same name sounds the same") { CHECK(note("has_role") == note("has_role")); }
    SECTION("different names, different spectra") {
        const double a = centroid(note("has_role"), 44100), b = centroid(note("allow"), 44100);
        CAPTURE(a, b);
        CHECK(std::abs(a - b) > 0.05 * std::min(a, b));
        CHECK(note("has_role") != note("allow"));
    }
    SECTION("every timbre keeps the fundamental strongest") {
        for (const char* name : {"allow", "has_role", "has_permission", "has_relation", "x", "deny"}) {
            const Timbre t = timbreFor(fnv1a(name));
            for (std::size_t k = 1; k < Timbre::kPartials; ++k) CHECK(t.weights[k] < t.weights[0]);
            CHECK(t.decaySeconds <= 0.16);  // silent within ~1.1 s
        }
    }
}

TEST_CASE("The harmony moves through chords and stays in key", "[viewer][sound][groove]") {
    SECTION("every chord: deeper is higher, over more than one octave, in A minor") {
        const std::set<int> aMinor{9, 11, 0, 2, 4, 5, 7};  // A B C D E F G as pitch classes (C = 0)
        Harmony h;
        std::set<int> classes;
        for (std::size_t c = 0; c < Harmony::kProgression.size(); ++c) {
            for (int d = 1; d <= 20; ++d) CHECK(h.frequency(d) > h.frequency(d - 1));
            CHECK(h.frequency(10) / h.frequency(0) >= 4.0);  // two octaves in ten levels
            for (int d = 0; d <= 20; ++d) {
                const int pc = ((h.semitones(d) + 9) % 12 + 12) % 12;
                CHECK(aMinor.count(pc) == 1);
                classes.insert(pc);
            }
            h.requestChange();
            CHECK(h.onBar());
        }
        CHECK(classes.size() == 7);
        CHECK(h.chord() == 0);  // round the progression and back
    }
    SECTION("chord 0 is the shared scale") {
        const Harmony h;
        for (int d = 0; d <= 32; ++d) CHECK(h.frequency(d) == Approx(kRootHz * std::exp2(h.semitones(d) / 12.0)));
        CHECK(h.frequency(5) == Approx(220.0));
    }
    SECTION("a result changes the chord at the next bar line, not before") {
        Synth synth;  // 120 bpm: a bar is 16 steps, 2 s
        std::vector<float> block(2 * 441);
        synth.render(block);  // past the first bar line
        synth.apply(ev(EventKind::Result));
        synth.render(block);
        CHECK(synth.harmony().chord() == 0);
        for (int k = 0; k < 189; ++k) synth.render(block);  // 1.91 s
        CHECK(synth.harmony().chord() == 0);
        for (int k = 0; k < 10; ++k) synth.render(block);  // past 2 s
        CHECK(synth.harmony().chord() == 1);
    }
}

TEST_CASE("A long GitHub-like run grooves instead of looping", "[viewer][sound][groove]") {
    const SynthConfig config{};
    const auto run = renderGithubRun(config, 60);  // 25.8 s
    SECTION("the same events give the same samples") { CHECK(renderGithubRun(config, 60) == run); }
    SECTION("under the limiter's ceiling") {
        const auto loudest = *std::max_element(run.begin(), run.end(), [](auto a, auto b) { return std::abs(a) < std::abs(b); });
        CHECK(std::abs(loudest) <= std::lrint(config.ceiling * 32767));
        CHECK(std::abs(loudest) > 3000);
    }
    SECTION("not periodic at the pattern's 0.43 s") {
        // Before the tempo grid, chords and timbres this run measured 0.976
        // (the same arpeggio every 0.43 s); now 0.56.
        const double r = spectralAutocorrelation(run, config.sampleRate, kGithubPeriodSeconds, 5.0, 20.0);
        CAPTURE(r);
        CHECK(r < 0.7);
    }
    SECTION("more than five notes are played") {
        Synth synth;
        std::set<long> notes;
        std::vector<float> block(2 * 441);
        const auto pattern = githubPattern();
        for (int rep = 0; rep < 40; ++rep)
            for (const auto& t : pattern) {
                synth.apply(toSoundEvent(t.event));
                synth.render(block);
                if (synth.voiceFrequency() > 0) notes.insert(std::lround(12 * std::log2(synth.voiceFrequency() / kRootHz)));
            }
        CHECK(notes.size() > 5);
    }
}

TEST_CASE("A performer's tempo takes over at the next grid point", "[viewer][sound][groove]") {
    // /viewer/tempo, tap or MIDI clock: SoundEvent::tempo, no sound of its own.
    TimedRenderer r(SynthConfig{}, [](std::span<const std::int16_t>) {});
    r.event(0.0, ev(EventKind::Depth, 1));
    r.advanceTo(1.0);
    CHECK(r.synth().grid().bpm() == 120.0);
    SoundEvent tempo;
    tempo.tempo = 90;
    r.event(1.0, tempo);
    r.advanceTo(1.2);
    CHECK(r.synth().grid().bpm() == 90.0);
    SECTION("a flood then falls back to it, not to --bpm") {
        TimedRenderer follow(SynthConfig{.tempoMode = TempoMode::FollowSender}, [](std::span<const std::int16_t>) {});
        follow.event(0.0, tempo);
        for (double t = 0; t < 0.5; t += 0.0001) follow.event(t, ev(EventKind::Depth, 2));
        follow.advanceTo(1.0);
        CHECK(follow.synth().grid().bpm() == 90.0);
    }
    SECTION("out of range is clamped; nonsense is ignored") {
        tempo.tempo = 1e9;
        r.event(1.2, tempo);
        r.advanceTo(1.5);
        CHECK(r.synth().grid().bpm() == 300.0);
        tempo.tempo = std::nan("");
        r.event(1.5, tempo);
        r.advanceTo(1.8);
        CHECK(r.synth().grid().bpm() == 300.0);
    }
}
