// sound_analysis.cpp — levels, busy stretches and dominant pitch; the
// reasons for every constant are in sound_analysis.hpp.
#include "sound_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace polar::sound {
namespace {

constexpr double kFloorDb = -120.0;  // digital silence, so logs stay finite
constexpr double kWindowSeconds = 0.05;
constexpr int kSmoothWindows = 5;      // 250 ms running mean
constexpr double kMergeGap = 0.6;      // seconds
constexpr double kMinStretch = 0.4;    // seconds
constexpr double kPauseMargin = 0.5;   // seconds kept away from busy stretches
constexpr std::size_t kFftSize = 8192;
constexpr double kPitchHop = 0.1;      // seconds between pitch windows
constexpr double kMinHz = 60, kMaxHz = 4000;

double toDb(double power) { return power > 1e-12 ? 10.0 * std::log10(power) : kFloorDb; }

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return kFloorDb;
    std::sort(v.begin(), v.end());
    return v[std::size_t(p * double(v.size() - 1))];
}

double median(std::vector<double> v) { return v.empty() ? 0.0 : percentile(std::move(v), 0.5); }

void fft(std::vector<std::complex<double>>& a) {
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {  // bit-reversal permutation
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const std::complex<double> step = std::polar(1.0, -2.0 * std::numbers::pi / double(len));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> w = 1;
            for (std::size_t k = 0; k < len / 2; ++k, w *= step) {
                const auto u = a[i + k], v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
            }
        }
    }
}

// The strongest spectral peak in [kMinHz, kMaxHz] of the window starting at
// `first`, refined by a parabola through the three bins around it.
double peakHz(const std::vector<float>& mono, std::size_t first, int rate) {
    std::vector<std::complex<double>> a(kFftSize);
    for (std::size_t i = 0; i < kFftSize && first + i < mono.size(); ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * double(i) / double(kFftSize - 1));
        a[i] = mono[first + i] * hann;
    }
    fft(a);
    const double binHz = double(rate) / double(kFftSize);
    const auto lo = std::size_t(kMinHz / binHz), hi = std::min(kFftSize / 2 - 1, std::size_t(kMaxHz / binHz));
    std::size_t best = lo;
    for (std::size_t k = lo; k <= hi; ++k)
        if (std::abs(a[k]) > std::abs(a[best])) best = k;
    const double l = std::abs(a[best - 1]), c = std::abs(a[best]), r = std::abs(a[best + 1]);
    const double denom = l - 2 * c + r;
    const double shift = denom != 0 ? 0.5 * (l - r) / denom : 0.0;
    return (double(best) + shift) * binHz;
}

std::vector<double> windowPowers(const std::vector<float>& mono, std::size_t window) {
    std::vector<double> powers;
    for (std::size_t start = 0; start + window <= mono.size(); start += window) {
        double sum = 0;
        for (std::size_t i = start; i < start + window; ++i) sum += double(mono[i]) * mono[i];
        powers.push_back(sum / double(window));
    }
    return powers;
}

std::vector<Segment> findBusy(const std::vector<double>& smoothedDb, double threshold) {
    std::vector<Segment> runs;
    for (std::size_t i = 0; i < smoothedDb.size(); ++i) {
        if (smoothedDb[i] <= threshold) continue;
        const double t = double(i) * kWindowSeconds;
        if (!runs.empty() && t - runs.back().end < kMergeGap)
            runs.back().end = t + kWindowSeconds;
        else
            runs.push_back({t, t + kWindowSeconds});
    }
    std::erase_if(runs, [](const Segment& s) { return s.end - s.start < kMinStretch; });
    return runs;
}

double segmentPitch(const std::vector<float>& mono, int rate, const Segment& s) {
    std::vector<double> pitches;
    for (double t = s.start; t + double(kFftSize) / rate <= s.end + 0.1; t += kPitchHop) {
        const auto first = std::size_t(t * rate);
        if (first + kFftSize > mono.size()) break;
        pitches.push_back(peakHz(mono, first, rate));
    }
    return median(pitches);
}

}  // namespace

Analysis analyse(const std::vector<float>& mono, int rate) {
    Analysis out;
    out.seconds = double(mono.size()) / rate;
    double peak = 0, sum = 0;
    for (float x : mono) {
        peak = std::max(peak, double(std::abs(x)));
        sum += double(x) * x;
    }
    out.peakDb = toDb(peak * peak);
    out.rmsDb = toDb(mono.empty() ? 0 : sum / double(mono.size()));

    const auto powers = windowPowers(mono, std::size_t(kWindowSeconds * rate));
    std::vector<double> smoothedDb(powers.size());
    for (std::size_t i = 0; i < powers.size(); ++i) {
        const std::size_t from = i >= kSmoothWindows / 2 ? i - kSmoothWindows / 2 : 0;
        const std::size_t to = std::min(powers.size(), i + kSmoothWindows / 2 + 1);
        double mean = 0;
        for (std::size_t j = from; j < to; ++j) mean += powers[j];
        smoothedDb[i] = toDb(mean / double(to - from));
    }
    // Busy means nearer the loud end than the quiet end of this file's range.
    const double low = percentile(smoothedDb, 0.1), high = percentile(smoothedDb, 0.95);
    out.busy = findBusy(smoothedDb, low + 0.5 * (high - low));
    if (high - low < 6.0) out.busy.clear();  // one level throughout: no stretches to tell apart

    std::vector<double> pause;
    for (std::size_t i = 0; i < powers.size(); ++i) {
        const double t = double(i) * kWindowSeconds;
        const bool nearBusy = std::any_of(out.busy.begin(), out.busy.end(), [&](const Segment& s) {
            return t > s.start - kPauseMargin && t < s.end + kPauseMargin;
        });
        if (!nearBusy) pause.push_back(powers[i]);
    }
    out.quietDb = pause.empty() ? toDb(percentile(powers, 0.1)) : toDb(median(pause));

    for (Segment& s : out.busy) {
        double power = 0;
        const auto from = std::size_t(s.start / kWindowSeconds), to = std::min(powers.size(), std::size_t(s.end / kWindowSeconds));
        for (std::size_t i = from; i < to; ++i) power += powers[i];
        s.rmsDb = toDb(to > from ? power / double(to - from) : 0);
        s.pitchHz = segmentPitch(mono, rate, s);
    }
    return out;
}

void measureStereo(Analysis& a, const std::vector<float>& left, const std::vector<float>& right, int rate) {
    const std::size_t n = std::min(left.size(), right.size());
    double ll = 0, rr = 0, lr = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ll += double(left[i]) * left[i];
        rr += double(right[i]) * right[i];
        lr += double(left[i]) * right[i];
    }
    a.lrCorrelation = ll > 0 && rr > 0 ? lr / std::sqrt(ll * rr) : 0.0;
    for (Segment& s : a.busy) {
        double sl = 0, sr = 0;
        for (auto i = std::size_t(s.start * rate); i < std::min(n, std::size_t(s.end * rate)); ++i) {
            sl += double(left[i]) * left[i];
            sr += double(right[i]) * right[i];
        }
        s.balanceDb = toDb(sr) - toDb(sl);
    }
}

std::string noteName(double hz) {
    if (hz <= 0) return "-";
    static const char* names[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    const long midi = std::lround(69 + 12 * std::log2(hz / 440.0));
    return std::string(names[((midi % 12) + 12) % 12]) + std::to_string(midi / 12 - 1);
}

}  // namespace polar::sound
