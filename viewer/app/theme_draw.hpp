// theme_draw.hpp — the small drawing vocabulary the themes share: colours
// by hue, a lane's clipped view, thick square outlines as triangles (one
// draw call for a whole nest), exponential easing, and text cut to the
// screen *before* SFML sees it.
//
// Why text is cut first: an sf::Text lays out every glyph of its string, so
// a 60 KB rule name (issue 14 measured 59 → 2 fps with 13 of them) costs
// 3,000 times a 20-character one even when almost all of it is off screen.
// characterBudget() bounds how many characters could possibly fit a width
// at a size, from the narrowest glyph of the fonts we draw with; cutLabel()
// keeps at most that many (with the `~` marker, cutToWidth), so the cost of
// a label is bounded by the screen, not by the sender.
#pragma once

#include <SFML/Graphics.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "polar/viewer/palette.hpp"

namespace polar::viewer {

// Narrowest advance of a printable glyph, as a fraction of the character
// size: DejaVu Sans's 'i', 'l', 'j' are 0.278 em, '.' and space 0.318 em;
// 0.25 leaves a margin for other fonts (--font), so the budget never cuts
// a label that would have fit.
inline constexpr float kNarrowestGlyphEm = 0.25f;

// How many characters can possibly be seen in `width` pixels at
// `characterSize` (0 when nothing fits; at least 1 otherwise).
std::size_t characterBudget(float width, float characterSize);
// `text` cut to that budget with the `~` marker (cutToWidth).
std::string cutLabel(std::string_view text, float width, float characterSize);

sf::Color hsvColor(double hue, double saturation, double value, double alpha = 1.0);
// The hue of a colour in degrees (0 for greys): themes read the palette
// walk's hue from Scene::background() and draw it their own way.
double hueOf(Color c);

// `current` moved toward `target` by exponential easing at `rate` per second.
double easeToward(double current, double target, double rate, double dt);

// Sets a view whose origin is the lane's top-left corner, one unit per
// pixel, clipped to the lane (the viewport): a lane draws as if it were
// the whole target. leaveLane() restores the target's default view.
void enterLane(sf::RenderTarget& target, const sf::FloatRect& rect);
// The same lane on a texture standing for a target of `full` pixels at a
// lower resolution (trail buffers): the same view units, a smaller viewport.
void enterLane(sf::RenderTarget& target, const sf::FloatRect& rect, sf::Vector2f full);
void leaveLane(sf::RenderTarget& target);

// A square's outline as triangles (4 trapezoids meeting in mitred
// corners, no overlap: additive themes get no bright corner dots),
// appended to `out` (a sf::Triangles array).
void addSquareOutline(sf::VertexArray& out, sf::Vector2f centre, float size, float degrees,
                      float thickness, sf::Color color);
// How much of `area` (pixels²) the triangles in `shapes` cover, weighted
// by their alpha: 0.1 means a tenth of the lane at full strength. Themes
// budget it (Exposure) so a deep or flooded stack cannot light (or ink)
// the whole frame at once.
double coverage(const sf::VertexArray& shapes, double area);
void scaleAlpha(sf::VertexArray& shapes, double gain);

// The exposure of a lane: the gain applied to its strokes so their
// coverage stays within a budget. It drops at once when the coverage
// would exceed the budget (old strokes dim as new ones come: the total
// stays put) and recovers slowly, at `riseRate` per second, so a stack
// that empties does not make the rest jump brighter.
class Exposure {
public:
    double update(double coverage, double budget, double riseRate, double dt);
    double gain() const { return m_gain; }

private:
    double m_gain = 1;
};

// A filled square as two triangles.
void addSquareFill(sf::VertexArray& out, sf::Vector2f centre, float size, float degrees,
                   sf::Color color);

} // namespace polar::viewer
