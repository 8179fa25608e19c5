// theme_neon.cpp — see theme_neon.hpp. Per frame: feedback (previous trails
// → next at half resolution, one pass per lane) with this frame's outlines
// added; bloom (bright pass and 2 x 2 blur passes at quarter resolution);
// composite (ground + trails + bloom in one full-resolution shader pass,
// the crisp lines on top); then the overlays that must not feed back
// (theme_neon_overlays.cpp: result glow, labels, error tint, fade).
#include "theme_neon.hpp"

#include <algorithm>
#include <cmath>

#include "shaders.hpp"
#include "theme_draw.hpp"
#include "theme_neon_motion.hpp"

namespace polar::viewer {
using namespace neon;
namespace {

// The background is the scene's colour at this fraction (its value 0.42
// becomes ~0.15): the branch walk still shows, as a deep tint under light.
constexpr double kBackgroundScale = 0.35;
// ...and no channel above 48 (of 255): the palette (value 0.42 → 37) is
// untouched, but the scene's full red of an error or its flash toward
// white stay a deep ground; the error is the theme's own slow tint.
constexpr double kBackgroundCap = 48;
// Per second. Background: ~0.5 s to follow a branch, slower than the eye's
// flash window. Error: the red tint takes ~0.8 s to rise.
constexpr double kBackgroundRate = 2.0;
constexpr double kErrorRate = 1.2;
// Trails: intensity falls by e every 1/5.5 s (a trail is seen for about
// half a second). The tunnel: the previous frame comes back scaled by
// exp(rate * dt), 35 %/s idle (a line 300 px from the centre drifts out
// ~2 px a frame), up to 80 %/s at full activity: a busy search rushes.
constexpr double kTrailFade = 5.5;
constexpr double kZoomIdle = 0.35, kZoomBusy = 0.45;
// Trails turn through the hue circle at 0.6 rad/s: a full turn in ~10 s.
constexpr double kHueTurn = 0.6;
// Subtracted per frame so trails end in true black (1/255 per frame).
constexpr float kCut = 1.0f / 255;
// Bloom: what is brighter than 0.4 glows; added back at 85 %.
constexpr float kThreshold = 0.4f;
constexpr sf::Uint8 kBloomStrength = 215;
// Trails and bloom live at half the target's resolution: a software
// rasteriser (llvmpipe, the floor) pays per pixel and pass, trails are
// soft anyway, and this frame's lines are drawn again crisp at full
// resolution in the composite. A quarter of the pixels per feedback pass.
constexpr float kTrailScale = 0.5f;
// The outlines of one frame may cover at most 3 % of the lane at full
// strength (Exposure); trails multiply that by about 1 / (1 - decay) ≈ 11
// and bloom adds its share, which keeps a frame's mean relative luminance
// under ~0.15 whatever the depth (viewer_theme_safety measures it). The
// gain recovers at 0.7/s: slower than a flash, quick enough to follow a
// search that settles.
constexpr double kLightBudget = 0.03, kLightRise = 0.7;

} // namespace

void NeonTheme::loadShaders() {
    m_shadersTried = true;
    m_shadersOk = m_shadersAllowed && sf::Shader::isAvailable() &&
                  m_feedback.loadFromMemory(shaders::kFeedback, sf::Shader::Fragment) &&
                  m_bright.loadFromMemory(shaders::kBrightPass, sf::Shader::Fragment) &&
                  m_blur.loadFromMemory(shaders::kBlur, sf::Shader::Fragment) &&
                  m_composite.loadFromMemory(shaders::kComposite, sf::Shader::Fragment);
}

bool NeonTheme::ensureBloom(sf::Vector2u size) {
    const sf::Vector2u quarter(std::max(1u, size.x / 4), std::max(1u, size.y / 4));
    if (quarter == m_bloomSize) return m_bloomOk;
    m_bloomSize = quarter;
    m_bloomOk = m_bloom[0].create(quarter.x, quarter.y) && m_bloom[1].create(quarter.x, quarter.y);
    for (auto& b : m_bloom) b.setSmooth(true);
    return m_bloomOk;
}

void NeonTheme::render(sf::RenderTarget& target, const FrameView& frame) {
    if (!m_shadersTried) loadShaders();
    m_lanes.resize(frame.lanes.size());
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        const LaneView& lane = frame.lanes[i];
        if (!lane.scene) continue;
        LaneState& state = m_lanes[i];
        step(state, lane, frame);
        state.lines = geometry(state, lane, frame.time, frame.pulse);
        const double lit =
            coverage(state.lines, static_cast<double>(lane.rect.width) * lane.rect.height);
        scaleAlpha(state.lines, state.exposure.update(lit, kLightBudget, kLightRise, frame.dt));
    }
    const sf::Vector2u full = target.getSize();
    const sf::Vector2u reduced(
        std::max(1u, static_cast<unsigned>(static_cast<float>(full.x) * kTrailScale)),
        std::max(1u, static_cast<unsigned>(static_cast<float>(full.y) * kTrailScale)));
    if (!m_trails.ensure(reduced, sf::Color::Black)) {
        // No off-screen textures: the outlines straight onto the target.
        target.clear(sf::Color::Black);
        for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
            if (!frame.lanes[i].scene) continue;
            enterLane(target, frame.lanes[i].rect);
            target.draw(m_lanes[i].lines, sf::BlendAdd);
            overlays(target, m_lanes[i], frame.lanes[i], frame);
        }
        leaveLane(target);
        return;
    }
    feedback(frame, sf::Vector2f(full));
    if (m_shadersOk && ensureBloom(full)) bloom();
    composite(target, frame);
    m_trails.swap();
}

void NeonTheme::step(LaneState& state, const LaneView& lane, const FrameView& frame) {
    const Scene& scene = *lane.scene;
    const Color bg = scene.background();
    const double rate = state.started ? kBackgroundRate : 1e9; // the first frame starts where it is
    auto deep = [](std::uint8_t c) { return std::min(kBackgroundCap, c * kBackgroundScale); };
    state.red = easeToward(state.red, deep(bg.r), rate, frame.dt);
    state.green = easeToward(state.green, deep(bg.g), rate, frame.dt);
    state.blue = easeToward(state.blue, deep(bg.b), rate, frame.dt);
    state.error = easeToward(state.error, scene.errorShowing() ? 1.0 : 0.0, kErrorRate, frame.dt);
    const double busy = 1 - std::exp(-scene.activity() / kActivityScale);
    state.phase = std::fmod(state.phase + frame.dt * (5 + 35 * busy), 360.0 * 1000);
    state.started = true;
}

sf::VertexArray NeonTheme::geometry(const LaneState& state, const LaneView& lane, double t, double beat) const {
    sf::VertexArray lines(sf::Triangles);
    const Scene& scene = *lane.scene;
    const float w = lane.rect.width, h = lane.rect.height, side = nestSide(lane);
    // Named copies, not a structured binding: lambdas capture them (clang 14
    // refuses to capture a structured binding, which C++20 allows).
    const auto motion = motionOf(scene, t, beat);
    const double busy = motion.busy, breath = motion.breath;
    const auto squares = scene.squares();
    const double flash = scene.backtrackFlash(), pulse = scene.resultPulse();
    const float base = std::max(1.5f, side / 320) * static_cast<float>(1 + 0.25 * busy);

    auto nest = [&](sf::Vector2f centre, float scale, float turn, double hueOffset, double alpha) {
        // Three ghost squares, always there: the idle screen breathes.
        for (int g = 0; g < 3; ++g) {
            const float size =
                side * scale *
                static_cast<float>((0.98 - 0.21 * g) * (1 + 0.02 * std::sin(t * 0.5 + g)));
            const double degrees =
                turn * (state.phase * 0.4 + 45 * g + 12 * std::sin(t * 0.13 + g) + lane.spin);
            const double hue = lane.hue + hueOffset + 50 * g + 25 * std::sin(t * 0.05);
            addSquareOutline(lines, centre, size, static_cast<float>(degrees), base * 0.8f,
                             hsvColor(hue, 0.8, 0.6, 0.22 * alpha * lane.opacity));
        }
        for (std::size_t k = 0; k < squares.size(); ++k) {
            const Square& s = squares[k];
            const std::size_t fromInner = squares.size() - 1 - k;
            const double lit = fromInner < 3 ? flash * (1 - fromInner / 3.0) : 0;
            const double glow = fromInner == 0 ? pulse : 0;
            const double degrees = squareDegrees(s, state.phase, turn) + turn * lane.spin;
            const double hue = lane.hue + hueOffset + 40 * std::sin(s.level * 0.7 + t * 0.11);
            const double a = std::min(1.0, (0.65 + 0.35 * lit + 0.3 * glow) * alpha) * lane.opacity;
            addSquareOutline(lines, centre, static_cast<float>(s.size * breath) * side * scale,
                             static_cast<float>(degrees),
                             base * scale * static_cast<float>(1 + 1.2 * lit),
                             hsvColor(hue, 0.85 - 0.5 * lit, 0.8 + 0.2 * lit, a));
        }
    };
    nest(sf::Vector2f(w / 2, h / 2), 1, 1, 0, 1);
    // Echoes in the margins a wide lane leaves beside the nest: two per
    // side, each as big as the margin allows, turning the other way.
    const float margin = (w - 0.92f * side) / 2;
    const float scale = std::min(0.45f, margin / side);
    if (scale > 0.15f && 2 * 0.98f * side * scale < h) {
        for (int e = 0; e < 4; ++e) {
            const float x = e < 2 ? margin / 2 : w - margin / 2;
            const float y = (e % 2 == 0 ? 0.27f : 0.73f) * h;
            nest(sf::Vector2f(x, y), scale, e % 3 == 0 ? -1.3f : -0.9f, 35 + 20 * e, 0.55);
        }
    }
    return lines;
}

void NeonTheme::feedback(const FrameView& frame, sf::Vector2f full) {
    sf::RenderTexture& previous = m_trails.previous();
    sf::RenderTexture& next = m_trails.next();
    next.clear(sf::Color::Black);
    const sf::Vector2f size(next.getSize());
    const float decay = static_cast<float>(std::exp(-trailRate(kTrailFade, frame) * frame.dt));
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        const LaneView& lane = frame.lanes[i];
        if (!lane.scene) continue;
        enterLane(next, lane.rect, full);
        const double busy = 1 - std::exp(-lane.scene->activity() / kActivityScale);
        const float zoom = static_cast<float>(std::exp(frame.dt * (kZoomIdle + kZoomBusy * busy)));
        const float turn =
            static_cast<float>(frame.dt * 4 * std::sin(frame.time * 0.05 + static_cast<double>(i)));
        sf::Sprite back = laneSprite(previous.getTexture(), lane.rect, zoom, turn, kTrailScale);
        if (m_shadersOk) {
            m_feedback.setUniform("source", sf::Shader::CurrentTexture);
            m_feedback.setUniform("texel", sf::Glsl::Vec2(1 / size.x, 1 / size.y));
            m_feedback.setUniform("decay", decay);
            m_feedback.setUniform("cut", kCut);
            m_feedback.setUniform("hueTurn", static_cast<float>(kHueTurn * frame.dt));
            next.draw(back, &m_feedback);
        } else {
            back.setColor(sf::Color(byte(255 * decay), byte(255 * decay), byte(255 * decay)));
            next.draw(back);
        }
        next.draw(m_lanes[i].lines, sf::BlendAdd);
    }
    leaveLane(next);
    next.display();
}

void NeonTheme::bloom() {
    const sf::Texture& trails = m_trails.next().getTexture();
    const sf::Vector2f full(trails.getSize()), quarter(m_bloomSize);
    sf::Sprite down(trails);
    down.setScale(quarter.x / full.x, quarter.y / full.y);
    m_bright.setUniform("source", sf::Shader::CurrentTexture);
    m_bright.setUniform("texel", sf::Glsl::Vec2(1 / full.x, 1 / full.y));
    m_bright.setUniform("threshold", kThreshold);
    m_bloom[0].clear(sf::Color::Black);
    m_bloom[0].draw(down, &m_bright);
    m_bloom[0].display();
    m_blur.setUniform("source", sf::Shader::CurrentTexture);
    // Two rounds, the second twice as wide: a tight core and a wide halo.
    for (float reach : {1.0f, 2.0f}) {
        m_blur.setUniform("step", sf::Glsl::Vec2(reach / quarter.x, 0));
        m_bloom[1].draw(sf::Sprite(m_bloom[0].getTexture()), &m_blur);
        m_bloom[1].display();
        m_blur.setUniform("step", sf::Glsl::Vec2(0, reach / quarter.y));
        m_bloom[0].draw(sf::Sprite(m_bloom[1].getTexture()), &m_blur);
        m_bloom[0].display();
    }
}

void NeonTheme::composite(sf::RenderTarget& target, const FrameView& frame) {
    target.clear(sf::Color::Black);
    const sf::Texture& trails = m_trails.next().getTexture();
    const bool glow = m_shadersOk && m_bloomOk;
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        const LaneView& lane = frame.lanes[i];
        if (!lane.scene) continue;
        enterLane(target, lane.rect);
        const LaneState& s = m_lanes[i];
        sf::Sprite picture = laneSprite(trails, lane.rect, 1, 0, kTrailScale);
        if (m_shadersOk) {
            m_composite.setUniform("source", sf::Shader::CurrentTexture);
            m_composite.setUniform("glow", glow ? m_bloom[0].getTexture() : trails);
            m_composite.setUniform("ground", sf::Glsl::Vec3(static_cast<float>(s.red / 255),
                                                            static_cast<float>(s.green / 255),
                                                            static_cast<float>(s.blue / 255)));
            m_composite.setUniform("strength", glow ? kBloomStrength / 255.0f : 0.0f);
            target.draw(picture, &m_composite);
        } else {
            sf::RectangleShape ground(sf::Vector2f(lane.rect.width, lane.rect.height));
            ground.setFillColor(sf::Color(byte(s.red), byte(s.green), byte(s.blue)));
            target.draw(ground);
            target.draw(picture, sf::BlendAdd);
        }
        // This frame's lines once more, crisp, over their softer trail.
        target.draw(s.lines, sf::BlendAdd);
    }
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        if (!frame.lanes[i].scene) continue;
        enterLane(target, frame.lanes[i].rect);
        overlays(target, m_lanes[i], frame.lanes[i], frame);
    }
    leaveLane(target);
}

} // namespace polar::viewer
