// viewer_render_test — renders scripted scenes off-screen and compares each
// with an approved image, within a tolerance for anti-aliasing. Set
// POLAR_APPROVE=1 to (re)write the approved images after looking at them.
// Pictures: the nested squares alone (no text, exact on any machine) in the
// one-scene draw (the `diagram` theme); the same scene after 90 frames of
// `neon` and of `ink`, and `neon` idle at depth 0 after 150 frames (its
// idle must not be empty), two lanes side by side in `neon` and in `ink`
// (lanes_*.png); then, with text in DejaVu Sans (kDefaultFont;
// skipped with 77 when that font is not installed), the squares under a
// refused load's banner, and two lanes side by side (the banner and the
// labels inside the right lane only, that lane at 60 % opacity).
// Needs an X display (SFML 2.5): ctest runs it under xvfb-run.
#include <SFML/Graphics.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "renderer.hpp"
#include "scripted_scenes.hpp"
#include "theme.hpp"

namespace pv = polar::viewer;

namespace {

using pv::testing::bannerScene;
using pv::testing::scriptedScene;

// A theme's picture after `frames` fixed steps of 1/60 s: themes with
// trails need a few dozen frames before their picture settles.
sf::Image themed(sf::RenderTexture& texture, const std::string& name, const pv::Scene& scene,
                 int frames, const sf::Font* font = nullptr) {
    auto theme = pv::makeTheme(name);
    pv::Renderer renderer;
    pv::FrameView frame;
    const sf::Vector2f size(texture.getSize());
    frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, size.x, size.y), 1.0f, 210});
    frame.labels = font != nullptr;
    frame.font = font;
    for (int k = 0; k < frames; ++k) {
        frame.time = k / 60.0;
        renderer.draw(texture, *theme, frame, pv::HudInfo{}, pv::RenderOptions{false, false});
    }
    texture.display();
    return texture.getTexture().copyToImage();
}

// Two sources side by side, each its own half, hue and opacity: trails,
// echoes and glow must stay inside their lane (left: hue 210, opaque;
// right: idle, hue 30, at 60 %).
sf::Image twoLanes(sf::RenderTexture& texture, const std::string& name, const pv::Scene& scene,
                   int frames) {
    auto theme = pv::makeTheme(name);
    pv::Renderer renderer;
    const pv::Scene idle;
    pv::FrameView frame;
    frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, 320, 360), 1.0f, 210});
    frame.lanes.push_back(pv::LaneView{&idle, sf::FloatRect(320, 0, 320, 360), 0.6f, 30});
    frame.labels = false;
    for (int k = 0; k < frames; ++k) {
        frame.time = k / 60.0;
        renderer.draw(texture, *theme, frame, pv::HudInfo{}, pv::RenderOptions{false, false});
    }
    texture.display();
    return texture.getTexture().copyToImage();
}

int check(const char* argv0, const std::string& name, const sf::Image& actual);

} // namespace

int main(int, char** argv) {
    sf::RenderTexture texture;
    if (!texture.create(640, 360)) {
        std::fprintf(stderr,
                     "viewer_render_test: no off-screen texture (is there an X display?)\n");
        return 2;
    }
    pv::Renderer renderer; // no font: the picture holds no text, so it is exact across machines
    renderer.draw(texture, scriptedScene(), pv::HudInfo{}, pv::RenderOptions{false, false});
    texture.display();
    int failed = check(argv[0], "scene_depth5.png", texture.getTexture().copyToImage());
    const pv::Scene scene = scriptedScene();
    failed |= check(argv[0], "theme_neon.png", themed(texture, "neon", scene, 90));
    failed |= check(argv[0], "theme_ink.png", themed(texture, "ink", scene, 90));
    failed |= check(argv[0], "theme_neon_idle.png", themed(texture, "neon", pv::Scene{}, 150));
    failed |= check(argv[0], "lanes_neon.png", twoLanes(texture, "neon", scene, 90));
    failed |= check(argv[0], "lanes_ink.png", twoLanes(texture, "ink", scene, 90));
    if (failed) return 1;

    pv::Renderer withFont;
    if (!withFont.loadFont(pv::kDefaultFont)) {
        std::fprintf(stderr, "viewer_render_test: no font %s: banner picture skipped\n",
                     pv::kDefaultFont);
        return 77;
    }
    withFont.draw(texture, bannerScene(), pv::HudInfo{}, pv::RenderOptions{false, false});
    texture.display();
    failed |= check(argv[0], "scene_banner.png", texture.getTexture().copyToImage());

    pv::Scene labelled = bannerScene();
    for (int d = 0; d < 3; ++d)
        pv::testing::send(labelled, pv::EventKind::Rule, d, "rule_at_level_" + std::to_string(d));
    auto diagram = pv::makeTheme("diagram");
    pv::FrameView frame;
    frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, 320, 360), 1.0f, 210});
    frame.lanes.push_back(pv::LaneView{&labelled, sf::FloatRect(320, 0, 320, 360), 0.6f, 30});
    frame.font = withFont.font();
    withFont.draw(texture, *diagram, frame, pv::HudInfo{}, pv::RenderOptions{true, false});
    texture.display();
    failed |= check(argv[0], "lanes_diagram.png", texture.getTexture().copyToImage());
    return failed;
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
        actual.saveToFile(std::string(argv0) + "-" + name); // to look at before approving
        std::fprintf(stderr,
                     "viewer_render_test: no approved image %s (run with POLAR_APPROVE=1)\n",
                     approved.c_str());
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
            if (std::abs(a.r - e.r) > 32 || std::abs(a.g - e.g) > 32 || std::abs(a.b - e.b) > 32)
                ++off;
        }
    const double fraction = static_cast<double>(off) / (size.x * size.y);
    std::printf("%lu of %u pixels differ (%.3f%%)\n", off, size.x * size.y, 100 * fraction);
    if (fraction > 0.005) {
        actual.saveToFile(std::string(argv0) + "-" + name);
        std::fprintf(stderr,
                     "viewer_render_test: differs from %s; actual written beside the binary\n",
                     approved.c_str());
        return 1;
    }
    return 0;
}

} // namespace
