// The flash rule (flash_governor.hpp) and the two limits built on it: the
// scene's FlashLimiter and the frame-level FlashGovernor. The same rule is
// measured independently on rendered frames by tests/viewer/flash_meter.py.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <polar/viewer/flash_governor.hpp>
#include <polar/viewer/flash_limiter.hpp>

using namespace polar::viewer;

namespace {

// Transitions completed over a sequence.
int transitions(const std::vector<double>& values, FlashRule rule = kLuminanceRule) {
    TransitionMeter meter(rule);
    int n = 0;
    for (double v : values) n += meter.update(v) ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("The transition rule of WCAG 2.3.1, made exact", "[viewer][flash]") {
    SECTION("a black/white strobe is a transition every frame") {
        std::vector<double> strobe;
        for (int k = 0; k < 60; ++k) strobe.push_back(k % 2 ? 1.0 : 0.0);
        CHECK(transitions(strobe) == 59);
    }
    SECTION("a slow ramp is one transition, however long") {
        std::vector<double> ramp;
        for (int k = 0; k <= 100; ++k) ramp.push_back(k / 100.0);
        CHECK(transitions(ramp) == 1);
    }
    SECTION("noise below the hysteresis is nothing") {
        std::vector<double> noise;
        for (int k = 0; k < 200; ++k) noise.push_back(0.3 + (k % 2 ? 0.004 : 0.0));
        CHECK(transitions(noise) == 0);
    }
    SECTION("tiny steps with wiggles still add up to one transition") {
        std::vector<double> stairs;
        double v = 0.1;
        for (int k = 0; k < 100; ++k) {
            v += 0.003;
            stairs.push_back(v);
            stairs.push_back(v - 0.002);  // a wiggle back, under the hysteresis
        }
        CHECK(transitions(stairs) == 1);
    }
    SECTION("changes between bright images (darker above 0.8) are not flashes") {
        std::vector<double> bright;
        for (int k = 0; k < 60; ++k) bright.push_back(k % 2 ? 1.0 : 0.85);
        CHECK(transitions(bright) == 0);
    }
    SECTION("red: (R-G-B) x 320 changing by more than 20") {
        CHECK(transitions({0.0, 21.0 / 320, 0.0}, kRedRule) == 2);
        CHECK(transitions({0.0, 19.0 / 320, 0.0}, kRedRule) == 0);
    }
}

TEST_CASE("The scene starts at most N flashes in any second", "[viewer][flash]") {
    FlashLimiter limiter(2);
    int started = 0;
    for (int k = 0; k < 600; ++k) started += limiter.admit(k / 600.0) ? 1 : 0;  // 600 Hz of backtracks
    CHECK(started == 2);
    CHECK(limiter.suppressed() == 598);
    CHECK(limiter.admit(1.0));   // a second after the first: room again
    FlashLimiter unlimited(0);
    for (int k = 0; k < 100; ++k) CHECK(unlimited.admit(k / 1000.0));
}

TEST_CASE("The governor turns a strobe into fades within its budget", "[viewer][flash]") {
    FlashGovernor governor({kLuminanceRule});
    double shown = 0;
    std::vector<bool> completed;
    TransitionMeter audit;  // an independent meter over what was shown
    int lowered = 0;
    for (int k = 0; k < 600; ++k) {
        const double candidate = (k / 2) % 2 ? 1.0 : 0.0;  // a 15 Hz full-screen strobe
        const double now = k / 60.0;
        const double w = governor.admit(std::vector<double>{shown}, std::vector<double>{candidate}, now);
        REQUIRE(w >= 0.0);
        REQUIRE(w <= 1.0);
        if (w < 1) ++lowered;
        shown = shown + w * (candidate - shown);
        governor.record(std::vector<double>{shown}, now);
        completed.push_back(audit.update(shown));
    }
    CHECK(mostInAnyWindow(completed) <= 4);  // the budget; WCAG's limit is 6
    CHECK(lowered > 0);
    // Not frozen: the picture still moves, only the flashes are gone.
    CHECK(std::count(completed.begin(), completed.end(), true) >= 30);
}

TEST_CASE("The governor leaves a calm picture alone", "[viewer][flash]") {
    FlashGovernor governor({kLuminanceRule, kRedRule});
    for (int k = 0; k < 600; ++k) {
        const double v = 0.3 + 0.2 * std::sin(k / 60.0);   // a slow 0.16 Hz swell
        const std::vector<double> values{v, 0.0};
        CHECK(governor.admit(values, values, k / 60.0) == 1.0);
        governor.record(values, k / 60.0);
    }
}

TEST_CASE("Each channel has its own budget; the weakest decides", "[viewer][flash]") {
    FlashGovernor governor({kLuminanceRule, kLuminanceRule});
    std::vector<double> shown{0.0, 0.5};
    std::vector<bool> first, second;
    TransitionMeter a, b;
    for (int k = 0; k < 300; ++k) {
        const std::vector<double> candidate{k % 2 ? 1.0 : 0.0, 0.5};  // only channel 0 strobes
        const double w = governor.admit(shown, candidate, k / 60.0);
        for (std::size_t c = 0; c < 2; ++c) shown[c] += w * (candidate[c] - shown[c]);
        governor.record(shown, k / 60.0);
        first.push_back(a.update(shown[0]));
        second.push_back(b.update(shown[1]));
    }
    CHECK(mostInAnyWindow(first) <= 4);
    CHECK(mostInAnyWindow(second) == 0);
}

TEST_CASE("At most N in any second: a sliding window over frames", "[viewer][flash]") {
    std::vector<bool> done(120, false);
    for (int f : {0, 10, 59, 60, 61}) done[static_cast<std::size_t>(f)] = true;
    CHECK(mostInAnyWindow(done) == 4);       // frames 10, 59, 60, 61 (0 has left by 61)
    CHECK(mostInAnyWindow(done, 2) == 2);
    CHECK(mostInAnyWindow(std::vector<bool>{}) == 0);
}
