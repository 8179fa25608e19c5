// scene.hpp — what the viewer shows, as plain data: events in, state out.
//
// The renderer draws a Scene and knows nothing of OSC; the Scene knows
// nothing of SFML. Feed it events with apply() and let time pass with
// advance(dt); read the state: the eased stack depth, the nested squares'
// geometry, the background colour, the flash of a backtrack, the pulse of a
// result, an error banner, the live-coding banner of a refused load,
// labels per level and counters. Everything is
// deterministic: the same events with the same time steps give the same
// frames, which is what makes recordings replayable and the tests exact.
//
// Robustness: events may arrive out of order, with gaps (a depth that jumps
// by ten), from a sender that restarts (a new /polar/hello, query ids that
// go backwards), or be unknown. Each case is counted and absorbed: depth
// follows the latest value, a restart clears the per-query state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "polar/viewer/banner.hpp"
#include "polar/viewer/flash_limiter.hpp"
#include "polar/viewer/palette.hpp"
#include "polar/viewer/ride.hpp"
#include "polar/viewer/scene_event.hpp"

namespace polar::viewer {

// Limits of the drawing, each with its reason.
struct SceneConfig {
    // Levels drawn one inside the other before the spiral starts: past this
    // many, a square would be too thin to read at 720 pixels.
    int fitLevels = 24;
    // Each level is this fraction of its parent: at 0.84 a level's border is
    // 8% of the parent's side away, readable as nesting, and 24 levels still
    // fit (the 24th is 1.4% of the view, ten pixels at 720).
    double nestRatio = 0.84;
    // Each spiral level is this fraction of its parent, turned a little: an
    // infinitely deep stack converges to the centre instead of overflowing.
    double spiralRatio = 0.88;
    double spiralTurnDegrees = 7.0;
    // Squares smaller than this fraction of the view are not drawn (sub-pixel).
    double minimumSize = 0.004;
    // How fast the drawn depth follows the real one, per second (exponential).
    double easeRate = 12.0;
    // Decay of a backtrack flash and a result pulse, per second.
    double flashDecay = 6.0;
    double pulseDecay = 3.0;
    // How long an error banner stays, in seconds.
    double errorSeconds = 3.0;
    // The error's red tint rises and falls over these times, never cut: a
    // saturated red that appears at once is a red flash (WCAG 2.3.1).
    double errorRiseSeconds = 0.3;
    double errorFallSeconds = 0.6;
    // How long a background colour change takes (polar-viewer --color-ease,
    // 0.8 s there). 0 cuts, as unit tests and the approved pictures expect.
    double colorEaseSeconds = 0.0;
    // Flashes (a backtrack's, a result's pulse) the scene may start in any
    // second; 0 lifts the limit (--unsafe-flashes). WCAG allows 3 flashes a
    // second in all; 2 leaves the third to the background's colour steps.
    int flashesPerSecond = 2;
    // The background takes a new colour at most this often (seconds) while
    // flashes are limited: 3 steps a second, each eased, are calm even when
    // every event branches.
    double minColorStepSeconds = 1.0 / 3.0;
    // The hue family: the palette walks around baseHue, within ± hueSpread
    // degrees (0: the whole circle). Each sender on a shared screen gets its own.
    double baseHue = 210.0;
    double hueSpread = 0.0;
    // How quickly activity() follows the event rate, per second: about a
    // second to rise and to fall, so motion driven by it breathes instead
    // of jittering with every burst.
    double activityRate = 1.5;
    // The search tree and its ride (ride.hpp: layout, cart, camera, the
    // tree's node budget), built from the same events in every mode so
    // that switching to the coaster shows the search so far.
    RideConfig ride;
};

// One nested square, in view units: the view is 1 × 1, centred at 0.5, 0.5.
struct Square {
    int level;         // 0 is the outermost
    double size;       // side length
    double rotation;   // degrees
    std::string label; // the rule at this level (may be empty)
};

// Text that reaches the scene is cut to this many bytes (with `~`): the
// widest label a 4K screen can show at the smallest size is ~400
// characters, and a 60 KB rule name must cost what a short one costs.
inline constexpr std::size_t kMaxSceneText = 512;

struct SceneCounters {
    std::uint64_t events = 0;
    std::uint64_t unknown = 0;
    std::uint64_t depthJumps = 0;   // depth changed by more than one at once
    std::uint64_t restarts = 0;     // a sender started again mid-stream
    std::uint64_t results = 0;
    std::uint64_t errors = 0;
};

class Scene {
public:
    explicit Scene(SceneConfig config = {});

    void apply(const SceneEvent& event);
    void advance(double seconds);

    int depth() const { return m_depth; }
    double displayedDepth() const { return m_displayedDepth; }
    std::uint64_t branches() const { return m_branches; }
    Color background() const;
    double backtrackFlash() const { return m_flash; }
    double resultPulse() const { return m_pulse; }
    bool errorShowing() const { return m_errorLeft > 0; }
    const std::string& errorText() const { return m_errorText; }
    const std::string& source() const { return m_source; }
    const SceneCounters& counters() const { return m_counters; }
    const SceneConfig& config() const { return m_config; }
    // How far the error's red tint is up, 0..1 (eased, see errorRiseSeconds).
    double errorTint() const { return m_errorTint; }
    // Moves the palette walk to another hue family (Stage: a sender joined
    // or left the screen); the background eases there like any colour step.
    void setHueFamily(double baseHue, double spread);
    // Flashes the limiter held back (FlashLimiter).
    std::uint64_t suppressedFlashes() const { return m_limiter.suppressed(); }
    // A flash asked for by a performer (a MIDI note): the backtrack's flash,
    // through the same limiter.
    void flash();
    // SceneConfig::flashesPerSecond, changed live (0 lifts the limit).
    void setFlashesPerSecond(int perSecond);
    // Events per second, smoothed (SceneConfig::activityRate): 0 when the
    // sender is idle. Themes let motion breathe with it.
    double activity() const { return m_activity; }
    // Seconds since the last event (since construction before the first).
    double idleSeconds() const { return m_idle; }
    // The refused-load banner and the "loaded" toast (banner.hpp).
    const LoadBanner& banner() const { return m_banner; }
    // The squares to draw for the current displayed depth, outermost first.
    std::vector<Square> squares() const;
    // The search tree as a coaster ride (polar-viewer --mode coaster); not
    // const, for the hover and the pin.
    const Ride& ride() const { return m_ride; }
    Ride& ride() { return m_ride; }

private:
    void setDepth(int depth);
    void easeColor(double seconds);
    Color easedColor() const;

    SceneConfig m_config;
    int m_depth = 0;
    double m_displayedDepth = 0;
    std::uint64_t m_branches = 0;
    double m_flash = 0;
    double m_pulse = 0;
    double m_errorLeft = 0;
    std::string m_errorText;
    std::string m_source;
    int m_lastQuery = 0;
    std::vector<std::string> m_labels;  // rule name per level (index = depth - 1)
    SceneCounters m_counters;
    LoadBanner m_banner;
    std::uint64_t m_eventsSinceAdvance = 0;
    double m_time = 0;  // scene seconds, summed by advance()
    FlashLimiter m_limiter;
    double m_errorTint = 0;
    // The background's eased walk: from one palette colour to the next.
    Color m_colorFrom, m_colorTo;
    double m_colorProgress = 1;
    std::uint64_t m_colorBranches = 0;  // the branch count m_colorTo shows
    double m_sinceColorStep = 1e9;
    double m_activity = 0;
    double m_idle = 0;
    Ride m_ride;
};

} // namespace polar::viewer
