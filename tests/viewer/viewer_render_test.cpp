// viewer_render_test — renders scripted scenes off-screen and compares each
// with an approved image, within a tolerance for anti-aliasing. Set
// POLAR_APPROVE=1 to (re)write the approved images after looking at them.
// Two pictures: the nested squares alone (no text, exact on any machine),
// and the same squares under a refused load's banner (text in DejaVu Sans,
// kDefaultFont; skipped with 77 when that font is not installed).
// Needs an X display (SFML 2.5): ctest runs it under xvfb-run.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <SFML/Graphics.hpp>

#include "renderer.hpp"

namespace pv = polar::viewer;

namespace {

pv::Scene scriptedScene() {
    pv::Scene scene;
    auto send = [&](pv::EventKind kind, int depth) {
        pv::SceneEvent e;
        e.kind = kind;
        e.depth = depth;
        e.alternatives = 2;
        scene.apply(e);
    };
    for (int d = 1; d <= 5; ++d) send(pv::EventKind::Depth, d);
    for (int b = 0; b < 3; ++b) send(pv::EventKind::Branch, 5);
    send(pv::EventKind::Result, 5);
    scene.advance(0.25);  // mid-pulse, fully eased (12/s for 0.25 s is within 5%... then settle)
    for (int k = 0; k < 30; ++k) scene.advance(1.0 / 600);
    return scene;
}

// The squares above, then a load refused with a message too long for the
// band (cut with '~'), fully faded in.
pv::Scene bannerScene() {
    pv::Scene scene = scriptedScene();
    pv::SceneEvent e;
    e.kind = pv::EventKind::PolicyError;
    e.file = "examples/live/policy.polar";
    e.line = 12;
    e.column = 9;
    e.text = "ParseError::UnrecognizedToken";
    e.message = "did not expect to find the token 'if' at line 12, column 9; expected one of: "
                "\"(\", \";\", \"and\", \"or\" and the rest of a rule body that this line never writes";
    scene.apply(e);
    for (int k = 0; k < 60; ++k) scene.advance(1.0 / 60);
    return scene;
}

int check(const char* argv0, const std::string& name, const sf::Image& actual);

} // namespace

int main(int, char** argv) {
    sf::RenderTexture texture;
    if (!texture.create(640, 360)) {
        std::fprintf(stderr, "viewer_render_test: no off-screen texture (is there an X display?)\n");
        return 2;
    }
    pv::Renderer renderer;  // no font: the picture holds no text, so it is exact across machines
    renderer.draw(texture, scriptedScene(), pv::HudInfo{}, pv::RenderOptions{false, false});
    texture.display();
    if (int failed = check(argv[0], "scene_depth5.png", texture.getTexture().copyToImage())) return failed;

    pv::Renderer withFont;
    if (!withFont.loadFont(pv::kDefaultFont)) {
        std::fprintf(stderr, "viewer_render_test: no font %s: banner picture skipped\n", pv::kDefaultFont);
        return 77;
    }
    withFont.draw(texture, bannerScene(), pv::HudInfo{}, pv::RenderOptions{false, false});
    texture.display();
    return check(argv[0], "scene_banner.png", texture.getTexture().copyToImage());
}

namespace {

int check(const char* argv0, const std::string& name, const sf::Image& actual) {
    const std::string approved = std::string(POLAR_VIEWER_APPROVED) + "/" + name;
    const char* approve = std::getenv("POLAR_APPROVE");
    if (approve && *approve == '1') {
        actual.saveToFile(approved);
        std::printf("approved: wrote %s\n", approved.c_str());
        return 0;
    }
    sf::Image expected;
    if (!expected.loadFromFile(approved)) {
        std::fprintf(stderr, "viewer_render_test: no approved image %s (run with POLAR_APPROVE=1)\n", approved.c_str());
        return 1;
    }
    if (expected.getSize() != actual.getSize()) {
        std::fprintf(stderr, "viewer_render_test: size differs\n");
        return 1;
    }
    // Tolerance: anti-aliased edges may differ by a few levels between GL
    // drivers; more than 0.5% of pixels off by more than 32 is a real change.
    unsigned long off = 0;
    const auto size = actual.getSize();
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color a = actual.getPixel(x, y), e = expected.getPixel(x, y);
            if (std::abs(a.r - e.r) > 32 || std::abs(a.g - e.g) > 32 || std::abs(a.b - e.b) > 32) ++off;
        }
    const double fraction = static_cast<double>(off) / (size.x * size.y);
    std::printf("%lu of %u pixels differ (%.3f%%)\n", off, size.x * size.y, 100 * fraction);
    if (fraction > 0.005) {
        actual.saveToFile(std::string(argv0) + "-" + name);
        std::fprintf(stderr, "viewer_render_test: differs from %s; actual written beside the binary\n", approved.c_str());
        return 1;
    }
    return 0;
}

} // namespace
