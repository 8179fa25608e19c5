// theme_trails.hpp — the ping-pong pair of off-screen textures behind a
// feedback effect: each frame reads the previous picture and writes the
// next, then the two swap. Sized to the target and recreated (cleared to
// the theme's ground) when the target's size changes. Creating a texture
// can fail (no GL, out of video memory): ok() is then false and the theme
// draws without trails instead of throwing.
#pragma once

#include <SFML/Graphics.hpp>

namespace polar::viewer {

class TrailBuffer {
public:
    // Makes both textures `size` (once per size); false when they cannot be.
    bool ensure(sf::Vector2u size, sf::Color ground);
    bool ok() const { return m_ok; }
    sf::RenderTexture& previous() { return m_textures[m_current]; }
    sf::RenderTexture& next() { return m_textures[1 - m_current]; }
    void swap() { m_current = 1 - m_current; }

private:
    sf::RenderTexture m_textures[2];
    sf::Vector2u m_size{0, 0};
    int m_current = 0;
    bool m_ok = false;
};

// The part of `texture` under `rect` drawn back at the same place, scaled
// by `zoom` and turned by `degrees` about the rect's centre: one lane's
// share of a feedback pass (call inside enterLane, so it is clipped).
// `rect` is in target pixels; `pixelScale` is the texture's size over the
// target's (0.5 for a half-resolution buffer): the sprite still covers the
// lane, one view unit per target pixel.
sf::Sprite laneSprite(const sf::Texture& texture, const sf::FloatRect& rect, float zoom,
                      float degrees, float pixelScale = 1);

} // namespace polar::viewer
