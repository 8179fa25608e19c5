// polar_sound_probe — judge a synth's recording of the sound tests' stimulus.
//
//   polar_sound_probe [--min-contrast DB] [--min-rise SEMITONES] [--min-pan-shift DB] FILE.wav
//
// The stimulus (send_stimulus.sh) plays a shallow stretch, a pause, then a
// deep stretch. A synth that follows the broadcast is therefore, in its
// recording: not silent; louder in both busy stretches than in the pauses;
// and higher in dominant pitch in the last (deep) stretch than in the first
// (shallow) one. This program measures exactly that, prints the figures and
// exits 0 when every check holds, 1 when one fails (saying which), 2 when
// the file cannot be read or the arguments are wrong.
//
// With --min-pan-shift DB (synths that place depth in the stereo field,
// shallow left and deep right) also: the deep stretch leans further right
// than the shallow one by at least DB (right-over-left power), and the two
// channels are positively correlated (their mono sum does not cancel).
#include "sound_analysis.hpp"
#include "wav_file.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

using polar::sound::Analysis;

// Not silent: a synth that plays anything at all peaks above -30 dBFS; a
// patch whose DSP never started records digital zeros or dither at -90.
constexpr double kSilentBelowDb = -30.0;

struct Options {
    double minContrastDb = 10.0;   // busy vs pauses: ten times the power
    double minRiseSemitones = 2.0; // a whole tone: clearly heard, far above FFT error
    double minPanShiftDb = 0.0;    // 0: stereo not checked
    std::string path;
};

int usage(int code) {
    std::fputs("Usage: polar_sound_probe [--min-contrast DB] [--min-rise SEMITONES] [--min-pan-shift DB] FILE.wav\n"
               "Measures a recording of tests/sound/send_stimulus.sh: level, busy stretches,\n"
               "pauses and dominant pitch. Exit 0 pass, 1 a check failed, 2 unreadable or bad usage.\n",
               code == 0 ? stdout : stderr);
    return code;
}

bool parseArgs(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](double& into) {
            if (i + 1 >= argc) return false;
            char* end = nullptr;
            into = std::strtod(argv[++i], &end);
            return end != argv[i] && *end == '\0';
        };
        if (arg == "--min-contrast") {
            if (!number(options.minContrastDb)) return false;
        } else if (arg == "--min-rise") {
            if (!number(options.minRiseSemitones)) return false;
        } else if (arg == "--min-pan-shift") {
            if (!number(options.minPanShiftDb) || options.minPanShiftDb <= 0) return false;
        } else if (!arg.empty() && arg[0] == '-') {
            return false;
        } else if (options.path.empty()) {
            options.path = arg;
        } else {
            return false;
        }
    }
    return !options.path.empty();
}

void printFigures(const Analysis& a) {
    std::printf("peak %.1f dBFS, rms %.1f dBFS over %.2f s\n", a.peakDb, a.rmsDb, a.seconds);
    std::printf("pauses: %.1f dBFS\n", a.quietDb);
    int n = 0;
    for (const auto& s : a.busy)
        std::printf("busy %d: %6.2f - %6.2f s  rms %6.1f dBFS (%+.1f dB over the pauses)  pitch %7.1f Hz (%s)  R-L %+.1f dB\n",
                    ++n, s.start, s.end, s.rmsDb, s.rmsDb - a.quietDb, s.pitchHz,
                    polar::sound::noteName(s.pitchHz).c_str(), s.balanceDb);
    std::printf("left/right correlation %.3f\n", a.lrCorrelation);
}

// Returns the first failed check, or an empty string.
std::string verdict(const Analysis& a, const Options& o) {
    if (a.peakDb < kSilentBelowDb)
        return "silent: peak " + std::to_string(a.peakDb) + " dBFS is under " + std::to_string(kSilentBelowDb);
    if (a.busy.size() < 2)
        return "found " + std::to_string(a.busy.size()) +
               " busy stretch(es), want 2 (the shallow and the deep phase) separated by a pause";
    for (std::size_t i = 0; i < a.busy.size(); ++i)
        if (a.busy[i].rmsDb - a.quietDb < o.minContrastDb)
            return "busy stretch " + std::to_string(i + 1) + " is only " +
                   std::to_string(a.busy[i].rmsDb - a.quietDb) + " dB over the pauses";
    const double first = a.busy.front().pitchHz, last = a.busy.back().pitchHz;
    if (first <= 0 || last <= 0) return "no clear pitch in the first or last stretch";
    const double rise = 12.0 * std::log2(last / first);
    std::printf("pitch rise, shallow -> deep: %+.1f semitones\n", rise);
    if (rise < o.minRiseSemitones)
        return "the deep stretch is not higher: " + std::to_string(rise) + " semitones, want >= " +
               std::to_string(o.minRiseSemitones);
    if (o.minPanShiftDb > 0) {
        const double shift = a.busy.back().balanceDb - a.busy.front().balanceDb;
        std::printf("stereo shift, shallow -> deep: %+.1f dB to the right\n", shift);
        if (shift < o.minPanShiftDb)
            return "the deep stretch does not lean right of the shallow one: " + std::to_string(shift) +
                   " dB, want >= " + std::to_string(o.minPanShiftDb);
        if (a.lrCorrelation <= 0)
            return "left and right cancel in mono: correlation " + std::to_string(a.lrCorrelation);
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) return usage(0);
    if (!parseArgs(argc, argv, options)) return usage(2);
    try {
        const auto audio = polar::sound::readWav(options.path);
        std::printf("%s: %d Hz, %d channel(s), %d-bit %s%s\n", options.path.c_str(), audio.sampleRate,
                    audio.channels, audio.bitsPerSample, audio.isFloat ? "float" : "PCM",
                    audio.headerRepaired ? " (header data size was wrong; read what is there)" : "");
        Analysis analysis = polar::sound::analyse(audio.mono, audio.sampleRate);
        polar::sound::measureStereo(analysis, audio.left, audio.right, audio.sampleRate);
        printFigures(analysis);
        if (const std::string failed = verdict(analysis, options); !failed.empty()) {
            std::printf("FAIL: %s\n", failed.c_str());
            return 1;
        }
        std::puts(options.minPanShiftDb > 0
                      ? "PASS: not silent, louder while the policy works, higher and further right where the stack is deep"
                      : "PASS: not silent, louder while the policy works, higher where the stack is deep");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "polar_sound_probe: %s\n", e.what());
        return 2;
    }
}
