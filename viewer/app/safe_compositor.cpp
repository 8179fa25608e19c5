#include "safe_compositor.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer {
namespace {

// sRGB <-> linear, exactly as WCAG's relative luminance defines it.
#define POLAR_SRGB_GLSL                                                                      \
    "vec3 toLinear(vec3 c) {\n"                                                              \
    "    return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(0.04045, c));\n"    \
    "}\n"                                                                                    \
    "vec3 toSrgb(vec3 l) {\n"                                                                \
    "    return mix(l * 12.92, 1.055 * pow(l, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, l));\n" \
    "}\n"

// Each output pixel is the mean of 4 x 4 samples, `spacing` texels apart,
// centred on its block: pass 1 (spacing 2) takes every other texel of an
// 8 x 8 block — a frame's large areas, which are what flash, are measured
// at a sixteenth of the fetches — pass 2 (spacing 1) averages 4 x 4 of
// those exactly. From colour (fromColor = 1) a sample is (luminance,
// red / 320), with sRGB decoded by a cubic fit (within 0.3% of the exact
// curve; pow() per texel is what llvmpipe spends most on), the same
// function for every frame measured, so comparisons stay exact enough.
// WCAG's saturated red is R / (R + G + B) >= 0.8 and counts (R - G - B).
const char* const kReduceShader =
    "#version 120\n"
    "uniform sampler2D source;\n"
    "uniform vec2 texel;\n"
    "uniform float spacing;\n"
    "uniform float fromColor;\n"
    "vec3 fastLinear(vec3 c) { return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878); }\n"
    "void main() {\n"
    "    vec2 sum = vec2(0.0);\n"
    "    for (int y = 0; y < 4; ++y) {\n"
    "        for (int x = 0; x < 4; ++x) {\n"
    "            vec2 offset = (vec2(float(x), float(y)) - 1.5) * spacing;\n"
    "            vec4 c = texture2D(source, gl_TexCoord[0].xy + offset * texel);\n"
    "            if (fromColor > 0.5) {\n"
    "                vec3 l = fastLinear(c.rgb);\n"
    "                float s = l.r + l.g + l.b;\n"
    "                float red = (s > 0.0 && l.r >= 0.8 * s) ? max(0.0, l.r - l.g - l.b) : 0.0;\n"
    "                sum += vec2(dot(l, vec3(0.2126, 0.7152, 0.0722)), red);\n"
    "            } else {\n"
    "                sum += c.rg;\n"
    "            }\n"
    "        }\n"
    "    }\n"
    "    gl_FragColor = vec4(sum / 16.0, 0.0, 1.0);\n"
    "}\n";

// The last shown frame and the new one mixed in linear light.
const char* const kBlendShader =
    "#version 120\n"
    "uniform sampler2D shown;\n"
    "uniform sampler2D candidate;\n"
    "uniform float weight;\n" POLAR_SRGB_GLSL
    "void main() {\n"
    "    vec3 a = toLinear(texture2D(shown, gl_TexCoord[0].xy).rgb);\n"
    "    vec3 b = toLinear(texture2D(candidate, gl_TexCoord[0].xy).rgb);\n"
    "    gl_FragColor = vec4(toSrgb(mix(a, b, weight)), 1.0);\n"
    "}\n";

std::vector<FlashRule> channelRules() {
    std::vector<FlashRule> rules(SafeCompositor::kChannels, kLuminanceRule);
    std::fill(rules.begin() + SafeCompositor::kTiles + 1, rules.end(), kRedRule);
    return rules;
}

double srgbToLinear(std::uint8_t c) {
    const double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// Tile sums of (luminance, red) → the channel vector: 16 tiles, the whole,
// then the same for red.
void toChannels(const std::vector<double>& lum, const std::vector<double>& red, const std::vector<double>& count,
                std::vector<double>& out) {
    out.assign(SafeCompositor::kChannels, 0.0);
    double lumAll = 0, redAll = 0, all = 0;
    for (std::size_t t = 0; t < SafeCompositor::kTiles; ++t) {
        const double n = std::max(1.0, count[t]);
        out[t] = lum[t] / n;
        out[SafeCompositor::kTiles + 1 + t] = red[t] / n;
        lumAll += lum[t];
        redAll += red[t];
        all += count[t];
    }
    out[SafeCompositor::kTiles] = lumAll / std::max(1.0, all);
    out[SafeCompositor::kChannels - 1] = redAll / std::max(1.0, all);
}

std::size_t tileOf(unsigned x, unsigned y, sf::Vector2u size) {
    const unsigned tx = std::min(3u, x * 4 / std::max(1u, size.x));
    const unsigned ty = std::min(3u, y * 4 / std::max(1u, size.y));
    return ty * 4 + tx;
}

} // namespace

SafeCompositor::SafeCompositor()
    : m_canvas(std::make_unique<sf::RenderTexture>()), m_front(std::make_unique<sf::RenderTexture>()),
      m_back(std::make_unique<sf::RenderTexture>()), m_governor(channelRules()) {
    m_shaders = sf::Shader::isAvailable() && m_reduce.loadFromMemory(kReduceShader, sf::Shader::Fragment) &&
                m_blend.loadFromMemory(kBlendShader, sf::Shader::Fragment);
}

bool SafeCompositor::resize(unsigned width, unsigned height) {
    if (m_size == sf::Vector2u(width, height)) return true;
    m_size = {width, height};
    m_hasFront = false;
    const bool ok = m_canvas->create(width, height) && m_front->create(width, height) &&
                    m_back->create(width, height);
    if (!ok) return false;
    if (m_shaders) {
        // Two passes: 1280 x 720 → 160 x 90 (every other texel of 8 x 8)
        // → 40 x 22 (4 x 4; sizes that are not multiples of 32 lose at
        // most 31 pixels at the edges).
        m_shaders = m_firstPass.create(std::max(1u, width / 8), std::max(1u, height / 8)) &&
                    m_secondPass.create(std::max(1u, width / 32), std::max(1u, height / 32));
    }
    return true;
}

bool SafeCompositor::measure(const sf::Texture& texture, std::vector<double>& out) {
    if (!m_shaders) return measureOnCpu(texture, out);
    const auto pass = [this](const sf::Texture& source, sf::RenderTexture& into, bool fromColor) {
        const sf::Vector2u from = source.getSize(), to = into.getSize();
        const int block = fromColor ? 8 : 4;
        m_reduce.setUniform("source", source);
        m_reduce.setUniform("texel", sf::Glsl::Vec2(1.0f / static_cast<float>(from.x), 1.0f / static_cast<float>(from.y)));
        m_reduce.setUniform("spacing", fromColor ? 2.0f : 1.0f);
        m_reduce.setUniform("fromColor", fromColor ? 1.0f : 0.0f);
        sf::Sprite sprite(source, sf::IntRect(0, 0, static_cast<int>(to.x) * block, static_cast<int>(to.y) * block));
        sprite.setScale(1.0f / static_cast<float>(block), 1.0f / static_cast<float>(block));
        sf::RenderStates states(&m_reduce);
        states.blendMode = sf::BlendNone;
        into.clear(sf::Color::Black);
        into.draw(sprite, states);
        into.display();
    };
    pass(texture, m_firstPass, true);
    pass(m_firstPass.getTexture(), m_secondPass, false);
    const sf::Image image = m_secondPass.getTexture().copyToImage();
    const sf::Vector2u size = image.getSize();
    std::vector<double> lum(kTiles, 0.0), red(kTiles, 0.0), count(kTiles, 0.0);
    for (unsigned y = 0; y < size.y; ++y) {
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            const std::size_t t = tileOf(x, y, size);
            lum[t] += c.r / 255.0;
            red[t] += c.g / 255.0;
            count[t] += 1;
        }
    }
    toChannels(lum, red, count, out);
    return true;
}

// The same measure from a read-back, every second pixel each way.
bool SafeCompositor::measureOnCpu(const sf::Texture& texture, std::vector<double>& out) const {
    const sf::Image image = texture.copyToImage();
    const sf::Vector2u size = image.getSize();
    std::vector<double> lum(kTiles, 0.0), red(kTiles, 0.0), count(kTiles, 0.0);
    for (unsigned y = 0; y < size.y; y += 2) {
        for (unsigned x = 0; x < size.x; x += 2) {
            const sf::Color c = image.getPixel(x, y);
            const double r = srgbToLinear(c.r), g = srgbToLinear(c.g), b = srgbToLinear(c.b);
            const double s = r + g + b;
            const std::size_t t = tileOf(x, y, size);
            lum[t] += 0.2126 * r + 0.7152 * g + 0.0722 * b;
            red[t] += (s > 0 && r >= 0.8 * s) ? std::max(0.0, r - g - b) : 0.0;
            count[t] += 1;
        }
    }
    toChannels(lum, red, count, out);
    return true;
}

void SafeCompositor::blend(double weight) {
    sf::Sprite sprite(m_front->getTexture());
    sf::RenderStates states;
    states.blendMode = sf::BlendNone;
    m_back->clear(sf::Color::Black);
    if (m_shaders) {
        m_blend.setUniform("shown", m_front->getTexture());
        m_blend.setUniform("candidate", m_canvas->getTexture());
        m_blend.setUniform("weight", static_cast<float>(weight));
        states.shader = &m_blend;
        m_back->draw(sprite, states);
    } else {
        m_back->draw(sprite, states);
        sf::Sprite over(m_canvas->getTexture());
        over.setColor(sf::Color(255, 255, 255, static_cast<sf::Uint8>(std::lround(255 * weight))));
        m_back->draw(over);
    }
    m_back->display();
}

void SafeCompositor::present(sf::RenderTarget& target, double now) {
    m_canvas->display();
    if (!m_enabled) {
        target.draw(sf::Sprite(m_canvas->getTexture()));
        m_lastWeight = 1;
        return;
    }
    measure(m_canvas->getTexture(), m_candidate);
    const double weight = m_hasFront ? m_governor.admit(m_shown, m_candidate, now) : 1.0;
    if (weight >= 1.0) {
        // Shown as drawn: the canvas becomes the front, no copy.
        std::swap(m_canvas, m_front);
        m_shown = m_candidate;
    } else {
        blend(weight);
        std::swap(m_back, m_front);
        measure(m_front->getTexture(), m_shown);
        m_governor.countIntervention();
    }
    m_hasFront = true;
    m_lastWeight = weight;
    m_governor.record(m_shown, now);
    target.draw(sf::Sprite(m_front->getTexture()));
}

} // namespace polar::viewer
