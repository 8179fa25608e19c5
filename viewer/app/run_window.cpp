// run_window.cpp — the real window: keys, the live picture, the S key's
// screenshots, --screenshot from the window itself, --report-seconds.
//
// Scene and replay time follow the wall clock, frame to frame. The frame
// rate shown and reported is measured (FrameStats); --report-seconds prints
// the average rate, events/s and the frame-time median and 99th percentile
// on one line that bench/system.py reads (its regex matches the start of
// the line; the percentiles and the mistyped count (messages at our
// addresses with unusable arguments, and unusable controls) come after, so
// old readers still match).
#include <chrono>
#include <iomanip>
#include <iostream>

#include <SFML/Graphics.hpp>

#include "frame_stats.hpp"
#include "performance.hpp"
#include "run.hpp"
#include "screenshot_wait.hpp"
#include "shot_names.hpp"

namespace polar::viewer {

namespace {

// Before a --screenshot, the scene advances this many frames (a second at
// 60 fps) without new events, so the squares settle on their depth.
constexpr int kSettleFrames = 60;
constexpr double kSettleStep = 1.0 / 60;

void openWindow(sf::RenderWindow& window, const ViewerOptions& o, bool fullscreen) {
    if (fullscreen) {
        window.create(sf::VideoMode::getDesktopMode(), "polar-viewer", sf::Style::Fullscreen);
    } else {
        window.create(sf::VideoMode(o.width, o.height), "polar-viewer", sf::Style::Default);
    }
    window.setFramerateLimit(60);
}

sf::Image grab(const sf::RenderWindow& window) {
    sf::Texture texture;
    texture.create(window.getSize().x, window.getSize().y);
    texture.update(window);
    return texture.copyToImage();
}

// The S key: the next free number in --shots DIR, the path printed.
void saveShot(const sf::RenderWindow& window, const ViewerOptions& o, unsigned& next) {
    try {
        if (const std::string problem = prepareShotDirectory(o.shots); !problem.empty()) {
            std::cerr << "polar-viewer: " << problem << "; no screenshot\n";
            return;
        }
        const std::string path = nextShotPath(o.shots, next).string();
        if (grab(window).saveToFile(path)) std::cout << "polar-viewer: wrote " << path << std::endl;
        else std::cerr << "polar-viewer: cannot write " << path << "\n";
    } catch (const std::runtime_error& e) {
        std::cerr << "polar-viewer: " << e.what() << "; no screenshot\n";
    }
}

} // namespace

int runWindow(const ViewerOptions& o, Pump& pump, Show& show, HudInfo& hud) {
    sf::RenderWindow window;
    bool fullscreen = o.fullscreen;
    openWindow(window, o, fullscreen);
    Performance& performance = *pump.performance;
    unsigned nextShot = 0;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.timeout));
    const auto begun = Clock::now();
    std::uint64_t frames = 0;
    sf::Clock frameClock;
    FrameStats stats;
    ScreenshotWait wait(o.after, o.afterQueries);
    while (window.isOpen()) {
        if (stopRequested()) {
            // Only caught while a WAV is written (main.cpp); the caller finishes it.
            std::cerr << "polar-viewer: interrupted after " << frames << " frames\n";
            return kExitInterrupted;
        }
        sf::Event event;
        while (window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) window.close();
            if (event.type == sf::Event::Resized)
                window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                      static_cast<float>(event.size.height))));
            // The coaster's hover and pin (a no-op over squares: nothing to point at).
            if (event.type == sf::Event::MouseMoved)
                show.pointer(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y), false,
                             performance.look().zoom);
            if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left)
                show.pointer(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y), true,
                             performance.look().zoom);
            if (event.type == sf::Event::MouseLeft) show.pointer(-1, -1, false, 1);
            if (event.type != sf::Event::KeyPressed) continue;
            switch (event.key.code) {
            case sf::Keyboard::Q:
            case sf::Keyboard::Escape: window.close(); break;
            case sf::Keyboard::F: fullscreen = !fullscreen; openWindow(window, o, fullscreen); break;
            case sf::Keyboard::S: saveShot(window, o, nextShot); break;
            default: performance.key(event.key.code, event.key.shift, pump.seconds()); break;
            }
        }
        const double dt = frameClock.restart().asSeconds();
        if (frames > 0) stats.add(dt);  // the first "frame" is the window's creation
        const bool paused = performance.frozen();
        if (!paused) pump.replayTime += std::chrono::microseconds(static_cast<long long>(dt * 1e6));
        pump.take(!paused);
        if (!paused) pump.stage.advance(dt);
        performance.tick(dt, pump.stage, &show, pump.sound, pump.seconds());
        pump.fill(hud);
        if (o.hoverSet)
            show.pointer(static_cast<float>(o.hoverX * window.getSize().x),
                         static_cast<float>(o.hoverY * window.getSize().y), false, performance.look().zoom);
        hud.paused = paused;
        hud.framesPerSecond = stats.fps();
        const RenderOptions options{performance.labels(), performance.hud()};
        show.draw(window, pump.stage, hud, options, performance.look());
        if (!o.screenshot.empty()) {
            if (const auto verdict = wait.check(pump, dt, performance.coaster()); verdict != ScreenshotWait::Verdict::Waiting) {
                // A picture of the real window, for tests and for performers' notes.
                for (int settle = 0; settle < kSettleFrames; ++settle) pump.stage.advance(kSettleStep);
                show.draw(window, pump.stage, hud, options, performance.look());
                const sf::Image image = grab(window);
                window.display();
                if (!image.saveToFile(o.screenshot)) {
                    std::cerr << "polar-viewer: cannot write " << o.screenshot << "\n";
                    return kExitError;
                }
                std::cout << "polar-viewer: wrote " << o.screenshot << " after " << pump.events << " events" << std::endl;
                if (verdict == ScreenshotWait::Verdict::Ready) return kExitDone;
                std::cerr << "polar-viewer: " << wait.why() << "\n";
                return kExitTimedOut;
            }
        }
        window.display();
        if (++frames == 1) {
            // Said once the first frame is on screen, so scripts can send
            // events when the window really draws, instead of guessing.
            std::cout << "polar-viewer: window open, " << window.getSize().x << "x" << window.getSize().y
                      << std::endl;
        }
        if (o.reportSeconds > 0) {
            const double seconds = std::chrono::duration<double>(Clock::now() - begun).count();
            if (seconds >= o.reportSeconds) {
                // Fixed notation: a million events/s must not print as 1e+06
                // for the scripts (bench/system.py) and people that read it.
                std::cout << std::fixed << std::setprecision(2) << "polar-viewer: " << frames << " frames in "
                          << seconds << " s = " << frames / seconds << " fps; " << pump.events
                          << " events = " << std::setprecision(0) << pump.events / seconds << " events/s; "
                          << std::setprecision(1) << "frame ms p50 " << stats.percentileMs(0.5) << " p99 "
                          << stats.percentileMs(0.99) << "; mistyped " << hud.mistyped << std::endl;
                return kExitDone;
            }
        }
        if (!o.screenshot.empty() && Clock::now() > deadline) {
            std::cerr << "polar-viewer: timed out after " << o.timeout << " s with " << pump.events << " events\n";
            return kExitTimedOut;
        }
    }
    return kExitDone;
}

} // namespace polar::viewer
