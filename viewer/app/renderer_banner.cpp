// renderer_banner.cpp — the live-coding banner and toast (banner.hpp).
//
// Design. Read from the back of a room on a projector: a near-black band
// over the bottom fifth of the view (the squares above stay visible, and
// the band's edge lets the upper squares show through its top), a warm red
// stripe at its left so it reads as "refused" even out of focus, the place
// `file:line:col` and the error's name in bold amber, the message in white
// below. Text is about 1/18 and 1/22 of the view's height — 40 and 33 px
// at 720p — and each line is cut to the band's width with the `~` marker
// (cutToWidth), measured with the font itself. Contrast: white on
// (12, 12, 16) is about 19:1, amber about 13:1, far above WCAG's 4.5:1.
// The band's opacity follows LoadBanner::opacity(): one slow rise, no
// flashing. Without a font the band and stripe are still drawn.
#include <algorithm>

#include "renderer.hpp"
#include "theme_draw.hpp"

namespace polar::viewer {
namespace {

const sf::Color kBand(12, 12, 16);
const sf::Color kStripe(235, 72, 56);
const sf::Color kPlace(255, 200, 80);
const sf::Color kMessage(255, 255, 255);
const sf::Color kToast(140, 235, 150);

sf::Color faded(sf::Color c, double opacity, double alpha = 255) {
    c.a = static_cast<sf::Uint8>(std::clamp(alpha * opacity, 0.0, 255.0));
    return c;
}

} // namespace

sf::Text Renderer::fitted(const std::string& full, unsigned size, sf::Uint32 style, float width) const {
    // What could fit at all, before SFML lays out a single glyph.
    const std::string text = cutLabel(full, width, static_cast<float>(size));
    sf::Text out(sf::String::fromUtf8(text.begin(), text.end()), m_font, size);
    out.setStyle(style);
    if (out.getLocalBounds().width <= width) return out;
    // Widths grow with the characters kept: binary search the most that fit.
    std::size_t low = 0, high = countCharacters(text);
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        const std::string cut = cutToWidth(text, mid);
        out.setString(sf::String::fromUtf8(cut.begin(), cut.end()));
        if (out.getLocalBounds().width <= width) low = mid; else high = mid - 1;
    }
    const std::string cut = cutToWidth(text, low);
    out.setString(sf::String::fromUtf8(cut.begin(), cut.end()));
    return out;
}

float Renderer::drawLoadBanner(sf::RenderTarget& target, const LoadBanner& banner) {
    const sf::Vector2f view(target.getView().getSize());
    if (!banner.showing()) return view.y;
    const double opacity = banner.opacity();
    const float height = view.y * 0.22f;
    const float top = view.y - height;
    sf::RectangleShape band(sf::Vector2f(view.x, height));
    band.setPosition(0, top);
    band.setFillColor(faded(kBand, opacity, 235));
    target.draw(band);
    const float stripeWidth = std::max(4.0f, view.x * 0.012f);
    sf::RectangleShape stripe(sf::Vector2f(stripeWidth, height));
    stripe.setPosition(0, top);
    stripe.setFillColor(faded(kStripe, opacity));
    target.draw(stripe);
    if (!m_hasFont) return top;

    const float margin = std::max(8.0f, view.y / 40);
    const float left = stripeWidth + margin;
    const float width = view.x - left - margin;
    const auto placeSize = static_cast<unsigned>(std::max(12.0f, view.y / 18));
    const auto messageSize = static_cast<unsigned>(std::max(11.0f, view.y / 22));
    const std::string place = banner.location() + "   " + banner.name();
    sf::Text first = fitted(place, placeSize, sf::Text::Bold, width);
    first.setFillColor(faded(kPlace, opacity));
    first.setPosition(left, top + margin * 0.6f);
    target.draw(first);
    sf::Text second = fitted(banner.message(), messageSize, sf::Text::Regular, width);
    second.setFillColor(faded(kMessage, opacity));
    second.setPosition(left, top + margin * 0.6f + placeSize * 1.35f);
    target.draw(second);
    return top;
}

// Bottom left, small, green: the good news needs less room than the bad.
void Renderer::drawToast(sf::RenderTarget& target, const LoadBanner& banner) {
    if (!banner.toastShowing() || !m_hasFont) return;
    const double opacity = banner.toastOpacity();
    if (opacity <= 0) return;
    const sf::Vector2f view(target.getView().getSize());
    const auto size = static_cast<unsigned>(std::max(12.0f, view.y / 24));
    sf::Text text = fitted(banner.toastText(), size, sf::Text::Regular, view.x - size * 2.0f);
    const sf::FloatRect bounds = text.getLocalBounds();
    const float pad = size * 0.5f;
    sf::RectangleShape box(sf::Vector2f(bounds.width + 2 * pad, size * 1.5f + pad));
    box.setPosition(pad, view.y - box.getSize().y - pad);
    box.setFillColor(faded(kBand, opacity, 220));
    target.draw(box);
    text.setFillColor(faded(kToast, opacity));
    text.setPosition(2 * pad, box.getPosition().y + pad * 0.5f);
    target.draw(text);
}

} // namespace polar::viewer
