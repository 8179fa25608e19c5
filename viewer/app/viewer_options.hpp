// viewer_options.hpp — polar-viewer's command line.
#pragma once

#include <cstdint>
#include <string>

namespace polar::viewer {

struct ViewerOptions {
    std::uint16_t port = 9000;
    std::string bind = "127.0.0.1";
    bool fullscreen = false;
    std::string replay;  // --replay FILE: a polar-osc recording instead of the network
    unsigned width = 1280, height = 720;
    std::string font;
    bool hud = true;
    bool labels = true;
    // Headless: render off-screen and write PNGs instead of opening a window.
    bool headless = false;
    unsigned frames = 0;          // --frames N: render N frames (at 60 fps of scene time)
    std::string outDir;           // --out DIR: where frame_00000.png ... go
    unsigned every = 1;           // --every K: write every K-th frame
    std::string contactSheet;     // --contact-sheet FILE: the written frames tiled into one PNG
    std::string screenshot;       // --screenshot FILE: one PNG...
    std::uint64_t after = 0;      // ...after this many events arrived
    double timeout = 60;
    double reportSeconds = 0;     // window: run this long, then print frame and event rates and exit          // headless runs end after this many seconds, whatever happens
    // The built-in synthesis (viewer/sound).
    bool sound = false;           // --sound: play it on the sound card
    std::string soundOut;         // --sound-out FILE: render it to a 16-bit stereo WAV
    unsigned soundRate = 44100;   // --sound-rate: 44100 or 48000
};

// Parses argv; prints help or errors and exits (0 for --help, 1 for bad usage).
ViewerOptions parseOptions(int argc, char** argv);

} // namespace polar::viewer
