// theme_ink.cpp — see theme_ink.hpp. Per frame: bleed (previous → next at
// half resolution, one pass per lane) with this frame's strokes on it, then
// composite (the wake times the grain in one full-resolution pass, the
// strokes crisp on top, the overlays: theme_ink_overlays.cpp). No bloom:
// ink does not glow.
#include "theme_ink.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "shaders.hpp"
#include "theme_draw.hpp"
#include "theme_ink_look.hpp"

namespace polar::viewer {
using namespace ink;
namespace {

constexpr double kTau = 6.283185307179586;
const sf::Color kVermilion(214, 64, 40);
// Per second: the ink's hue follows a branch in ~0.7 s; the error wash
// rises in ~1 s; the wake fades to paper with a time constant of 0.5 s.
constexpr double kHueRate = 1.5, kErrorRate = 1.0, kBleedRate = 2.0;
// The grain tile: 128 px repeats unnoticed at any size; values within
// 8 % of white, a texture felt more than seen.
constexpr unsigned kGrainSize = 128;
constexpr double kGrainDepth = 0.08;
// The wake lives at half the target's resolution: a software rasteriser
// pays per pixel and pass, the wake is blurred anyway, and this frame's
// strokes are drawn crisp at full resolution over it.
constexpr float kTrailScale = 0.5f;
// A frame's strokes may cover at most this fraction of the lane at full
// strength; the wake keeps about 1 / (1 - keep) frames of them, so the
// page's mean luminance stays within ~0.1 of bare paper (measured by
// viewer_theme_safety). The budget recovers at 0.7/s.
constexpr double kInkBudget = 0.01, kInkRise = 0.7;

// The shortest turn from `from` to `to`, in degrees: hues ease around the
// circle, not back through every colour in between.
double hueDelta(double from, double to) { return std::remainder(to - from, 360.0); }

} // namespace

void InkTheme::prepare() {
    m_prepared = true;
    m_shaderOk = m_shadersAllowed && sf::Shader::isAvailable() && m_bleed.loadFromMemory(shaders::kBleed, sf::Shader::Fragment);
    m_compositeOk =
        m_shaderOk && m_composite.loadFromMemory(shaders::kInkComposite, sf::Shader::Fragment);
    sf::Image grain;
    grain.create(kGrainSize, kGrainSize);
    std::uint32_t seed = 0x9e3779b9u; // fixed: the same paper in every run and every test
    for (unsigned y = 0; y < kGrainSize; ++y)
        for (unsigned x = 0; x < kGrainSize; ++x) {
            seed = seed * 1664525u + 1013904223u;
            const double v = 255 * (1 - kGrainDepth * ((seed >> 24) / 255.0));
            grain.setPixel(x, y, sf::Color(byte(v), byte(v), byte(v)));
        }
    m_grainOk = m_grain.loadFromImage(grain);
    m_compositeOk = m_compositeOk && m_grainOk;
    m_grain.setRepeated(true);
    m_grain.setSmooth(true);
}

void InkTheme::step(LaneState& state, const LaneView& lane, const FrameView& frame) {
    const Scene& scene = *lane.scene;
    const double hue = hueOf(scene.background());
    if (!state.started) state.inkHue = hue;
    state.inkHue += hueDelta(state.inkHue, hue) * (1 - std::exp(-kHueRate * frame.dt));
    state.error = easeToward(state.error, scene.errorShowing() ? 1.0 : 0.0, kErrorRate, frame.dt);
    state.started = true;
}

void InkTheme::render(sf::RenderTarget& target, const FrameView& frame) {
    if (!m_prepared) prepare();
    m_lanes.resize(frame.lanes.size());
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        if (!frame.lanes[i].scene) continue;
        step(m_lanes[i], frame.lanes[i], frame);
        strokes(m_lanes[i], frame.lanes[i], frame);
    }
    const sf::Vector2u full = target.getSize();
    const sf::Vector2u reduced(
        std::max(1u, static_cast<unsigned>(static_cast<float>(full.x) * kTrailScale)),
        std::max(1u, static_cast<unsigned>(static_cast<float>(full.y) * kTrailScale)));
    if (m_trails.ensure(reduced, kPaper)) {
        bleed(frame, sf::Vector2f(full));
    } else {
        target.clear(kPaper);
        if (m_grainOk)
            target.draw(sf::Sprite(m_grain, sf::IntRect(0, 0, static_cast<int>(full.x),
                                                        static_cast<int>(full.y))),
                        sf::BlendMultiply);
    }
    const bool trails = m_trails.ok();
    if (trails) target.clear(kPaper);
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        const LaneView& lane = frame.lanes[i];
        if (!lane.scene) continue;
        enterLane(target, lane.rect);
        if (trails) {
            // The wake, grained: the paper's texture is in the wash, and
            // this frame's strokes sit on top of it, crisp.
            sf::Sprite wake =
                laneSprite(m_trails.next().getTexture(), lane.rect, 1, 0, kTrailScale);
            if (m_compositeOk) {
                m_composite.setUniform("source", sf::Shader::CurrentTexture);
                m_composite.setUniform("grain", m_grain);
                m_composite.setUniform("repeat",
                                       sf::Glsl::Vec2(static_cast<float>(full.x) / kGrainSize,
                                                      static_cast<float>(full.y) / kGrainSize));
                target.draw(wake, &m_composite);
            } else {
                target.draw(wake);
            }
        }
        target.draw(m_lanes[i].ink);
    }
    leaveLane(target);
    if (trails && !m_compositeOk && m_grainOk)
        target.draw(sf::Sprite(m_grain, sf::IntRect(0, 0, static_cast<int>(full.x),
                                                    static_cast<int>(full.y))),
                    sf::BlendMultiply);
    if (trails) m_trails.swap();
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        if (!frame.lanes[i].scene) continue;
        enterLane(target, frame.lanes[i].rect);
        overlays(target, m_lanes[i], frame.lanes[i], frame);
    }
    leaveLane(target);
}

void InkTheme::bleed(const FrameView& frame, sf::Vector2f full) {
    sf::RenderTexture& next = m_trails.next();
    next.clear(kPaper);
    const sf::Vector2f size(next.getSize());
    const float keep = static_cast<float>(std::exp(-trailRate(kBleedRate, frame) * frame.dt));
    for (std::size_t i = 0; i < frame.lanes.size(); ++i) {
        const LaneView& lane = frame.lanes[i];
        if (!lane.scene) continue;
        enterLane(next, lane.rect, full);
        // The wake creeps outward a little (2 %/s, a few pixels over its
        // half-second life): ink spreading, not a tunnel.
        const float zoom = static_cast<float>(std::exp(0.02 * frame.dt));
        sf::Sprite back =
            laneSprite(m_trails.previous().getTexture(), lane.rect, zoom, 0, kTrailScale);
        if (m_shaderOk) {
            m_bleed.setUniform("source", sf::Shader::CurrentTexture);
            m_bleed.setUniform("texel", sf::Glsl::Vec2(1 / size.x, 1 / size.y));
            m_bleed.setUniform(
                "paper", sf::Glsl::Vec3(kPaper.r / 255.f, kPaper.g / 255.f, kPaper.b / 255.f));
            m_bleed.setUniform("keep", keep);
            next.draw(back, &m_bleed);
        } else {
            next.draw(back);
            sf::RectangleShape veil(sf::Vector2f(lane.rect.width, lane.rect.height));
            veil.setFillColor(sf::Color(kPaper.r, kPaper.g, kPaper.b, byte(255 * (1 - keep))));
            next.draw(veil);
        }
        next.draw(m_lanes[i].ink);
    }
    leaveLane(next);
    next.display();
}

void InkTheme::strokes(LaneState& state, const LaneView& lane, const FrameView& frame) const {
    const Scene& scene = *lane.scene;
    const double t = frame.time;
    const float w = lane.rect.width, h = lane.rect.height, side = nestSide(lane);
    const sf::Vector2f centre(w / 2, h / 2);
    const auto squares = scene.squares();
    const double flash = scene.backtrackFlash(), pulse = scene.resultPulse();
    // At least 2 px: thinner, a slightly turned line breaks into steps.
    const float pen = std::max(2.0f, side / 260);
    sf::VertexArray& ink = state.ink;
    ink.clear();
    // A pencil frame that is always there, barely: the idle page breathes.
    addSquareOutline(ink, centre, side * static_cast<float>(0.96 + 0.01 * std::sin(kTau * t / 9)),
                     static_cast<float>(1.5 * std::sin(t * 0.21)), pen * 0.6f,
                     hsvColor(state.inkHue, 0.2, 0.45, 0.05 * lane.opacity));
    if (!squares.empty() && pulse > 0) {
        // The result's wash: pale, in the complementary hue, soaking in.
        const Square& s = squares.back();
        addSquareFill(ink, centre, static_cast<float>(s.size) * side,
                      static_cast<float>(s.rotation + lane.spin),
                      hsvColor(state.inkHue + 180, 0.35, 0.95, 0.035 * pulse * lane.opacity));
    }
    // One impression of the nest at `at`, `scale` times the lane's side;
    // mirror = -1 turns it the other way, `strength` thins its ink; only the
    // main impression gets the vermilion and the lighter second pass.
    auto stamp = [&](sf::Vector2f at, float scale, float mirror, double strength, bool main) {
        for (std::size_t k = 0; k < squares.size(); ++k) {
            const Square& s = squares[k];
            const std::size_t fromInner = squares.size() - 1 - k;
            const double lit = main && fromInner < 3 ? flash * (1 - fromInner / 3.0) : 0;
            const double l = s.level;
            // A hand's wobble: slow, different for every level, a few pixels.
            const sf::Vector2f shift(
                static_cast<float>(std::sin(t * 0.7 + l * 1.7)) * side * 0.003f * scale,
                static_cast<float>(std::cos(t * 0.6 + l * 2.3)) * side * 0.003f * scale);
            const double degrees = mirror * (s.rotation + lane.spin + 1.2 * std::sin(t * 0.23 + l * 0.9));
            const float size =
                static_cast<float>(s.size * (1 + 0.006 * std::sin(kTau * t / 5 + l))) * side * scale;
            sf::Color colour = hsvColor(state.inkHue + 8 * l, kInkSaturation, kInkValue,
                                        0.5 * strength * lane.opacity);
            if (lit > 0) {
                const sf::Color v = kVermilion;
                colour = sf::Color(byte(colour.r + (v.r - colour.r) * lit),
                                   byte(colour.g + (v.g - colour.g) * lit),
                                   byte(colour.b + (v.b - colour.b) * lit),
                                   byte(colour.a + (230 - colour.a) * lit));
            }
            addSquareOutline(ink, at + shift, size, static_cast<float>(degrees),
                             pen * static_cast<float>(main ? 1 + 0.8 * lit : 0.7), colour);
            if (!main) continue;
            colour.a = byte(colour.a * 0.4);
            addSquareOutline(ink, at - shift * 1.6f, size * 1.006f,
                             static_cast<float>(degrees - 0.6), pen * 0.5f, colour);
        }
    };
    stamp(centre, 1, 1, 1, true);
    // The margins a wide lane leaves beside the nest get a print's repeated
    // stamps: two per side, as big as the margin allows, mirrored, fainter
    // (a stamp pressed again with less ink), each a little askew. A narrow
    // lane (no margin worth the name) gets none.
    const float margin = (w - 0.96f * side) / 2;
    const float scale = std::min(0.45f, 0.92f * margin / side);
    if (scale > 0.15f && 2 * scale * side < h) {
        for (int e = 0; e < 4; ++e) {
            const float x = e < 2 ? margin / 2 : w - margin / 2;
            const float y = (e % 2 == 0 ? 0.27f : 0.73f) * h;
            const float askew = side * 0.01f * static_cast<float>(e % 3 - 1);
            stamp(sf::Vector2f(x + askew, y), scale, e % 3 == 0 ? -1.f : 1.f,
                  e % 2 == 0 ? 0.55 : 0.4, false);
        }
    }
    const double inked = coverage(ink, static_cast<double>(w) * h);
    scaleAlpha(ink, state.exposure.update(inked, kInkBudget, kInkRise, frame.dt));
}

} // namespace polar::viewer
