// viewer_theme_bench — how long each theme takes to draw a frame, and the
// pictures for viewer/README.md. A measurement, never a test: it prints
// figures and asserts nothing (a busy machine must not fail the suite).
//
//   viewer_theme_bench [--frames N] [--burst K] [--shots DIR] [--only THEME]
//
// Per theme: a 1280 x 720 window (as polar-viewer opens one; vsync off,
// so the figure is the drawing, not the display's refresh), a scene under
// a flood of K events of each kind per frame (default 333: 1,665 events a
// frame, 100,000/s at 60 fps) with 13 rule names of 60 KB on the stack
// and labels on (the case issue 14 measured at 2 fps), N frames (default
// 300). Timed: draw + display, per frame; the scene's own work on the
// events is outside the timing. Prints mean and p99 in ms, and the CPU
// time per frame (all threads; see cpuMs).
// --shots DIR: instead, plays a scripted search (depth walking up and
// down, branches, backtracks, results, rule names) for 6 s at 60 fps and
// writes DIR/theme_<name>.jpg (JPEG: the grain and glow make PNGs of
// 1.3 MB), the last frame, per theme.
// Needs an X display: xvfb-run -a -s "-screen 0 1280x720x24".
#include <sys/resource.h>

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "renderer.hpp"
#include "scripted_scenes.hpp"
#include "theme.hpp"

namespace pv = polar::viewer;
using pv::EventKind;
using pv::testing::send;

namespace {

// CPU time of the whole process (every thread: llvmpipe rasterises on its
// own threads), in ms. Unlike wall time it does not grow when other
// programs share the cores, so it says what a frame costs on a quiet
// machine: wall time there lies between cpu / threads and cpu.
double cpuMs() {
    rusage use{};
    getrusage(RUSAGE_SELF, &use);
    return (use.ru_utime.tv_sec + use.ru_stime.tv_sec) * 1e3 +
           (use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e3;
}

// A search as `polar query --pace` shows it: every 5th frame one step —
// deeper by one, or a backtrack to a shallower level — with rule names.
void demoStep(pv::Scene& scene, int frame) {
    static const char* rules[] = {"ancestor(x, z)",
                                  "parent(x, y)",
                                  "ancestor(y, z)",
                                  "child_of(y, x)",
                                  "allow(actor, action, resource)",
                                  "has_role(user, role)"};
    if (frame % 5 == 0) {
        const int k = frame / 5;
        const int depth = 2 + (k % 9 < 6 ? k % 9 : 9 - k % 9) + (k / 27) % 3;
        send(scene, EventKind::Rule, depth - 1, rules[k % 6]);
        send(scene, k % 9 == 6 ? EventKind::Backtrack : EventKind::Depth, depth);
        if (k % 4 == 0) send(scene, EventKind::Branch, depth);
        if (k % 17 == 8) send(scene, EventKind::Result, depth);
    }
    scene.advance(1.0 / 60);
}

void flood(pv::Scene& scene, int burst, std::uint32_t& seed) {
    for (int k = 0; k < burst; ++k) {
        seed = seed * 1664525u + 1013904223u;
        const int depth = 8 + static_cast<int>((seed >> 16) % 9);
        send(scene, EventKind::Depth, depth);
        send(scene, EventKind::Branch, depth);
        send(scene, EventKind::Backtrack, depth);
        send(scene, EventKind::Result, depth);
        send(scene, EventKind::Depth, depth);
    }
    scene.advance(1.0 / 60);
}

} // namespace

int main(int argc, char** argv) {
    int frames = 300, burst = 333;
    std::string shots, only;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--frames")
            frames = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--burst")
            burst = std::max(0, std::atoi(argv[i + 1]));
        else if (flag == "--shots")
            shots = argv[i + 1];
        else if (flag == "--only")
            only = argv[i + 1];
    }
    sf::RenderWindow window(sf::VideoMode(1280, 720), "viewer_theme_bench", sf::Style::None);
    window.setVerticalSyncEnabled(false);
    pv::Renderer renderer;
    renderer.loadFont(pv::kDefaultFont);
    for (const pv::ThemeInfo& info : pv::themeList()) {
        if (!only.empty() && only != info.name) continue;
        auto theme = pv::makeTheme(info.name);
        pv::Scene scene;
        pv::FrameView frame;
        frame.lanes.push_back(pv::LaneView{&scene, sf::FloatRect(0, 0, 1280, 720), 1.0f, 210});
        frame.font = renderer.font();
        if (!shots.empty()) {
            for (int k = 0; k < 360; ++k) {
                demoStep(scene, k);
                frame.time = k / 60.0;
                renderer.draw(window, *theme, frame, pv::HudInfo{}, pv::RenderOptions{true, false});
                if (k == 359) {
                    sf::Texture shot;
                    shot.create(1280, 720);
                    shot.update(window);
                    const std::string path = shots + "/theme_" + std::string(info.name) + ".jpg";
                    shot.copyToImage().saveToFile(path);
                    std::printf("wrote %s\n", path.c_str());
                }
                window.display();
            }
            continue;
        }
        const std::string huge(60 * 1024, 'r');
        for (int d = 0; d < 13; ++d) send(scene, EventKind::Rule, d, huge);
        std::uint32_t seed = 7;
        std::vector<double> ms;
        double cpu = 0;
        for (int k = 0; k < frames; ++k) {
            flood(scene, burst, seed);
            frame.time = k / 60.0;
            const auto start = std::chrono::steady_clock::now();
            const double cpuStart = cpuMs();
            renderer.draw(window, *theme, frame, pv::HudInfo{}, pv::RenderOptions{true, false});
            window.display();
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            cpu += cpuMs() - cpuStart;
        }
        double sum = 0;
        for (double m : ms) sum += m;
        std::sort(ms.begin(), ms.end());
        const double p99 = ms[std::min(
            ms.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(ms.size())))];
        std::printf(
            "%-8s 1280x720, %d frames, %d events/frame, 13 labels of 60 KB: mean %.2f ms, p99 %.2f "
            "ms, "
            "cpu %.2f ms/frame\n",
            std::string(info.name).c_str(), frames, burst * 5, sum / static_cast<double>(ms.size()),
            p99, cpu / frames);
    }
    return 0;
}
