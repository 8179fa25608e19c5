// shaders.hpp — the themes' fragment shaders, as source text compiled at
// run time with sf::Shader::loadFromMemory (no files to install or find).
//
// GLSL 1.20 (`#version 120`): the oldest version with everything used here
// and the one Mesa's llvmpipe compiles under Xvfb, so headless runs and the
// tests use the same shaders as a projector's GPU. Only fragment shaders:
// SFML's fixed-function vertex stage hands over gl_TexCoord[0] already
// normalised (and flipped for render textures), so every shader samples
// `source` at gl_TexCoord[0].xy. A theme that cannot compile one of these
// falls back to a simpler look; nothing here may be required.
#pragma once

namespace polar::viewer::shaders {

// Trails (neon): the previous frame, slightly softened (a 5-tap cross:
// trails blur as they recede, instead of ringing into hard copies), its
// colours turned about the grey axis (trails drift through the hue circle
// as they fall back into the tunnel), then decayed. `cut` subtracts a
// little so trails reach true black: with a multiply alone, 8-bit values
// stall at a few levels above zero and the black turns grey.
inline constexpr const char* kFeedback = R"(#version 120
uniform sampler2D source;
uniform vec2 texel;
uniform float decay;
uniform float cut;
uniform float hueTurn;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    vec3 c = texture2D(source, uv).rgb * 0.6
           + (texture2D(source, uv + vec2(texel.x, 0.0)).rgb + texture2D(source, uv - vec2(texel.x, 0.0)).rgb
            + texture2D(source, uv + vec2(0.0, texel.y)).rgb + texture2D(source, uv - vec2(0.0, texel.y)).rgb) * 0.1;
    vec3 k = vec3(0.57735027);
    float cs = cos(hueTurn), sn = sin(hueTurn);
    c = c * cs + cross(k, c) * sn + k * dot(k, c) * (1.0 - cs);
    gl_FragColor = vec4(max(c * decay - vec3(cut), 0.0), 1.0);
}
)";

// Bloom's bright pass (neon), drawn at a quarter of the resolution: four
// bilinear taps one source texel apart average a 4 x 4 block (no
// shimmering from skipped pixels), then only what is brighter than
// `threshold` passes, smoothly, so the glow comes from the lines' cores.
inline constexpr const char* kBrightPass = R"(#version 120
uniform sampler2D source;
uniform vec2 texel;
uniform float threshold;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    vec3 c = (texture2D(source, uv + vec2(-texel.x, -texel.y)).rgb + texture2D(source, uv + vec2(texel.x, -texel.y)).rgb
            + texture2D(source, uv + vec2(-texel.x, texel.y)).rgb + texture2D(source, uv + vec2(texel.x, texel.y)).rgb) * 0.25;
    float peak = max(c.r, max(c.g, c.b));
    gl_FragColor = vec4(c * smoothstep(threshold, 1.0, peak), 1.0);
}
)";

// A separable Gaussian (neon's bloom): 9 taps folded into 5 bilinear
// fetches (the weights and offsets of the classic linear-sampling
// decomposition of the binomial kernel). `step` is one texel along x or y.
inline constexpr const char* kBlur = R"(#version 120
uniform sampler2D source;
uniform vec2 step;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    vec3 c = texture2D(source, uv).rgb * 0.2270270270;
    c += (texture2D(source, uv + step * 1.3846153846).rgb + texture2D(source, uv - step * 1.3846153846).rgb) * 0.3162162162;
    c += (texture2D(source, uv + step * 3.2307692308).rgb + texture2D(source, uv - step * 3.2307692308).rgb) * 0.0702702703;
    gl_FragColor = vec4(c, 1.0);
}
)";

// The final picture (neon), one full-resolution pass per lane: the lane's
// ground colour, the trails and the bloom (a quarter-size texture covering
// the same target, so the same coordinates) added together. One pass
// instead of three draws (ground, trails, glow) saves two full-screen
// fills, which are what a software rasteriser pays for.
inline constexpr const char* kComposite = R"(#version 120
uniform sampler2D source;
uniform sampler2D glow;
uniform vec3 ground;
uniform float strength;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    gl_FragColor = vec4(ground + texture2D(source, uv).rgb + texture2D(glow, uv).rgb * strength, 1.0);
}
)";

// Ink bleeding into paper (ink): the previous frame softened by a wide
// cross (ink spreads into the fibres, faster than the neon trails blur)
// and drawn back toward the paper colour, never past it: old strokes
// fade to paper, the paper itself never changes brightness.
inline constexpr const char* kBleed = R"(#version 120
uniform sampler2D source;
uniform vec2 texel;
uniform vec3 paper;
uniform float keep;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    vec2 d = texel;
    vec3 c = texture2D(source, uv).rgb * 0.68
           + (texture2D(source, uv + vec2(d.x, 0.0)).rgb + texture2D(source, uv - vec2(d.x, 0.0)).rgb
            + texture2D(source, uv + vec2(0.0, d.y)).rgb + texture2D(source, uv - vec2(0.0, d.y)).rgb) * 0.08;
    gl_FragColor = vec4(mix(paper, c, keep), 1.0);
}
)";

// The page (ink), one full-resolution pass per lane: the wake (a
// half-resolution texture, smoothly scaled up) times the paper grain, a
// repeated 128 px tile (`repeat` = the target's size over the tile's).
// One pass instead of two full-screen draws (the wake, then the grain).
inline constexpr const char* kInkComposite = R"(#version 120
uniform sampler2D source;
uniform sampler2D grain;
uniform vec2 repeat;
void main() {
    vec2 uv = gl_TexCoord[0].xy;
    gl_FragColor = vec4(texture2D(source, uv).rgb * texture2D(grain, uv * repeat).r, 1.0);
}
)";

} // namespace polar::viewer::shaders
