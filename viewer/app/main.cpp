// polar-viewer — listens for Polar AV's OSC stream and draws it.
//
// The receiver runs on its own thread (osc/'s OscReceiver); each frame the
// render loop takes what arrived since the last one, applies it to the Scene
// and draws the Scene. A flood of events costs Scene updates, never frames.
// Headless mode draws to an off-screen texture and writes PNGs; SFML 2.5
// still needs an X display for that, so run it under xvfb-run.
// With --sound or --sound-out the same events also drive the built-in
// synthesis (viewer/sound); headless with only --sound-out, nothing is drawn
// and no display is needed: a replay renders to the WAV as fast as it can.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <new>
#include <thread>

#include <SFML/Graphics.hpp>

#include "polar/osc/osc_receiver.hpp"
#include "pump.hpp"
#include "renderer.hpp"
#include "replay_source.hpp"
#include "sound_stream.hpp"
#include "viewer_options.hpp"

namespace pv = polar::viewer;
using pv::Clock;
using pv::Pump;

namespace {

// Set by SIGINT/SIGTERM when a WAV is being written (--sound-out) or sound
// plays headless: every loop stops at its next turn, so the file is
// finished, not cut off, and the sound stream stops cleanly.
volatile std::sig_atomic_t g_stop = 0;
extern "C" void onStopSignal(int) { g_stop = 1; }

// The recording's sounds ring on after its last event; a WAV keeps that much
// more: the depth voice is gone within 0.8 s, and a second and a half of
// silence after it shows a listener (and a probe) that it is.
constexpr double kSoundTailSeconds = 1.5;

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

// What std::bad_alloc becomes: a named stage and exit 2, never a bare
// terminate (a recording too large to hold, a contact sheet, a texture).
int outOfMemory(const char* what) {
    std::cerr << "polar-viewer: error: out of memory while " << what << "\n";
    return 2;
}

bool save(const sf::RenderTexture& texture, const std::string& path) {
    const sf::Image image = texture.getTexture().copyToImage();
    if (image.saveToFile(path)) return true;
    std::cerr << "polar-viewer: cannot write " << path << "\n";
    return false;
}

int runHeadless(const pv::ViewerOptions& o, Pump& pump, pv::Renderer& renderer, pv::HudInfo& hud) {
    sf::RenderTexture texture;
    if (!texture.create(o.width, o.height)) {
        std::cerr << "polar-viewer: cannot create a " << o.width << "x" << o.height << " off-screen texture\n";
        return 2;
    }
    const pv::RenderOptions options{o.labels, o.hud};
    const auto frame = std::chrono::microseconds(16667);  // 60 fps of wall-clock time
    const auto deadline = Clock::now() + std::chrono::duration<double>(o.timeout);
    if (!o.outDir.empty()) std::filesystem::create_directories(o.outDir);
    unsigned written = 0;
    std::vector<sf::Image> sheet;  // the written frames, for --contact-sheet
    for (unsigned k = 0;; ++k) {
        const auto start = Clock::now();
        pump.replayTime = std::chrono::microseconds(static_cast<long long>(k) * 16667);
        pump.take(true);
        pump.scene.advance(1.0 / 60);
        pump.fill(hud);
        hud.framesPerSecond = 60;
        renderer.draw(texture, pump.scene, hud, options);
        texture.display();
        if (o.frames > 0) {
            if (k % o.every == 0) {
                char name[64];
                std::snprintf(name, sizeof name, "frame_%05u.png", written++);
                if (!save(texture, (std::filesystem::path(o.outDir) / name).string())) return 2;
                if (!o.contactSheet.empty()) sheet.push_back(texture.getTexture().copyToImage());
            }
            if (k + 1 >= o.frames) break;
        } else if (pump.events >= o.after) {
            // Let the squares settle on the last depth before the picture is taken.
            for (int settle = 0; settle < 60; ++settle) pump.scene.advance(1.0 / 60);
            renderer.draw(texture, pump.scene, hud, options);
            texture.display();
            if (!save(texture, o.screenshot)) return 2;
            std::cout << "polar-viewer: wrote " << o.screenshot << " after " << pump.events << " events\n";
            return 0;
        }
        if (g_stop) {
            std::cerr << "polar-viewer: interrupted after " << k + 1 << " frames\n";
            return 130;
        }
        if (Clock::now() > deadline) {
            std::cerr << "polar-viewer: timed out after " << o.timeout << " s with " << pump.events
                      << " events\n";
            if (!o.screenshot.empty()) save(texture, o.screenshot);
            return 3;
        }
        std::this_thread::sleep_until(start + frame);
    }
    std::cout << "polar-viewer: wrote " << written << " frames to " << o.outDir << " (" << pump.events
              << " events)\n";
    if (!o.contactSheet.empty()) {
        if (!saveContactSheet(sheet, o.contactSheet)) {
            std::cerr << "polar-viewer: cannot write " << o.contactSheet << "\n";
            return 2;
        }
        std::cout << "polar-viewer: wrote the contact sheet " << o.contactSheet << "\n";
    }
    return 0;
}

// Headless with only --sound / --sound-out: no pictures, so no display
// needed. A replay only written to a file renders in its own time, as fast
// as the CPU goes; one that is heard (--sound) plays in real time, with the
// tail to let it ring out. A live stream records in real time. All stop at
// --timeout, Ctrl-C or SIGTERM.
int runSoundOnly(const pv::ViewerOptions& o, Pump& pump) {
    if (pump.replay && !pump.sound->playing()) {
        pump.replayTime = pump.replay->duration();
        pump.take(true);
        return 0;
    }
    const auto begun = Clock::now();
    const auto deadline = begun + std::chrono::duration<double>(o.timeout);
    const auto end = pump.replay ? pump.replay->duration() + std::chrono::microseconds(static_cast<long long>(kSoundTailSeconds * 1e6))
                                 : std::chrono::microseconds::max();
    // 10 ms a turn: the file places each event by its time anyway; this
    // bounds how late the sound card hears it and how much is rendered at once.
    while (!g_stop && Clock::now() < deadline && pump.replayTime < end) {
        if (pump.replay) pump.replayTime = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - begun);
        pump.take(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pump.take(true);
    std::cout << "polar-viewer: " << (pump.replay ? "played " : "recorded ") << pump.seconds() << " s with "
              << pump.events << " events" << std::endl;
    return 0;
}

sf::RenderWindow* openWindow(sf::RenderWindow& window, const pv::ViewerOptions& o, bool fullscreen) {
    if (fullscreen) {
        window.create(sf::VideoMode::getDesktopMode(), "polar-viewer", sf::Style::Fullscreen);
    } else {
        window.create(sf::VideoMode(o.width, o.height), "polar-viewer", sf::Style::Default);
    }
    window.setFramerateLimit(60);
    return &window;
}

int runWindow(const pv::ViewerOptions& o, Pump& pump, pv::Renderer& renderer, pv::HudInfo& hud) {
    sf::RenderWindow window;
    bool fullscreen = o.fullscreen;
    openWindow(window, o, fullscreen);
    pv::RenderOptions options{o.labels, o.hud};
    bool paused = false;
    unsigned shots = 0;
    const auto deadline = Clock::now() + std::chrono::duration<double>(o.timeout);
    const auto begun = Clock::now();
    std::uint64_t frames = 0;
    sf::Clock frameClock;
    double fps = 60;
    while (window.isOpen()) {
        if (g_stop) {
            window.close();
            break;
        }
        sf::Event event;
        while (window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) window.close();
            if (event.type == sf::Event::Resized)
                window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                      static_cast<float>(event.size.height))));
            if (event.type != sf::Event::KeyPressed) continue;
            switch (event.key.code) {
            case sf::Keyboard::Q:
            case sf::Keyboard::Escape: window.close(); break;
            case sf::Keyboard::F: fullscreen = !fullscreen; openWindow(window, o, fullscreen); break;
            case sf::Keyboard::H: options.hud = !options.hud; break;
            case sf::Keyboard::L: options.labels = !options.labels; break;
            case sf::Keyboard::Space: paused = !paused; break;
            case sf::Keyboard::S: {
                sf::Texture texture;
                texture.create(window.getSize().x, window.getSize().y);
                texture.update(window);
                char name[64];
                std::snprintf(name, sizeof name, "polar-viewer-%03u.png", shots++);
                if (texture.copyToImage().saveToFile(name)) std::cout << "polar-viewer: wrote " << name << "\n";
                break;
            }
            default: break;
            }
        }
        const double dt = frameClock.restart().asSeconds();
        if (dt > 0) fps = 0.9 * fps + 0.1 / dt;
        if (!paused) pump.replayTime += std::chrono::microseconds(static_cast<long long>(dt * 1e6));
        pump.take(!paused);
        if (!paused) pump.scene.advance(dt);
        pump.fill(hud);
        hud.paused = paused;
        hud.framesPerSecond = fps;
        renderer.draw(window, pump.scene, hud, options);
        if (!o.screenshot.empty() && pump.events >= o.after) {
            // A picture of the real window, for tests and for performers' notes.
            for (int settle = 0; settle < 60; ++settle) pump.scene.advance(1.0 / 60);
            renderer.draw(window, pump.scene, hud, options);
            sf::Texture texture;
            texture.create(window.getSize().x, window.getSize().y);
            texture.update(window);
            window.display();
            if (!texture.copyToImage().saveToFile(o.screenshot)) {
                std::cerr << "polar-viewer: cannot write " << o.screenshot << "\n";
                return 2;
            }
            std::cout << "polar-viewer: wrote " << o.screenshot << " after " << pump.events << " events" << std::endl;
            return 0;
        }
        window.display();
        if (++frames == 1) {
            // Said once the first frame is on screen, so scripts can send
            // events when the window really draws, instead of guessing.
            std::cout << "polar-viewer: window open, " << window.getSize().x << "x"
                      << window.getSize().y << std::endl;
        }
        if (o.reportSeconds > 0) {
            const double seconds = std::chrono::duration<double>(Clock::now() - begun).count();
            if (seconds >= o.reportSeconds) {
                // Fixed notation: a million events/s must not print as 1e+06
                // for the scripts (bench/system.py) and people that read it.
                std::cout << std::fixed << std::setprecision(2) << "polar-viewer: " << frames
                          << " frames in " << seconds << " s = " << frames / seconds << " fps; "
                          << pump.events << " events = " << std::setprecision(0)
                          << pump.events / seconds << " events/s" << std::endl;
                return 0;
            }
        }
        if (!o.screenshot.empty() && Clock::now() > deadline) {
            std::cerr << "polar-viewer: timed out after " << o.timeout << " s with " << pump.events << " events\n";
            return 3;
        }
    }
    return 0;
}

} // namespace

namespace {

int runViewer(const pv::ViewerOptions& o) {
    std::unique_ptr<polar::osc::OscReceiver> receiver;
    std::unique_ptr<pv::ReplaySource> replay;
    try {
        if (!o.replay.empty()) {
            replay = std::make_unique<pv::ReplaySource>(o.replay);
        } else {
            polar::osc::ReceiverOptions ro;
            ro.address = o.bind;
            ro.port = o.port;
            receiver = std::make_unique<polar::osc::OscReceiver>(ro);
        }
    } catch (const std::bad_alloc&) {
        return outOfMemory(o.replay.empty() ? "starting the receiver" : "reading the recording");
    } catch (const std::exception& e) {
        if (replay || !o.replay.empty())
            std::cerr << "polar-viewer: cannot replay " << o.replay << ": " << e.what() << "\n";
        else
            std::cerr << "polar-viewer: cannot listen on " << o.bind << ":" << o.port << ": " << e.what() << "\n";
        return 2;
    }
    std::unique_ptr<pv::SoundOutput> sound;
    if (o.sound || !o.soundOut.empty()) {
        try {
            sound = std::make_unique<pv::SoundOutput>(o.sound, o.soundOut, o.soundRate);
        } catch (const std::bad_alloc&) {
            return outOfMemory("starting the sound");
        } catch (const std::exception& e) {
            std::cerr << "polar-viewer: " << e.what() << "\n";
            return 2;
        }
        if (!o.soundOut.empty() || o.headless) {
            std::signal(SIGINT, onStopSignal);
            std::signal(SIGTERM, onStopSignal);
        }
    }
    pv::Scene scene;
    pv::Renderer renderer;
    const bool soundOnly = o.headless && o.frames == 0 && o.screenshot.empty();
    const std::string font = o.font.empty() ? pv::kDefaultFont : o.font;
    if (!soundOnly && !renderer.loadFont(font))
        std::cerr << "polar-viewer: no font at " << font << " (install fonts-dejavu-core); labels and HUD are off\n";
    pv::HudInfo hud;
    hud.source = receiver ? "udp " + receiver->describe() : "replay " + o.replay;
    Pump pump{.receiver = receiver.get(), .replay = replay.get(), .scene = scene, .sound = sound.get()};
    if (receiver) std::cout << "polar-viewer: listening on " << receiver->describe() << std::endl;
    else std::cout << "polar-viewer: replaying " << o.replay << std::endl;
    int code = 0;
    try {
        code = soundOnly ? runSoundOnly(o, pump)
             : o.headless ? runHeadless(o, pump, renderer, hud)
                          : runWindow(o, pump, renderer, hud);
        // Whatever ended the run (done, timeout, Q, a signal), the WAV gets
        // its tail and a finished header.
        if (sound) sound->finish(kSoundTailSeconds);
    } catch (const std::bad_alloc&) {
        return outOfMemory(soundOnly ? "rendering the sound" : "drawing");
    } catch (const std::exception& e) {
        std::cerr << "polar-viewer: " << e.what() << "\n";
        return 2;
    }
    return code;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return runViewer(pv::parseOptions(argc, argv));
    } catch (const std::bad_alloc&) {
        return outOfMemory("starting");
    }
}
