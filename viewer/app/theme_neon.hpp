// theme_neon.hpp — `neon`: the look made for a projector in a dark room.
//
// Design. Glowing outlines on near-black, each level its own hue within
// the lane's family (±40°, drifting slowly), drawn additively into a trail
// buffer that feeds back into itself every frame: the previous frame comes
// back a little larger, a little turned, hue-rotated and decayed, so every
// square leaves a tunnel behind it (shaders.hpp kFeedback). A bloom at a
// quarter of the resolution (bright pass, two separable blurs) is added on
// top. The nest sits in the centre; on a wide lane four mirrored echoes,
// turning the other way, fill the sides, and the tunnel carries everything
// to the edges, so a 16:9 frame is used to its corners. Motion breathes:
// the nest turns faster and pulses more with activity() and deeper levels
// turn a little faster than their parents; idle (even at depth 0) three
// ghost squares keep drifting and breathing, so the screen never freezes.
//
// Safety (theme.hpp): the outlines share a light budget (kLightBudget,
// Exposure): a flood that stacks thirty levels dims each line instead of
// lighting the screen, and the budget rises back slowly. The background is the scene's colour at
// 16% value, eased at kBackgroundRate; a backtrack brightens only the innermost three outlines; a
// result's glow is drawn after the trails (it never feeds back, so it cannot accumulate); an error
// tints the lane red over ~1/kErrorRate seconds. Without shaders the trails still decay (sprite
// colour) and there is no bloom; without render textures, no trails.
#pragma once

#include <vector>

#include "theme.hpp"
#include "theme_draw.hpp"
#include "theme_trails.hpp"

namespace polar::viewer {

class NeonTheme final : public Theme {
public:
    // shaders = false draws the fallback look on purpose (as without
    // shader support): what the tests use to check that it works.
    explicit NeonTheme(bool shaders = true) : m_shadersAllowed(shaders) {}
    std::string_view name() const override { return "neon"; }
    void render(sf::RenderTarget& target, const FrameView& frame) override;

private:
    struct LaneState {
        double red = 0, green = 0, blue = 0; // the eased background
        double phase = 0;                    // the nest's turn, degrees
        double error = 0;                    // the eased error tint, 0..1
        bool started = false;
        Exposure exposure;                    // the outlines' light budget
        sf::VertexArray lines{sf::Triangles}; // this frame's outlines, exposed
    };
    void loadShaders();
    bool ensureBloom(sf::Vector2u size);
    void step(LaneState& state, const LaneView& lane, const FrameView& frame);
    // This frame's outlines for one lane, in lane pixels.
    // `beat` is FrameView::pulse: the nest swells a little on each beat.
    sf::VertexArray geometry(const LaneState& state, const LaneView& lane, double time, double beat) const;
    void feedback(const FrameView& frame, sf::Vector2f full);
    void bloom();
    void composite(sf::RenderTarget& target, const FrameView& frame);
    void overlays(sf::RenderTarget& target, const LaneState& state, const LaneView& lane,
                  const FrameView& frame);

    TrailBuffer m_trails;
    sf::RenderTexture m_bloom[2];
    sf::Vector2u m_bloomSize{0, 0};
    bool m_bloomOk = false;
    sf::Shader m_feedback, m_bright, m_blur, m_composite;
    bool m_shadersAllowed = true, m_shadersTried = false, m_shadersOk = false;
    std::vector<LaneState> m_lanes;
};

} // namespace polar::viewer
