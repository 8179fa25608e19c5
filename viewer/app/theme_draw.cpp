// theme_draw.cpp — see theme_draw.hpp.
#include "theme_draw.hpp"

#include <algorithm>
#include <cmath>

#include "polar/viewer/banner.hpp"

namespace polar::viewer {
namespace {

constexpr double kPi = 3.14159265358979323846;

sf::Vector2f corner(sf::Vector2f centre, float half, float cosA, float sinA, float sx, float sy) {
    return {centre.x + (sx * cosA - sy * sinA) * half, centre.y + (sx * sinA + sy * cosA) * half};
}

void addQuad(sf::VertexArray& out, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d,
             sf::Color color) {
    out.append({a, color});
    out.append({b, color});
    out.append({c, color});
    out.append({a, color});
    out.append({c, color});
    out.append({d, color});
}

} // namespace

std::size_t characterBudget(float width, float characterSize) {
    if (!(width > 0) || !(characterSize > 0)) return 0;
    const double fit = std::floor(width / (characterSize * kNarrowestGlyphEm));
    // A screen is at most 8192 px wide (viewer_options' cap): at the
    // smallest size we draw (10 px) that is 3,277 characters.
    return static_cast<std::size_t>(std::clamp(fit, 1.0, 4096.0));
}

std::string cutLabel(std::string_view text, float width, float characterSize) {
    return cutToWidth(text, characterBudget(width, characterSize));
}

sf::Color hsvColor(double hue, double saturation, double value, double alpha) {
    const Color c = hsvToColor(hue, saturation, value);
    return sf::Color(c.r, c.g, c.b, static_cast<sf::Uint8>(std::lround(std::clamp(alpha, 0.0, 1.0) * 255.0)));
}

double hueOf(Color c) {
    const double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
    const double hi = std::max({r, g, b}), lo = std::min({r, g, b});
    const double d = hi - lo;
    if (d <= 1e-9) return 0;
    double h;
    if (hi == r)
        h = std::fmod((g - b) / d, 6.0);
    else if (hi == g)
        h = (b - r) / d + 2;
    else
        h = (r - g) / d + 4;
    h *= 60;
    return h < 0 ? h + 360 : h;
}

double easeToward(double current, double target, double rate, double dt) {
    return target + (current - target) * std::exp(-rate * std::max(0.0, dt));
}

void enterLane(sf::RenderTarget& target, const sf::FloatRect& rect) {
    enterLane(target, rect, sf::Vector2f(target.getSize()));
}

void enterLane(sf::RenderTarget& target, const sf::FloatRect& rect, sf::Vector2f size) {
    sf::View view(sf::FloatRect(0, 0, rect.width, rect.height));
    view.setViewport(sf::FloatRect(rect.left / size.x, rect.top / size.y, rect.width / size.x,
                                   rect.height / size.y));
    target.setView(view);
}

void leaveLane(sf::RenderTarget& target) { target.setView(target.getDefaultView()); }

void addSquareOutline(sf::VertexArray& out, sf::Vector2f centre, float size, float degrees,
                      float thickness, sf::Color color) {
    const float a = static_cast<float>(degrees * kPi / 180.0);
    const float cosA = std::cos(a), sinA = std::sin(a);
    const float outer = size / 2 + thickness / 2, inner = std::max(0.0f, size / 2 - thickness / 2);
    const float t = inner / outer; // the inner corner in the outer square's units
    const sf::Vector2f o[4] = {
        corner(centre, outer, cosA, sinA, -1, -1), corner(centre, outer, cosA, sinA, 1, -1),
        corner(centre, outer, cosA, sinA, 1, 1), corner(centre, outer, cosA, sinA, -1, 1)};
    const sf::Vector2f i[4] = {
        corner(centre, outer, cosA, sinA, -t, -t), corner(centre, outer, cosA, sinA, t, -t),
        corner(centre, outer, cosA, sinA, t, t), corner(centre, outer, cosA, sinA, -t, t)};
    for (int k = 0; k < 4; ++k) addQuad(out, o[k], o[(k + 1) % 4], i[(k + 1) % 4], i[k], color);
}

double coverage(const sf::VertexArray& shapes, double area) {
    if (!(area > 0)) return 0;
    double sum = 0;
    for (std::size_t k = 0; k + 2 < shapes.getVertexCount(); k += 3) {
        const sf::Vertex &a = shapes[k], &b = shapes[k + 1], &c = shapes[k + 2];
        const double twice = (b.position.x - a.position.x) * (c.position.y - a.position.y) -
                             (c.position.x - a.position.x) * (b.position.y - a.position.y);
        sum += std::fabs(twice) / 2 * (a.color.a / 255.0);
    }
    return sum / area;
}

void scaleAlpha(sf::VertexArray& shapes, double gain) {
    if (gain >= 1) return;
    for (std::size_t k = 0; k < shapes.getVertexCount(); ++k)
        shapes[k].color.a =
            static_cast<sf::Uint8>(std::lround(shapes[k].color.a * std::max(0.0, gain)));
}

double Exposure::update(double coverage, double budget, double riseRate, double dt) {
    const double wanted = coverage > budget ? budget / coverage : 1.0;
    m_gain = wanted < m_gain ? wanted : easeToward(m_gain, wanted, riseRate, dt);
    return m_gain;
}

void addSquareFill(sf::VertexArray& out, sf::Vector2f centre, float size, float degrees,
                   sf::Color color) {
    const float a = static_cast<float>(degrees * kPi / 180.0);
    const float cosA = std::cos(a), sinA = std::sin(a), half = size / 2;
    addQuad(out, corner(centre, half, cosA, sinA, -1, -1), corner(centre, half, cosA, sinA, 1, -1),
            corner(centre, half, cosA, sinA, 1, 1), corner(centre, half, cosA, sinA, -1, 1), color);
}

} // namespace polar::viewer
