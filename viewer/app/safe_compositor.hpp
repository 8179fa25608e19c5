// safe_compositor.hpp — what a theme draws reaches the screen only through
// here, so no theme and no event stream can strobe (issue 14, WCAG 2.3.1).
//
// Each frame the theme draws onto canvas(). present() measures it on the
// GPU — the mean relative luminance and the mean saturated-red value of 16
// tiles and of the whole frame, reduced by a shader in two passes (every
// other texel of 8 × 8 blocks, then 4 × 4) and read back as a 40 × 22
// image at 720p — and asks the FlashGovernor (scene
// layer, plain C++) how much of it may be shown: all of it, normally; when a
// channel has spent its budget of transitions for the last second, a blend
// of the last shown frame and the new one that completes no transition. The
// blend is done in linear light, where a region's mean luminance is exactly
// linear in the weight, so the governor's prediction holds; the blended
// frame is measured again and that is what the governor records.
//
// Without shaders (sf::Shader::isAvailable() false) it measures on the CPU
// from a read-back of the canvas and blends in sRGB: slower and a little
// less exact, never off. --unsafe-flashes turns it off entirely.
#pragma once

#include <memory>
#include <vector>

#include <SFML/Graphics.hpp>

#include "polar/viewer/flash_governor.hpp"

namespace polar::viewer {

class SafeCompositor {
public:
    SafeCompositor();
    // (Re)creates the textures for this size; false when the GPU cannot.
    bool resize(unsigned width, unsigned height);
    // What the theme draws on this frame.
    sf::RenderTexture& canvas() { return *m_canvas; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }
    // Shows the canvas on `target`, within the flash budget; `now` is scene time in seconds.
    void present(sf::RenderTarget& target, double now);

    // The last frame's weight (1: shown as drawn) and how many frames were held back.
    double lastWeight() const { return m_lastWeight; }
    unsigned long long interventions() const { return m_governor.interventions(); }
    // Mean relative luminance of the last frame shown (0..1).
    double shownLuminance() const { return m_shown.empty() ? 0.0 : m_shown[kTiles]; }

    // 4 × 4 tiles plus the whole frame, for luminance then red.
    static constexpr std::size_t kTiles = 16;
    static constexpr std::size_t kChannels = 2 * (kTiles + 1);

private:
    bool measure(const sf::Texture& texture, std::vector<double>& out);
    bool measureOnCpu(const sf::Texture& texture, std::vector<double>& out) const;
    void blend(double weight);

    std::unique_ptr<sf::RenderTexture> m_canvas, m_front, m_back;  // front: what is on screen
    sf::RenderTexture m_firstPass, m_secondPass;  // the two reduction passes (1/8, then 1/32 of the side)
    sf::Shader m_reduce, m_blend;
    bool m_shaders = false;
    bool m_enabled = true;
    bool m_hasFront = false;
    sf::Vector2u m_size{0, 0};
    FlashGovernor m_governor;
    std::vector<double> m_shown, m_candidate;
    double m_lastWeight = 1;
};

} // namespace polar::viewer
