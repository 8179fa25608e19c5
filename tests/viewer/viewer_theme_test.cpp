// viewer_theme_test — the theme catalogue and the text budget, in Catch2.
// Every listed name makes a theme of that name, an unknown one nothing;
// labels are cut to what a width can show before SFML sees them, so a
// 60 KB rule name becomes a screen's worth. Runs under xvfb-run: SFML 2.5
// opens a GL context for any shader object, even one never compiled.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "polar/viewer/banner.hpp"
#include "theme.hpp"
#include "theme_draw.hpp"

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
