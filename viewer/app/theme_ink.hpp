// theme_ink.hpp — `ink`: the contrasting, daylight look: dark ink on paper.
//
// Design. A warm paper ground whose brightness never changes; each square
// a hand-drawn double stroke (a firm line and a lighter second pass a
// little off, both wobbling slowly as a hand would), in an ink whose hue
// follows the scene's palette walk, eased. Strokes are drawn into a trail
// buffer that bleeds: every frame the previous picture is softened and
// drawn back toward the paper (shaders.hpp kBleed), so a moving square
// leaves a fading, blurred wake, as wet ink spreads into fibres. A result
// drops a pale watercolour wash into the innermost square; a backtrack
// redraws the innermost three in vermilion (local, never the page); an
// error washes the lane with a faint red over a second. A wide lane's
// side margins carry four smaller, fainter, mirrored stamps of the nest
// (a print's repeated impressions), inside the same ink budget. A fixed paper
// grain (generated once, deterministic) sits on top.
//
// Safety: paper is the brightest thing on screen and constant; everything
// drawn only darkens parts of it, slowly, and the strokes share an ink
// budget (kInkBudget, Exposure): a flooded stack thins every stroke
// rather than blackening the page. Without shaders the wake fades
// (a paper-coloured veil) but does not blur; without render textures the
// strokes are drawn straight on the paper.
#pragma once

#include <vector>

#include "theme.hpp"
#include "theme_draw.hpp"
#include "theme_trails.hpp"

namespace polar::viewer {

class InkTheme final : public Theme {
public:
    // shaders = false draws the fallback look on purpose (as without
    // shader support): what the tests use to check that it works.
    explicit InkTheme(bool shaders = true) : m_shadersAllowed(shaders) {}
    std::string_view name() const override { return "ink"; }
    void render(sf::RenderTarget& target, const FrameView& frame) override;

private:
    struct LaneState {
        double inkHue = 0; // eased toward the palette walk's hue
        double error = 0;  // the eased red wash, 0..1
        bool started = false;
        Exposure exposure;                  // the strokes' ink budget
        sf::VertexArray ink{sf::Triangles}; // this frame's strokes, exposed
    };
    void prepare();
    void step(LaneState& state, const LaneView& lane, const FrameView& frame);
    // This frame's strokes of one lane into state.ink, in lane pixels.
    void strokes(LaneState& state, const LaneView& lane, const FrameView& frame) const;
    void bleed(const FrameView& frame, sf::Vector2f full);
    void overlays(sf::RenderTarget& target, const LaneState& state, const LaneView& lane,
                  const FrameView& frame) const;

    TrailBuffer m_trails;
    sf::Shader m_bleed, m_composite;
    sf::Texture m_grain;
    bool m_shadersAllowed = true, m_prepared = false, m_shaderOk = false, m_grainOk = false,
         m_compositeOk = false;
    std::vector<LaneState> m_lanes;
};

} // namespace polar::viewer
