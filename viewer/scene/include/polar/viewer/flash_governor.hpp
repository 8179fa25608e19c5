// flash_governor.hpp — the last line of defence against strobing: whatever
// the events, the themes or the frame rate, what reaches the screen holds at
// most a budget of luminance (and saturated-red) transitions per second.
//
// The rule is WCAG 2.3.1's general and red flash thresholds, made exact so a
// program can apply it and a test can measure it the same way
// (tests/viewer/flash_meter.py is the independent measurement):
//   - a channel is a sequence of values, one per frame: the mean relative
//     luminance of a region (0..1), or its mean saturated-red value
//     (WCAG: R/(R+G+B) >= 0.8, value (R-G-B) x 320, linear RGB; here /320);
//   - a *transition* is a monotonic run of that sequence (reversals smaller
//     than a hysteresis are wiggles, not reversals) whose total change reaches
//     the threshold: 0.1 for luminance (10% of the range) with the darker end
//     below 0.8, 20/320 for red. It is counted once, on the frame it reaches
//     the threshold;
//   - a *flash* is a pair of opposing transitions, so "at most 3 flashes in
//     any second" is "at most 6 transitions in any second".
//
// The governor keeps one TransitionMeter per channel (the app measures 16
// tiles of the frame and the whole frame, each for luminance and for red)
// and a budget below WCAG's (kDefaultBudget). Each frame the app asks
// admit(shown, candidate): the largest blend weight w in [0, 1] such that
// showing shown + w (candidate - shown) completes no transition on a channel
// whose budget for the last second is spent. The app blends in linear light,
// where a region's mean luminance is exactly linear in w, shows the blend
// and then record()s what it measured on screen. A theme that behaves never
// meets the governor; one that strobes is smoothed into a fade.
#pragma once

#include <cstddef>
#include <deque>
#include <span>
#include <vector>

namespace polar::viewer {

struct FlashRule {
    double threshold;   // a run this large is a transition
    double hysteresis;  // a reversal smaller than this is a wiggle
    double darkLimit;   // the darker end must be below this (luminance); 2 = no limit
};

// WCAG 2.3.1: a 10% change of relative luminance, when the darker image is
// below 0.80. Hysteresis: 0.005, a little above what 8-bit rounding of a
// region's mean can move, so noise never splits a fade into pieces.
inline constexpr FlashRule kLuminanceRule{0.1, 0.005, 0.8};
// WCAG's red flash: a change of (R-G-B) x 320 above 20, here as a fraction
// of 320 (the value a pure red pixel has). Hysteresis scaled alike.
inline constexpr FlashRule kRedRule{20.0 / 320.0, 1.6 / 320.0, 2.0};

// One channel's transitions, frame by frame.
class TransitionMeter {
public:
    explicit TransitionMeter(FlashRule rule = kLuminanceRule) : m_rule(rule) {}
    // Takes the next frame's value; true when a transition completes on it.
    bool update(double value);
    // Whether update(value) would complete a transition, with the threshold
    // lowered by `margin` (the governor's safety for rounding).
    bool wouldComplete(double value, double margin = 0) const;
    double last() const { return m_last; }

private:
    struct Run {
        int direction = 0;
        double start = 0, extreme = 0;
        bool counted = false;
        bool started = false;
    };
    static Run step(Run run, double value, const FlashRule& rule);
    bool completes(const Run& run, double threshold) const;

    FlashRule m_rule;
    Run m_run;
    double m_last = 0;
};

// The most transitions completed in any `frames` consecutive frames
// (`completed[i]`: a transition completed on frame i): what "at most N in
// any second" is measured by, at 60 frames a second.
int mostInAnyWindow(const std::vector<bool>& completed, std::size_t frames = 60);

struct GovernorConfig {
    // Transitions allowed per channel in any window of `windowSeconds`.
    // WCAG allows 6 (3 flashes); 4 leaves room for what measuring on tiles
    // of a frame and the rounding of a blend cannot see exactly.
    int budget = 4;
    double windowSeconds = 1.0;
    // Threshold lowered by this much when predicting (8-bit rounding of a
    // blended frame moves a region's mean by up to ~0.004).
    double margin = 0.015;
};

class FlashGovernor {
public:
    // One rule per channel, in the order values are given.
    FlashGovernor(std::vector<FlashRule> rules, GovernorConfig config = {});

    // The largest w in [0, 1] for which shown + w (candidate - shown) is
    // safe on every channel. 1 when the candidate is safe as it is.
    double admit(std::span<const double> shown, std::span<const double> candidate, double now) const;
    // What was actually shown at time `now` (seconds); counts transitions.
    void record(std::span<const double> shown, double now);

    std::size_t channels() const { return m_meters.size(); }
    // Transitions completed on channel k within the last window.
    int recent(std::size_t channel, double now) const;
    // Frames on which admit() returned less than 1: how often it acted.
    unsigned long long interventions() const { return m_interventions; }
    void countIntervention() { ++m_interventions; }

private:
    bool spent(std::size_t channel, double now) const;

    std::vector<TransitionMeter> m_meters;
    std::vector<std::deque<double>> m_completions;  // times, per channel
    GovernorConfig m_config;
    unsigned long long m_interventions = 0;
};

} // namespace polar::viewer
