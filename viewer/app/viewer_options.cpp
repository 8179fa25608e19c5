#include "viewer_options.hpp"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

namespace polar::viewer {

ViewerOptions parseOptions(int argc, char** argv) {
    ViewerOptions o;
    CLI::App app{"polar-viewer — watch a Polar policy think: nested squares, one per level of stack\n"
                 "depth, over a background that changes colour on every branch; with --sound, hear it too.\n\n"
                 "Keys: F fullscreen, H heads-up display, L rule labels, Space pause,\n"
                 "S screenshot (polar-viewer-NNN.png), Q or Esc quit. The window is resizable."};
    app.add_option("--port", o.port, "UDP port to listen on")->capture_default_str();
    app.add_option("--bind", o.bind, "Address to listen on: 127.0.0.1 (default), 0.0.0.0, ::1, or a multicast group")
        ->capture_default_str();
    app.add_flag("--fullscreen", o.fullscreen, "Start fullscreen");
    app.add_option("--replay", o.replay, "Show a polar-osc recording (polar-osc record FILE) instead of listening");
    app.add_option("--width", o.width, "Window or image width")->capture_default_str();
    app.add_option("--height", o.height, "Window or image height")->capture_default_str();
    app.add_option("--font", o.font, "TTF font for labels and HUD (default: DejaVu Sans)");
    app.add_flag("!--no-hud", o.hud, "Start with the heads-up display hidden");
    app.add_flag("!--no-labels", o.labels, "Start with rule labels hidden");
    app.add_flag("--headless", o.headless,
                 "Render off-screen to PNG files (needs an X display: use xvfb-run); with only --sound-out "
                 "or --sound, draw nothing and need no display");
    app.add_option("--frames", o.frames, "Headless: render this many frames, then exit");
    app.add_option("--out", o.outDir, "Headless: directory for frame_NNNNN.png");
    app.add_option("--every", o.every, "Headless: write every K-th frame")->capture_default_str();
    app.add_option("--contact-sheet", o.contactSheet, "Headless, with --frames: also tile the written frames into one PNG");
    app.add_option("--screenshot", o.screenshot, "Headless: write one PNG to FILE, then exit");
    app.add_option("--after", o.after, "With --screenshot: wait for this many events first");
    app.add_option("--report-seconds", o.reportSeconds,
                   "Window: run this many seconds, then print the average frame rate and events/s, and exit");
    app.add_option("--timeout", o.timeout,
                   "Headless: give up after this many seconds (with only --sound/--sound-out: play or record this long)")
        ->capture_default_str();
    app.add_flag("--sound", o.sound,
                 "Play the built-in synthesis: depth is a note on a minor-pentatonic scale, branches hit, "
                 "backtracks sweep down, results chime (OpenAL; without a sound card set ALSOFT_DRIVERS=null)");
    app.add_option("--sound-out", o.soundOut,
                   "Also render the synthesis to FILE (16-bit stereo WAV), finished even on Q, Ctrl-C or timeout. "
                   "With --replay the sound follows the recording's own times, so it is the same on every run; "
                   "--headless with only --sound-out draws nothing and needs no display");
    app.add_option("--sound-rate", o.soundRate, "Sample rate of the sound, 44100 or 48000")
        ->check(CLI::IsMember({44100u, 48000u}))
        ->capture_default_str();
    app.footer("With --screenshot but without --headless, the picture is taken from the real window.\n"
               "Exit codes: 0 done, 1 bad usage, 2 cannot listen, replay or write, 3 timed out, 130 interrupted.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 numbers its errors (105 for a value out of range...);
        // the documented contract is 0 for --help, 1 for any bad usage.
        const int code = app.exit(e);
        std::exit(code == 0 ? 0 : 1);
    }
    if (o.every == 0) o.every = 1;
    if (o.headless && o.frames == 0 && o.screenshot.empty() && o.soundOut.empty() && !o.sound) {
        std::cerr << "polar-viewer: --headless needs --frames N (with --out DIR), --screenshot FILE, --sound-out FILE or --sound\n";
        std::exit(1);
    }
    if (o.frames > 0 && o.outDir.empty()) o.outDir = ".";
    return o;
}

} // namespace polar::viewer
