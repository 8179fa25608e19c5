// viewer_sound_support.hpp — shared by the viewer sound tests: a synthetic
// GitHub-like run and the measures a listener's complaint translates to.
//
// The run: the pattern a `polar-github` replay repeats — one authorization
// query of 12 events over 0.43 s (begin, four rule calls walking down to
// depth 3, a branch, a backtrack, a result, end) — repeated for a while. The
// complaint was "the same arpeggio every 0.43 s"; its measure is the
// autocorrelation of the mono mix's spectrogram at a 0.43 s lag: 1 means
// the same notes and timbres come back with that period, 0 no resemblance.
// The spectrogram, not the waveform: a waveform's correlation at a lag
// mostly measures the carrier's phase (a 110 Hz tone 0.43 s later is 47.3
// cycles on, nearly inverted), which no listener hears.
#pragma once

#include <cmath>
#include <complex>
#include <numbers>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <polar/viewer/sound/timed_renderer.hpp>

namespace polar::viewer::sound::testing {

// The pattern's period: what the issue measured on the GitHub replay.
inline constexpr double kGithubPeriodSeconds = 0.43;

struct TimedEvent {
    double offset;  // seconds into the pattern
    SceneEvent event;
};

inline SceneEvent sceneEvent(EventKind kind, int depth = 0, std::string text = {}, int alternatives = 0) {
    SceneEvent e;
    e.kind = kind;
    e.depth = depth;
    e.text = std::move(text);
    e.alternatives = alternatives;
    return e;
}

// One query of the pattern; the rule names are those of the GitHub example.
inline std::vector<TimedEvent> githubPattern() {
    const double step = kGithubPeriodSeconds / 12.0;  // 12 events spread over the period
    std::vector<SceneEvent> events{
        sceneEvent(EventKind::QueryBegin),
        sceneEvent(EventKind::Rule, 0, "allow"),
        sceneEvent(EventKind::Depth, 1),
        sceneEvent(EventKind::Rule, 1, "has_permission"),
        sceneEvent(EventKind::Depth, 2),
        sceneEvent(EventKind::Branch, 2, {}, 3),
        sceneEvent(EventKind::Rule, 2, "has_role"),
        sceneEvent(EventKind::Depth, 3),
        sceneEvent(EventKind::Backtrack, 2),
        sceneEvent(EventKind::Rule, 2, "has_relation"),
        sceneEvent(EventKind::Result, 2),
        sceneEvent(EventKind::QueryEnd),
    };
    std::vector<TimedEvent> out;
    for (std::size_t i = 0; i < events.size(); ++i) out.push_back({step * static_cast<double>(i), events[i]});
    return out;
}

// Renders `repeats` patterns back to back (plus a second's tail); returns the
// interleaved 16-bit samples, exactly what a WAV of the run would hold.
inline std::vector<std::int16_t> renderGithubRun(SynthConfig config, int repeats) {
    std::vector<std::int16_t> out;
    TimedRenderer renderer(config, [&](std::span<const std::int16_t> b) { out.insert(out.end(), b.begin(), b.end()); });
    const auto pattern = githubPattern();
    for (int r = 0; r < repeats; ++r)
        for (const TimedEvent& t : pattern)
            renderer.event(r * kGithubPeriodSeconds + t.offset, toSoundEvent(t.event));
    renderer.advanceTo(repeats * kGithubPeriodSeconds + 1.0);
    return out;
}

// In-place radix-2 FFT (size a power of two): enough for a test's spectrogram.
inline void fft(std::vector<std::complex<double>>& a) {
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const std::complex<double> w = std::polar(1.0, -2.0 * std::numbers::pi / static_cast<double>(len));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> wk = 1.0;
            for (std::size_t k = 0; k < len / 2; ++k, wk *= w) {
                const auto u = a[i + k], v = a[i + k + len / 2] * wk;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
            }
        }
    }
}

// Log-magnitude spectrogram of the mono mix (L + R): 2,048-sample Hann
// frames (46 ms, 21.5 Hz bins at 44.1 kHz) every 10 ms, bins up to ~5.5 kHz
// (every scale note and the partials that colour it).
inline std::vector<std::vector<double>> spectrogram(std::span<const std::int16_t> interleaved, unsigned rate,
                                                    double fromSeconds, double toSeconds) {
    constexpr std::size_t kSize = 2048, kBins = 256;
    const std::size_t hop = rate / 100;
    std::vector<std::vector<double>> frames;
    std::vector<std::complex<double>> buf(kSize);
    for (auto start = static_cast<std::size_t>(fromSeconds * rate);
         start + kSize <= static_cast<std::size_t>(toSeconds * rate) && 2 * (start + kSize) <= interleaved.size();
         start += hop) {
        for (std::size_t i = 0; i < kSize; ++i) {
            const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / kSize);
            buf[i] = hann * (interleaved[2 * (start + i)] + interleaved[2 * (start + i) + 1]) / 65536.0;
        }
        fft(buf);
        std::vector<double> mags(kBins);
        for (std::size_t b = 0; b < kBins; ++b) mags[b] = std::log1p(100.0 * std::abs(buf[b + 1]));
        frames.push_back(std::move(mags));
    }
    return frames;
}

// Pearson correlation between the spectrogram and itself `lagSeconds` later,
// over [fromSeconds, toSeconds).
inline double spectralAutocorrelation(std::span<const std::int16_t> interleaved, unsigned rate, double lagSeconds,
                                      double fromSeconds, double toSeconds) {
    const auto s = spectrogram(interleaved, rate, fromSeconds, toSeconds + lagSeconds);
    const auto lag = static_cast<std::size_t>(std::lround(lagSeconds * 100.0));
    if (s.size() <= lag) return 0.0;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, n = 0;
    for (std::size_t t = 0; t + lag < s.size(); ++t)
        for (std::size_t b = 0; b < s[t].size(); ++b) {
            const double x = s[t][b], y = s[t + lag][b];
            sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y, n += 1;
        }
    const double cov = sxy / n - sx / n * sy / n;
    const double vx = sxx / n - sx / n * sx / n, vy = syy / n - sy / n * sy / n;
    return vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : 0.0;
}

} // namespace polar::viewer::sound::testing
