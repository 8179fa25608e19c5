// scripted_scenes.hpp — the scenes the viewer's drawing tests and bench
// share: deterministic event scripts, so every picture and every figure
// can be made again exactly.
#pragma once

#include <cstdint>
#include <string>

#include "polar/viewer/scene.hpp"

namespace polar::viewer::testing {

inline void send(Scene& scene, EventKind kind, int depth, std::string text = {}) {
    SceneEvent e;
    e.kind = kind;
    e.depth = depth;
    e.alternatives = 2;
    e.text = std::move(text);
    scene.apply(e);
}

// Five levels, three branches, a result mid-pulse, fully eased.
inline Scene scriptedScene() {
    Scene scene;
    for (int d = 1; d <= 5; ++d) send(scene, EventKind::Depth, d);
    for (int b = 0; b < 3; ++b) send(scene, EventKind::Branch, 5);
    send(scene, EventKind::Result, 5);
    scene.advance(0.25); // mid-pulse
    for (int k = 0; k < 30; ++k) scene.advance(1.0 / 600);
    return scene;
}

// The squares above, then a load refused with a message too long for the
// band (cut with '~'), fully faded in.
inline Scene bannerScene() {
    Scene scene = scriptedScene();
    SceneEvent e;
    e.kind = EventKind::PolicyError;
    e.file = "examples/live/policy.polar";
    e.line = 12;
    e.column = 9;
    e.text = "ParseError::UnrecognizedToken";
    e.message =
        "did not expect to find the token 'if' at line 12, column 9; expected one of: "
        "\"(\", \";\", \"and\", \"or\" and the rest of a rule body that this line never writes";
    scene.apply(e);
    for (int k = 0; k < 60; ++k) scene.advance(1.0 / 60);
    return scene;
}

// The worst a sender can do, frame by frame (60 per second): `frame`
// selects a phase. 0–119 a flood (per frame: `burst` events — depth
// jumping around 0..30, branches, a backtrack and a result), 120–179
// errors every 20 frames within a flood, 180–239 silence, 240–359 a
// result every half second at depth 1 (the biggest innermost square).
class StressScript {
public:
    explicit StressScript(int burst = 12) : m_burst(burst) {}
    static constexpr int kFrames = 360;
    void play(Scene& scene, int frame) {
        if (frame < 180) {
            for (int k = 0; k < m_burst; ++k) {
                m_seed = m_seed * 1664525u + 1013904223u;
                const int depth = static_cast<int>((m_seed >> 16) % 31);
                send(scene, EventKind::Rule, depth, "rule_" + std::to_string(depth));
                send(scene, EventKind::Depth, depth);
                send(scene, EventKind::Branch, depth);
                send(scene, EventKind::Backtrack, depth);
                send(scene, EventKind::Result, depth);
            }
            if (frame >= 120 && frame % 20 == 0)
                send(scene, EventKind::Error, 0, "RuntimeError::StackOverflow");
        } else if (frame >= 240) {
            if (frame == 240) send(scene, EventKind::Depth, 1);
            if (frame % 30 == 0) send(scene, EventKind::Result, 1);
        }
        scene.advance(1.0 / 60);
    }

private:
    int m_burst;
    std::uint32_t m_seed = 12345;
};

} // namespace polar::viewer::testing
