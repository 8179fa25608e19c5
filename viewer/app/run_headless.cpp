// run_headless.cpp — --headless with --frames or --screenshot: the scene
// drawn to an off-screen texture, written as PNGs.
//
// Scene time is the frame count (1/60 s a frame), so a replay gives the
// same pictures on every run; frames are paced to 60 a second of wall
// time, so a live stream is seen as a window would see it. The HUD's fps
// and the closing line's frame times are measured (FrameStats), not the
// nominal 60: a frame that takes longer to draw and write shows. Every
// frame checks the stop flag (SIGINT/SIGTERM: exit 130) and --timeout
// (exit 3, with the picture so far when --screenshot was asked).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <thread>
#include <vector>

#include <SFML/Graphics.hpp>

#include "frame_stats.hpp"
#include "performance.hpp"
#include "run.hpp"
#include "screenshot_wait.hpp"

namespace polar::viewer {

namespace {

// One frame of scene time: 60 fps, the rate a window is limited to.
constexpr double kFrameSeconds = 1.0 / 60;
constexpr auto kFrameWall = std::chrono::microseconds(16667);
// Before a --screenshot, the scene advances this many frames (a second)
// without new events, so the squares settle on their depth.
constexpr int kSettleFrames = 60;

// The written frames side by side, five to a row, each a quarter-size
// thumbnail: a whole performance on one page.
bool saveContactSheet(const std::vector<sf::Image>& frames, const std::string& path) {
    if (frames.empty()) return false;
    constexpr unsigned kColumns = 5;
    const sf::Vector2u frame = frames.front().getSize();
    const sf::Vector2u thumb(frame.x / 4, frame.y / 4);
    const unsigned rows = static_cast<unsigned>((frames.size() + kColumns - 1) / kColumns);
    sf::RenderTexture sheet;
    if (!sheet.create(thumb.x * kColumns, thumb.y * rows)) return false;
    sheet.clear(sf::Color::Black);
    for (std::size_t k = 0; k < frames.size(); ++k) {
        sf::Texture texture;
        texture.loadFromImage(frames[k]);
        texture.setSmooth(true);
        sf::Sprite sprite(texture);
        sprite.setScale(0.25f, 0.25f);
        sprite.setPosition(static_cast<float>((k % kColumns) * thumb.x), static_cast<float>((k / kColumns) * thumb.y));
        sheet.draw(sprite);
    }
    sheet.display();
    return sheet.getTexture().copyToImage().saveToFile(path);
}

bool save(const sf::RenderTexture& texture, const std::string& path) {
    const sf::Image image = texture.getTexture().copyToImage();
    if (image.saveToFile(path)) return true;
    std::cerr << "polar-viewer: cannot write " << path << "\n";
    return false;
}

// The --screenshot, once ScreenshotWait says so.
int takeScreenshot(const ViewerOptions& o, Pump& pump, Show& show, HudInfo& hud, sf::RenderTexture& texture,
                   const ScreenshotWait& wait, bool ready) {
    Performance& performance = *pump.performance;
    const RenderOptions options{performance.labels(), performance.hud()};
    for (int settle = 0; settle < kSettleFrames; ++settle) pump.stage.advance(kFrameSeconds);
    if (o.hoverSet) show.pointer(static_cast<float>(o.hoverX * o.width), static_cast<float>(o.hoverY * o.height), false, performance.look().zoom);
    show.draw(texture, pump.stage, hud, options, performance.look());
    texture.display();
    if (!save(texture, o.screenshot)) return kExitError;
    std::cout << "polar-viewer: wrote " << o.screenshot << " after " << pump.events << " events\n";
    if (ready) return kExitDone;
    std::cerr << "polar-viewer: " << wait.why() << "\n";
    return kExitTimedOut;
}

} // namespace

int runHeadless(const ViewerOptions& o, Pump& pump, Show& show, HudInfo& hud) {
    sf::RenderTexture texture;
    if (!texture.create(o.width, o.height)) {
        std::cerr << "polar-viewer: cannot create a " << o.width << "x" << o.height << " off-screen texture\n";
        return kExitError;
    }
    Performance& performance = *pump.performance;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.timeout));
    if (!o.outDir.empty()) std::filesystem::create_directories(o.outDir);
    unsigned written = 0;
    std::vector<sf::Image> sheet;  // the written frames, for --contact-sheet
    ScreenshotWait wait(o.after, o.afterQueries);
    FrameStats stats;
    unsigned frozenFrames = 0;
    auto last = Clock::now();
    for (unsigned k = 0;; ++k) {
        const auto start = Clock::now();
        if (k > 0) stats.add(std::chrono::duration<double>(start - last).count());
        last = start;
        // Frozen frames (/viewer/freeze) stop the recording's clock too.
        const bool frozen = performance.frozen();
        if (frozen) ++frozenFrames;
        pump.replayTime = std::chrono::microseconds(static_cast<long long>(k - frozenFrames) * 16667);
        pump.take(!frozen);
        if (!frozen) pump.stage.advance(kFrameSeconds);
        performance.tick(kFrameSeconds, pump.stage, &show, pump.sound, pump.seconds());
        pump.fill(hud);
        if (o.hoverSet) show.pointer(static_cast<float>(o.hoverX * o.width), static_cast<float>(o.hoverY * o.height), false, performance.look().zoom);
        hud.framesPerSecond = stats.fps();
        hud.paused = frozen;
        show.draw(texture, pump.stage, hud, RenderOptions{performance.labels(), performance.hud()}, performance.look());
        texture.display();
        if (o.frames > 0) {
            if (k % o.every == 0) {
                char name[64];
                std::snprintf(name, sizeof name, "frame_%05u.png", written++);
                if (!save(texture, (std::filesystem::path(o.outDir) / name).string())) return kExitError;
                if (!o.contactSheet.empty()) sheet.push_back(texture.getTexture().copyToImage());
            }
            if (k + 1 >= o.frames) break;
        } else if (const auto verdict = wait.check(pump, kFrameSeconds, performance.coaster()); verdict != ScreenshotWait::Verdict::Waiting) {
            return takeScreenshot(o, pump, show, hud, texture, wait, verdict == ScreenshotWait::Verdict::Ready);
        }
        if (stopRequested()) {
            std::cerr << "polar-viewer: interrupted after " << k + 1 << " frames\n";
            return kExitInterrupted;
        }
        if (Clock::now() > deadline) {
            std::cerr << "polar-viewer: timed out after " << o.timeout << " s with " << pump.events << " events\n";
            if (!o.screenshot.empty()) save(texture, o.screenshot);
            return kExitTimedOut;
        }
        std::this_thread::sleep_until(start + kFrameWall);
    }
    std::cout << std::fixed << std::setprecision(2) << "polar-viewer: wrote " << written << " frames to " << o.outDir
              << " (" << pump.events << " events; " << stats.fps() << " fps, frame ms p50 "
              << stats.percentileMs(0.5) << " p99 " << stats.percentileMs(0.99) << ")" << std::endl;
    std::cout << std::defaultfloat;
    if (!o.contactSheet.empty()) {
        if (!saveContactSheet(sheet, o.contactSheet)) {
            std::cerr << "polar-viewer: cannot write " << o.contactSheet << "\n";
            return kExitError;
        }
        std::cout << "polar-viewer: wrote the contact sheet " << o.contactSheet << "\n";
    }
    return kExitDone;
}

} // namespace polar::viewer
