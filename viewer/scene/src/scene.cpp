#include "polar/viewer/scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace polar::viewer {

namespace {
// An error turns the background this colour: unmistakable, and on no path of
// the palette walk (whose value stays at 0.42).
constexpr Color kErrorColor{200, 16, 32};
constexpr Color kFlashColor{255, 255, 255};
// No policy needs more levels than this in the label list; it caps memory
// against a sender that reports absurd depths.
constexpr int kMaxLabelLevels = 4096;

// Cut to kMaxSceneText bytes at a UTF-8 boundary, ending in `~`.
std::string capped(const std::string& text) {
    if (text.size() <= kMaxSceneText) return text;
    std::size_t end = kMaxSceneText - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "~";
}

} // namespace

Scene::Scene(SceneConfig config)
    : m_config(config), m_limiter(config.flashesPerSecond),
      m_colorFrom(paletteColor(0, config.baseHue, config.hueSpread)), m_colorTo(m_colorFrom), m_ride(config.ride) {}

void Scene::setDepth(int depth) {
    depth = std::max(0, depth);
    if (std::abs(depth - m_depth) > 1) ++m_counters.depthJumps;
    m_depth = depth;
    // Labels above the depth are kept, not dropped: backtracking re-enters
    // levels without a new /polar/rule, and the rule there is usually the
    // same one. The next call at a level overwrites its label.
}

void Scene::apply(const SceneEvent& e) {
    ++m_counters.events;
    ++m_eventsSinceAdvance;
    m_idle = 0;
    m_ride.apply(e);
    switch (e.kind) {
    case EventKind::Hello:
        if (!m_source.empty() || m_counters.events > 1) ++m_counters.restarts;
        m_source = capped(e.text);
        setDepth(0);
        m_labels.clear();
        m_lastQuery = 0;
        break;
    case EventKind::QueryBegin:
        // Query ids only grow within one sender: a smaller one means it restarted.
        if (e.queryId < m_lastQuery) ++m_counters.restarts;
        m_lastQuery = e.queryId;
        setDepth(0);
        m_labels.clear();
        break;
    case EventKind::QueryEnd: setDepth(0); break;
    case EventKind::Rule: {
        // The rule runs one level below its caller.
        const int level = std::clamp(e.depth + 1, 1, kMaxLabelLevels);
        if (static_cast<int>(m_labels.size()) < level) m_labels.resize(static_cast<std::size_t>(level));
        m_labels[static_cast<std::size_t>(level - 1)] = capped(e.text);
        break;
    }
    case EventKind::Depth: setDepth(e.depth); break;
    // The squares show the stack, not the tree: an entry changes nothing
    // the Rule before it and the Depth after it do not already show.
    case EventKind::RuleEnter: break;
    case EventKind::Branch: ++m_branches; break;
    case EventKind::Backtrack:
        setDepth(e.depth);
        if (m_limiter.admit(m_time)) m_flash = 1.0;
        break;
    case EventKind::Result:
        ++m_counters.results;
        if (m_limiter.admit(m_time)) m_pulse = 1.0;
        break;
    case EventKind::Error:
        ++m_counters.errors;
        m_errorText = capped(e.text);
        m_errorLeft = m_config.errorSeconds;
        break;
    case EventKind::Stats: break;
    // A refused load leaves the old policy running: the squares go on, the
    // banner says why the new text was refused, until a load succeeds.
    case EventKind::PolicyError: m_banner.showError(e.file, e.line, e.column, e.text, e.message); break;
    case EventKind::PolicyLoaded: m_banner.showLoaded(e.file, e.rules); break;
    case EventKind::Unknown: ++m_counters.unknown; break;
    }
}

void Scene::advance(double seconds) {
    if (seconds <= 0) return;
    const double rate = static_cast<double>(m_eventsSinceAdvance) / seconds;
    m_eventsSinceAdvance = 0;
    m_activity += (rate - m_activity) * (1.0 - std::exp(-m_config.activityRate * seconds));
    if (m_activity < 1e-3) m_activity = 0;
    m_idle += seconds;
    m_time += seconds;
    easeColor(seconds);
    const double follow = 1.0 - std::exp(-m_config.easeRate * seconds);
    m_displayedDepth += (m_depth - m_displayedDepth) * follow;
    if (std::fabs(m_displayedDepth - m_depth) < 1e-3) m_displayedDepth = m_depth;
    m_flash *= std::exp(-m_config.flashDecay * seconds);
    m_pulse *= std::exp(-m_config.pulseDecay * seconds);
    if (m_flash < 1e-3) m_flash = 0;
    if (m_pulse < 1e-3) m_pulse = 0;
    m_errorLeft = std::max(0.0, m_errorLeft - seconds);
    if (m_errorLeft > 0) {
        m_errorTint = m_config.errorRiseSeconds > 0 ? std::min(1.0, m_errorTint + seconds / m_config.errorRiseSeconds) : 1.0;
    } else {
        m_errorTint = m_config.errorFallSeconds > 0 ? std::max(0.0, m_errorTint - seconds / m_config.errorFallSeconds) : 0.0;
    }
    m_banner.advance(seconds);
    m_ride.advance(seconds);
}

// The background steps to the latest branch count's colour, at most every
// minColorStepSeconds while flashes are limited, each step eased over
// colorEaseSeconds from wherever the last one had got to.
void Scene::easeColor(double seconds) {
    m_sinceColorStep += seconds;
    const double minStep = m_config.flashesPerSecond > 0
        ? std::max(m_config.colorEaseSeconds, m_config.minColorStepSeconds) : m_config.colorEaseSeconds;
    if (m_branches != m_colorBranches && (m_sinceColorStep >= minStep || m_colorBranches == ~std::uint64_t{0})) {
        m_colorFrom = easedColor();
        m_colorTo = paletteColor(m_branches, m_config.baseHue, m_config.hueSpread);
        m_colorBranches = m_branches;
        m_colorProgress = 0;
        m_sinceColorStep = 0;
    }
    m_colorProgress = m_config.colorEaseSeconds > 0
        ? std::min(1.0, m_colorProgress + seconds / m_config.colorEaseSeconds) : 1.0;
}

void Scene::flash() {
    if (m_limiter.admit(m_time)) m_flash = 1.0;
}

void Scene::setFlashesPerSecond(int perSecond) {
    m_config.flashesPerSecond = perSecond;
    m_limiter.setPerSecond(perSecond);
}

void Scene::setHueFamily(double baseHue, double spread) {
    if (baseHue == m_config.baseHue && spread == m_config.hueSpread) return;
    m_config.baseHue = baseHue;
    m_config.hueSpread = spread;
    m_colorBranches = ~std::uint64_t{0};  // the next step goes to the new family's colour
}

Color Scene::easedColor() const {
    const double t = m_colorProgress;
    return mix(m_colorFrom, m_colorTo, t * t * (3 - 2 * t));  // smoothstep: no kink at either end
}

Color Scene::background() const {
    const Color lit = mix(easedColor(), kFlashColor, m_flash * 0.6);
    return mix(lit, kErrorColor, m_errorTint);
}

std::vector<Square> Scene::squares() const {
    std::vector<Square> out;
    // One square per level up to the displayed depth; a partly grown level
    // (the easing in between) is drawn at its fractional size.
    const double levels = m_displayedDepth;
    const int whole = static_cast<int>(std::ceil(levels - 1e-9));
    const int fit = m_config.fitLevels;
    double size = 0.92 / m_config.nestRatio;  // so level 0 is 92% of the view
    double rotation = 0;
    for (int level = 0; level < whole; ++level) {
        if (level < fit) {
            size *= m_config.nestRatio;
        } else {
            size *= m_config.spiralRatio;  // past the fit: a spiral into the centre
            rotation += m_config.spiralTurnDegrees;
        }
        double drawn = size;
        const double fraction = levels - level;
        if (fraction < 1.0) drawn *= std::max(0.0, fraction);  // growing or shrinking in
        if (drawn < m_config.minimumSize) break;
        Square sq{level, drawn, rotation, {}};
        if (level < static_cast<int>(m_labels.size())) sq.label = m_labels[static_cast<std::size_t>(level)];
        out.push_back(std::move(sq));
    }
    return out;
}

} // namespace polar::viewer
