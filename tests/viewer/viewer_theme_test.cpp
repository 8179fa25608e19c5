// viewer_theme_test — the theme catalogue and the text budget, in Catch2.
// Every listed name makes a theme of that name, an unknown one nothing;
// labels are cut to what a width can show before SFML sees them, so a
// 60 KB rule name becomes a screen's worth. Runs under xvfb-run: SFML 2.5
// opens a GL context for any shader object, even one never compiled.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <string>

#include "polar/viewer/banner.hpp"
#include "theme.hpp"
#include "theme_draw.hpp"
#include "theme_ink.hpp"
#include "theme_neon.hpp"

namespace pv = polar::viewer;

TEST_CASE("every listed theme can be made, by its own name", "[viewer][themes]") {
    std::set<std::string> seen;
    REQUIRE(pv::themeList().size() >= 3);
    for (const pv::ThemeInfo& info : pv::themeList()) {
        INFO(info.name);
        CHECK(!info.description.empty());
        CHECK(seen.insert(std::string(info.name)).second); // no name twice
        const auto theme = pv::makeTheme(info.name);
        REQUIRE(theme != nullptr);
        CHECK(theme->name() == info.name);
    }
    CHECK(seen.count("diagram") == 1);
    CHECK(seen.count("neon") == 1);
    CHECK(seen.count("ink") == 1);
}

TEST_CASE("an unknown theme name makes nothing", "[viewer][themes]") {
    CHECK(pv::makeTheme("") == nullptr);
    CHECK(pv::makeTheme("NEON") == nullptr); // names are exact
    CHECK(pv::makeTheme("neon ") == nullptr);
    CHECK(pv::makeTheme("list") == nullptr); // `--theme list` is the program's, not a theme
}

TEST_CASE("labels are cut to what the width can show", "[viewer][themes][text]") {
    SECTION("the budget follows width over the narrowest glyph") {
        CHECK(pv::characterBudget(0, 20) == 0);
        CHECK(pv::characterBudget(100, 0) == 0);
        CHECK(pv::characterBudget(-5, 20) == 0);
        CHECK(pv::characterBudget(100, 20) == 20); // 100 / (20 * 0.25)
        CHECK(pv::characterBudget(1, 20) == 1);
        CHECK(pv::characterBudget(1280, 10) <= 4096);
        CHECK(pv::characterBudget(200, 20) > pv::characterBudget(100, 20));
    }
    SECTION("a 60 KB name costs a screen's width") {
        const std::string huge(60 * 1024, 'x');
        const std::string cut = pv::cutLabel(huge, 1280, 14);
        CHECK(pv::countCharacters(cut) == pv::characterBudget(1280, 14));
        CHECK(cut.size() < 400);
        CHECK(cut.back() == '~');
    }
    SECTION("a name that fits is left alone") {
        CHECK(pv::cutLabel("ancestor(x, z)", 1280, 14) == "ancestor(x, z)");
        const std::string exact(20, 'a');
        CHECK(pv::cutLabel(exact, 100, 20) == exact);
        CHECK(pv::cutLabel(exact + "b", 100, 20) == std::string(19, 'a') + "~");
    }
    SECTION("UTF-8 is cut between characters") {
        std::string greek;
        for (int k = 0; k < 50; ++k) greek += "\xce\xbb"; // λ, two bytes
        const std::string cut = pv::cutLabel(greek, 100, 20);
        CHECK(pv::countCharacters(cut) == 20);
        CHECK(cut.size() == 19 * 2 + 1);
    }
}

TEST_CASE("colours and easing the themes share", "[viewer][themes]") {
    const sf::Color red = pv::hsvColor(0, 1, 1);
    CHECK((red.r == 255 && red.g == 0 && red.b == 0 && red.a == 255));
    CHECK(pv::hsvColor(360 + 120, 1, 1) == pv::hsvColor(120, 1, 1));
    CHECK(pv::hsvColor(-240, 1, 1) == pv::hsvColor(120, 1, 1));
    CHECK(pv::hueOf(pv::Color{0, 0, 255}) == Approx(240));
    CHECK(pv::hueOf(pv::Color{90, 90, 90}) == 0);
    CHECK(pv::easeToward(0, 1, 2, 0) == 0);
    CHECK(pv::easeToward(0, 1, 2, 0.5) == Approx(1 - std::exp(-1.0)));
    CHECK(pv::easeToward(1, 0, 2, -1) == 1); // a negative step moves nothing
}

namespace {

// Renders `frames` frames of a five-level scene and returns the picture.
sf::Image drawn(pv::Theme& theme, int frames) {
    sf::RenderTexture texture;
    REQUIRE(texture.create(160, 90));
    pv::Scene scene;
    for (int d = 1; d <= 5; ++d) {
        pv::SceneEvent e;
        e.kind = pv::EventKind::Depth;
        e.depth = d;
        scene.apply(e);
    }
    pv::FrameView frame;
    frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, 160, 90), 1.0f, 210});
    for (int k = 0; k < frames; ++k) {
        scene.advance(1.0 / 60);
        frame.time = k / 60.0;
        theme.render(texture, frame);
    }
    texture.display();
    return texture.getTexture().copyToImage();
}

// How many pixels differ from the ground (the corner's colour) by more
// than `margin` in the sum of their channels: ink's grain varies by up
// to 8 %, a stroke by far more.
int marked(const sf::Image& image, int margin) {
    const sf::Color ground = image.getPixel(0, 0);
    int count = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y)
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            if (std::abs(c.r - ground.r) + std::abs(c.g - ground.g) + std::abs(c.b - ground.b) >
                margin)
                ++count;
        }
    return count;
}

} // namespace

TEST_CASE("without shaders a theme still draws the squares", "[viewer][themes]") {
    SECTION("neon: trails without bloom") {
        pv::NeonTheme theme(false);
        CHECK(marked(drawn(theme, 30), 30) > 500);
    }
    SECTION("ink: a fading wake without blur, the paper kept") {
        pv::InkTheme theme(false);
        const sf::Image image = drawn(theme, 30);
        CHECK(marked(image, 150) > 300);
        const sf::Color corner = image.getPixel(0, 0);
        CHECK(corner.r > 200); // paper, grained: never darker than 8 %
    }
}
