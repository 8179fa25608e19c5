// theme_trails.cpp — see theme_trails.hpp.
#include "theme_trails.hpp"

#include <cmath>

namespace polar::viewer {

bool TrailBuffer::ensure(sf::Vector2u size, sf::Color ground) {
    if (size == m_size) return m_ok;
    m_size = size;
    m_ok = size.x > 0 && size.y > 0 && m_textures[0].create(size.x, size.y) && m_textures[1].create(size.x, size.y);
    if (!m_ok) return false;
    for (auto& t : m_textures) {
        // Bilinear: the zoomed and turned copies of the feedback stay smooth.
        t.setSmooth(true);
        t.clear(ground);
        t.display();
    }
    return true;
}

sf::Sprite laneSprite(const sf::Texture& texture, const sf::FloatRect& rect, float zoom, float degrees) {
    sf::Sprite sprite(texture, sf::IntRect(static_cast<int>(std::lround(rect.left)), static_cast<int>(std::lround(rect.top)),
                                           static_cast<int>(std::lround(rect.width)),
                                           static_cast<int>(std::lround(rect.height))));
    sprite.setOrigin(rect.width / 2, rect.height / 2);
    sprite.setPosition(rect.width / 2, rect.height / 2);
    sprite.setScale(zoom, zoom);
    sprite.setRotation(degrees);
    return sprite;
}

} // namespace polar::viewer
