// viewer_safe_test — the SafeCompositor, end to end on a real GL context:
// canvases that strobe on purpose go in, and what comes out is measured on
// the CPU, pixel by pixel, with the flash rule (flash_governor.hpp; the same
// rule tests/viewer/flash_meter.py applies to the program's PNGs).
//   1. a full-screen black/white strobe at 30 Hz: at most 6 luminance
//      transitions (3 flashes) in any second come out — WCAG 2.3.1's limit;
//      the governor's own budget is 4, and this measure, done apart from
//      it, may see one more where 8-bit rounding moves a run's end;
//   2. a red strobe over a quarter of the frame: at most 6 red transitions;
//   3. a calm slow fade goes through untouched (weight 1 every frame);
//   4. disabled (--unsafe-flashes), the strobe comes out as drawn.
// Needs an X display (SFML 2.5): ctest runs it under xvfb-run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include <SFML/Graphics.hpp>

#include "polar/viewer/flash_governor.hpp"
#include "safe_compositor.hpp"

namespace pv = polar::viewer;

namespace {

constexpr unsigned kWidth = 320, kHeight = 180;  // a multiple of 16, like 1280 x 720

double linear(std::uint8_t c) {
    const double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

struct Measure {
    double luminance = 0, red = 0;
};

Measure measure(const sf::Image& image) {
    Measure m;
    const auto size = image.getSize();
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            const double r = linear(c.r), g = linear(c.g), b = linear(c.b), s = r + g + b;
            m.luminance += 0.2126 * r + 0.7152 * g + 0.0722 * b;
            if (s > 0 && r >= 0.8 * s) m.red += std::max(0.0, r - g - b);
        }
    const double n = static_cast<double>(size.x) * size.y;
    m.luminance /= n;
    m.red /= n;
    return m;
}

struct Run {
    int luminance = 0, red = 0;  // worst second
    int unchanged = 0;           // frames shown exactly as drawn
};

// Draws `frames` canvases with `paint`, through a compositor, and measures the output.
Run run(bool enabled, int frames, const std::function<void(sf::RenderTarget&, int)>& paint) {
    pv::SafeCompositor compositor;
    compositor.resize(kWidth, kHeight);
    compositor.setEnabled(enabled);
    sf::RenderTexture screen;
    screen.create(kWidth, kHeight);
    pv::TransitionMeter luminance(pv::kLuminanceRule), red(pv::kRedRule);
    std::vector<bool> lumDone, redDone;
    Run result;
    for (int k = 0; k < frames; ++k) {
        paint(compositor.canvas(), k);
        screen.clear();
        compositor.present(screen, k / 60.0);
        screen.display();
        const Measure m = measure(screen.getTexture().copyToImage());
        lumDone.push_back(luminance.update(m.luminance));
        redDone.push_back(red.update(m.red));  // both on the 0..1 scale (kRedRule is /320)
        if (compositor.lastWeight() >= 1.0) ++result.unchanged;
        if (std::getenv("SAFE_DEBUG")) std::printf("%d w=%.3f L=%.4f R=%.4f %s\n", k, compositor.lastWeight(), m.luminance, m.red, redDone.back() ? "RED" : "");
    }
    result.luminance = pv::mostInAnyWindow(lumDone);
    result.red = pv::mostInAnyWindow(redDone);
    return result;
}

bool expect(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    return ok;
}

} // namespace

int main() {
    sf::RenderTexture probe;
    if (!probe.create(16, 16)) {
        std::fprintf(stderr, "viewer_safe_test: no off-screen texture (is there an X display?)\n");
        return 2;
    }
    bool ok = true;
    const auto strobe = [](sf::RenderTarget& t, int k) { t.clear((k / 1) % 2 ? sf::Color::White : sf::Color::Black); };
    const Run safe = run(true, 300, strobe);
    std::printf("30 Hz strobe, governed: worst second %d luminance transitions\n", safe.luminance);
    ok &= expect(safe.luminance <= 6, "a full-screen strobe comes out with at most 3 flashes a second");
    ok &= expect(safe.unchanged < 300, "...because the governor acted");

    const Run unsafe = run(false, 300, strobe);
    std::printf("30 Hz strobe, --unsafe-flashes: worst second %d luminance transitions\n", unsafe.luminance);
    ok &= expect(unsafe.luminance > 6, "disabled, the strobe comes out as drawn (the measure can fail)");

    const auto redCorner = [](sf::RenderTarget& t, int k) {
        t.clear(sf::Color(20, 20, 40));
        if ((k / 6) % 2) {  // 5 Hz
            sf::RectangleShape tile(sf::Vector2f(kWidth / 2.0f, kHeight / 2.0f));
            tile.setFillColor(sf::Color(255, 0, 0));
            t.draw(tile);
        }
    };
    const Run red = run(true, 300, redCorner);
    const Run redUnsafe = run(false, 300, redCorner);
    std::printf("5 Hz red quarter: governed %d red transitions/s, ungoverned %d\n", red.red, redUnsafe.red);
    ok &= expect(redUnsafe.red > 6, "the red strobe is a red flash hazard as drawn");
    ok &= expect(red.red <= 6, "governed, at most 3 red flashes a second");

    const auto calm = [](sf::RenderTarget& t, int k) {
        const auto v = static_cast<sf::Uint8>(60 + 40 * std::sin(k / 60.0));
        t.clear(sf::Color(v, v, static_cast<sf::Uint8>(v + 30)));
    };
    const Run gentle = run(true, 300, calm);
    std::printf("slow swell: %d of 300 frames shown as drawn\n", gentle.unchanged);
    ok &= expect(gentle.unchanged == 300, "a calm picture is never touched");
    return ok ? 0 : 1;
}
