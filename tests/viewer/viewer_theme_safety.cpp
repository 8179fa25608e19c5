// viewer_theme_safety — no theme may make the whole frame jump in
// brightness, whatever the events (issue 14; WCAG 2.3.1).
//
// Rule checked: every theme renders StressScript (scripted_scenes.hpp: a
// flood of depth jumps, branches, backtracks and results every frame,
// errors every 1/3 s, silence, then lone results at depth 1) at 60 frames
// per second of scene time, 640 x 360; per frame the mean relative
// luminance (sRGB decoded, Rec. 709 weights, 0..1) is measured, and the
// largest change between any two frames 1/6 s apart (10 frames) must stay
// at or under 0.1 — a tenth of the range, WCAG's threshold for one half
// of a general flash. Deterministic (fixed steps), so it can fail only
// when a theme changes. `diagram` is measured and printed but not held to
// it: its picture is the scene's background(), which flashes toward white
// on a backtrack by design of the original look; the scene's flash
// limiter (the lead's, issue 14) is what makes that one safe.
// POLAR_SAFETY_FRAMES=DIR also writes frames 60 (flood), 150 (flood and
// error), 200 (silence) and 300 (a lone result) of each theme to DIR, to
// look at what was measured.
// Needs an X display: ctest runs it under xvfb-run.
#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "renderer.hpp"
#include "scripted_scenes.hpp"
#include "theme.hpp"

namespace pv = polar::viewer;

namespace {

constexpr int kWindow = 10;    // frames: 1/6 s at 60 fps
constexpr double kLimit = 0.1; // relative luminance, of 0..1

// sRGB decoding, once per level (a table: 360 frames x 230,400 pixels).
struct Linear {
    double of[256];
    Linear() {
        for (int v = 0; v < 256; ++v) {
            const double c = v / 255.0;
            of[v] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
    }
};

double meanLuminance(const sf::Image& image) {
    static const Linear table;
    auto linear = [](sf::Uint8 v) { return table.of[v]; };
    const auto size = image.getSize();
    const sf::Uint8* p = image.getPixelsPtr();
    double sum = 0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(size.x) * size.y; ++k, p += 4)
        sum += 0.2126 * linear(p[0]) + 0.7152 * linear(p[1]) + 0.0722 * linear(p[2]);
    return sum / (static_cast<double>(size.x) * size.y);
}

} // namespace

int main() {
    sf::RenderTexture texture;
    if (!texture.create(640, 360)) {
        std::fprintf(stderr,
                     "viewer_theme_safety: no off-screen texture (is there an X display?)\n");
        return 2;
    }
    int failed = 0;
    for (const pv::ThemeInfo& info : pv::themeList()) {
        auto theme = pv::makeTheme(info.name);
        pv::Renderer renderer;
        pv::Scene scene;
        pv::testing::StressScript script;
        pv::FrameView frame;
        frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, 640, 360), 1.0f, 210});
        frame.labels = false;
        std::vector<double> luminance;
        for (int k = 0; k < pv::testing::StressScript::kFrames; ++k) {
            script.play(scene, k);
            frame.time = k / 60.0;
            renderer.draw(texture, *theme, frame, pv::HudInfo{}, pv::RenderOptions{false, false});
            texture.display();
            const sf::Image image = texture.getTexture().copyToImage();
            luminance.push_back(meanLuminance(image));
            const char* dir = std::getenv("POLAR_SAFETY_FRAMES");
            if (dir && *dir && (k == 60 || k == 150 || k == 200 || k == 300))
                image.saveToFile(std::string(dir) + "/" + std::string(info.name) + "_" +
                                 std::to_string(k) + ".png");
        }
        double worst = 0;
        int at = 0;
        for (std::size_t k = kWindow; k < luminance.size(); ++k) {
            const double swing = std::fabs(luminance[k] - luminance[k - kWindow]);
            if (swing > worst) {
                worst = swing;
                at = static_cast<int>(k);
            }
        }
        const auto [low, high] = std::minmax_element(luminance.begin(), luminance.end());
        const bool held = info.name != "diagram";
        const bool ok = !held || worst <= kLimit;
        std::printf("%-8s mean luminance %.3f..%.3f, largest change in 1/6 s %.3f (frame %d)%s\n",
                    std::string(info.name).c_str(), *low, *high, worst, at,
                    held ? (ok ? "" : "  FAIL: above 0.1") : "  (not held: the scene's flash)");
        if (!ok) failed = 1;
    }
    return failed;
}
