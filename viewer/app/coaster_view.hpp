// coaster_view.hpp — the Polarcoaster drawn: `polar-viewer --mode coaster`
// (or the V key, or /viewer/mode coaster).
//
// It draws each lane's Ride (viewer/scene/ride.hpp) the way a Theme draws
// squares, so the Show, the Renderer's banners, the flash governor and the
// HUD work unchanged. Back to front: a night sky in the lane's hue (the
// branch colour of the squares, darkened: the two modes belong together),
// faint depth guides with their numbers, the tree's edges, the track's
// supports and its two rails through the nodes in the order the search
// made them, the nodes (a call a diamond, a rule a circle, coloured by
// outcome: open white, succeeded green, failed red, errored orange;
// folded history a grey bar), result stations (a platform with the
// result's number and bindings), derails (a red cross, the error's name),
// the cart, then the tooltip of the hovered or pinned node.
//
// Read at a glance on a projector: few colours, each meaning one thing;
// labels only where they have room; sizes in proportion to the lane, never
// below what a back row reads. Nothing blinks: outcomes change a node's
// colour once, the cart and the camera glide.
#pragma once

#include <SFML/Graphics.hpp>

#include "theme.hpp"

namespace polar::viewer {

class CoasterView : public Theme {
public:
    std::string_view name() const override { return "coaster"; }
    void render(sf::RenderTarget& target, const FrameView& frame) override;

private:
    void drawLane(sf::RenderTarget& target, const LaneView& lane, const FrameView& frame);
};

// The outcome colours: the nodes and the legend say the same.
sf::Color outcomeColor(Outcome outcome, bool open);

} // namespace polar::viewer
