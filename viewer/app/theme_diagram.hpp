// theme_diagram.hpp — `diagram`: the viewer's original look, kept pixel for
// pixel (tests/viewer/approved/scene_depth5.png): the lane filled with the
// scene's palette colour, one outlined square per stack level with a shade
// that deepens with the level, the innermost filled with a pulse after a
// result, rule names on their level. No state, no shader: the picture is a
// function of the scene alone, which makes it the reference for reading
// the search and the fallback that works on any GL.
#pragma once

#include "theme.hpp"

namespace polar::viewer {

class DiagramTheme final : public Theme {
public:
    std::string_view name() const override { return "diagram"; }
    void render(sf::RenderTarget& target, const FrameView& frame) override;

private:
    void drawLane(sf::RenderTarget& target, const LaneView& lane, const FrameView& frame);
};

} // namespace polar::viewer
