// theme_trails.cpp — see theme_trails.hpp.
#include "theme_trails.hpp"

#include <cmath>

namespace polar::viewer {

bool TrailBuffer::ensure(sf::Vector2u size, sf::Color ground) {
    if (size == m_size) return m_ok;
    m_size = size;
    m_ok = size.x > 0 && size.y > 0 && m_textures[0].create(size.x, size.y) &&
           m_textures[1].create(size.x, size.y);
    if (!m_ok) return false;
    for (auto& t : m_textures) {
        // Bilinear: the zoomed and turned copies of the feedback stay smooth.
        t.setSmooth(true);
        t.clear(ground);
        t.display();
    }
    return true;
}

sf::Sprite laneSprite(const sf::Texture& texture, const sf::FloatRect& rect, float zoom,
                      float degrees, float pixelScale) {
    auto px = [pixelScale](float v) { return static_cast<int>(std::lround(v * pixelScale)); };
    const sf::IntRect source(px(rect.left), px(rect.top), px(rect.width), px(rect.height));
    sf::Sprite sprite(texture, source);
    sprite.setOrigin(static_cast<float>(source.width) / 2, static_cast<float>(source.height) / 2);
    sprite.setPosition(rect.width / 2, rect.height / 2);
    sprite.setScale(zoom * rect.width / static_cast<float>(source.width),
                    zoom * rect.height / static_cast<float>(source.height));
    sprite.setRotation(degrees);
    return sprite;
}

} // namespace polar::viewer
