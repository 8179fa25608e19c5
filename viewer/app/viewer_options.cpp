#include "viewer_options.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "polar/flags/cli.hpp"
#include "polar/flags/shared.hpp"

namespace polar::viewer {

namespace {

namespace flags = polar::flags;

// Bytes --contact-sheet holds: every written frame, width x height RGBA.
std::uint64_t contactSheetBytes(const ViewerOptions& o) {
    const std::uint64_t written = o.frames == 0 ? 0 : (std::uint64_t{o.frames} - 1) / o.every + 1;
    return written * o.width * o.height * 4;  // at most 2^32 x 2^13 x 2^13 x 4: no wrap
}

// What no single option can check; an empty string when all is well.
std::string crossCheck(const ViewerOptions& o) {
    if (o.headless && o.frames == 0 && o.screenshot.empty() && o.soundOut.empty() && !o.sound)
        return "--headless needs --frames N (with --out DIR), --screenshot FILE, --sound-out FILE or --sound";
    if (o.loop && o.replay.empty() && o.trace.empty()) return "--loop needs --replay FILE or --trace FILE";
    if (!o.trace.empty() && !o.replay.empty()) return "--trace and --replay are two inputs: give one";
    if (!o.trace.empty() && o.headless && o.frames == 0 && o.screenshot.empty())
        return "--trace is drawn: give --frames or --screenshot with --headless (a trace has no sound of its own)";
    if (!o.midi && !o.midiMap.empty()) return "--midi-map: needs --midi";
    if (!o.midi && !o.midiPort.empty()) return "--midi-port: needs --midi";
    if (!o.midi && o.midiApi != "auto") return "--midi-api: needs --midi";
    if (o.afterQueries > 0 && o.screenshot.empty()) return "--after-queries needs --screenshot FILE";
    if (o.shots.empty()) return "--shots needs a directory (. for the current one)";
    if (!o.contactSheet.empty() && contactSheetBytes(o) > kMaxContactSheetBytes)
        return "--contact-sheet: " + std::to_string(contactSheetBytes(o) >> 20) +
               " MiB of frames (--frames / --every at --width x --height x 4 bytes) is above the " +
               std::to_string(kMaxContactSheetBytes >> 20) + " MiB cap; raise --every or lower --frames";
    return {};
}

// --sound-rate: one of two rates, read strictly (CLI11's own IsMember
// converts first, and `-1` wrapped into a message naming nothing).
CLI::Validator soundRates() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text == "44100" || text == "48000") return {};
            return "'" + text + "' is not one of 44100, 48000";
        },
        "44100|48000");
}

void addDisplayOptions(CLI::App& app, ViewerOptions& o) {
    // Shared with polar-osc (flags/): one spelling, one help text.
    flags::addListenPort(app, o.port);
    flags::addListenAddress(app, o.bind);
    app.add_flag("--fullscreen", o.fullscreen, "Start fullscreen");
    app.add_option("--replay", o.replay, "Show a polar-osc recording (polar-osc record FILE) instead of listening");
    app.add_flag("--loop", o.loop,
                 "With --replay: play the recording again and again, each pass starting over at its time 0 "
                 "after a second's rest; ends at --timeout, Q, Ctrl-C or SIGTERM (or --frames/--screenshot)");
    app.add_option("--shots", o.shots,
                   "Directory for the S key's screenshots, created when missing; numbered "
                   "polar-viewer-NNN.png, never overwriting a file already there")
        ->capture_default_str();
    flags::checked(app.add_option("--width", o.width, "Window or image width")->capture_default_str(), "PIXELS",
                   flags::whole(flags::wholeRange<unsigned>(1, kMaxSide)));
    flags::checked(app.add_option("--height", o.height, "Window or image height")->capture_default_str(), "PIXELS",
                   flags::whole(flags::wholeRange<unsigned>(1, kMaxSide)));
    app.add_option("--font", o.font, "TTF font for labels, HUD and the refused-load banner (default: DejaVu Sans)");
    app.add_flag("!--no-hud", o.hud, "Start with the heads-up display hidden");
    app.add_flag("!--no-labels", o.labels, "Start with rule labels hidden");
}

void addHeadlessOptions(CLI::App& app, ViewerOptions& o) {
    app.add_flag("--headless", o.headless,
                 "Render off-screen to PNG files (needs an X display: use xvfb-run); with only --sound-out "
                 "or --sound, draw nothing and need no display");
    flags::checked(app.add_option("--frames", o.frames, "Headless: render this many frames, then exit"), "N",
                   flags::whole(flags::wholeRange<unsigned>()));
    app.add_option("--out", o.outDir, "Headless: directory for frame_NNNNN.png");
    flags::checked(app.add_option("--every", o.every, "Headless: write every K-th frame")->capture_default_str(),
                   "K", flags::whole(flags::wholeRange<unsigned>(1)));
    app.add_option("--contact-sheet", o.contactSheet,
                   "Headless, with --frames: also tile the written frames into one PNG (they are kept in "
                   "memory: at most 1024 MiB of them)");
    app.add_option("--screenshot", o.screenshot, "Headless: write one PNG to FILE, then exit");
    flags::checked(app.add_option("--after-queries", o.afterQueries,
                                  "With --screenshot: take it once this many queries have ended (/polar/query/end), "
                                  "whatever the events' count or timing (a whole check, ridden)"),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    flags::checked(app.add_option("--after", o.after, "With --screenshot: wait for this many events first; then, if the stack is "
                                                 "empty (a query just ended), up to 2 s more for a square (exit 3 if none)"), "EVENTS",
                   flags::whole(flags::wholeRange<std::uint64_t>()));
    // Durations (20ms, 1.5s, 2m, 1h) like every program's; a bare number
    // is still seconds, as these options always read it.
    flags::checked(app.add_option("--report-seconds", o.reportSeconds,
                                  "Window: run for DURATION, then print the average frame rate, events/s and the "
                                  "frame-time median and 99th percentile, and exit (0 = never)"),
                   "DURATION", flags::seconds(kReportRange));
    flags::checked(app.add_option("--timeout", o.timeout,
                                  "Headless: give up after DURATION (with only --sound/--sound-out: play "
                                  "or record this long)")
                       ->capture_default_str(),
                   "DURATION", flags::seconds(kTimeoutRange));
}

void addLookOptions(CLI::App& app, ViewerOptions& o) {
    app.add_option("--theme", o.theme, "How the search is drawn (a theme's name)")->capture_default_str();
    app.add_flag("--unsafe-flashes", o.unsafeFlashes,
                 "Lift the flash limiter (at most 3 flashes a second, WCAG 2.3.1): only for performers who "
                 "know their audience");
    flags::checked(app.add_option("--color-ease", o.colorEase,
                                  "How long a background colour change takes (0: a cut)")
                       ->capture_default_str(),
                   "DURATION", flags::seconds(kColorEaseRange));
    flags::checked(app.add_option("--bpm", o.bpm, "The sound's tempo grid, in beats a minute")->capture_default_str(),
                   "N", flags::real(kBpmRange));
    app.add_flag("--follow-pace", o.followPace,
                 "The sound's grid follows the sender's pace when its events are paced (polar query --pace); "
                 "--bpm when they flood");
}

void addControlOptions(CLI::App& app, ViewerOptions& o, CLI::Option*& controlPort, CLI::Option*& queryPort) {
    controlPort = flags::checked(
        app.add_option("--control-port", o.controlPort,
                       "Also take /viewer/... controls on this UDP port (0: a free one); they are always "
                       "taken on --port too"),
        "P", flags::whole(flags::wholeRange<std::uint16_t>()));
    queryPort = flags::checked(app.add_option("--oscquery-port", o.oscqueryPort,
                                  "Serve the /viewer/... namespace over OSCQuery (HTTP and WebSocket) on this TCP "
                                  "port, advertised as _oscjson._tcp when Avahi runs; 0: off")
                       ->capture_default_str(),
                   "P", flags::whole(flags::wholeRange<std::uint16_t>()));
    app.add_option("--preset", o.preset,
                   "A preset bank (JSON, presets 1..9): preset 1 applies at start, keys 1-9 recall, Shift+1-9 "
                   "store into the file (created when missing)");
    app.add_flag("--midi", o.midi,
                 "MIDI in: a virtual port \"polar-viewer control\"; CCs learned (M, then a parameter key, then "
                 "move a control), MIDI clock sets the tempo, notes 36-44 recall presets 1-9, other notes flash");
    app.add_option("--midi-api", o.midiApi, "MIDI system: auto, jack or alsa")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "jack", "alsa"}));
    app.add_option("--midi-port", o.midiPort, "With --midi: also connect the MIDI outputs whose name holds NAME");
    app.add_option("--midi-map", o.midiMap, "With --midi: the learned bindings (JSON), read at start, written on learn");
    app.add_flag("--controls", o.listControls,
                 "Print the /viewer/... control namespace (path, type, range, default, unit, meaning) and exit");
}

// "0.4,0.55" → the two fractions, each 0..1.
CLI::Validator fractionPair(ViewerOptions& o) {
    return CLI::Validator(
        [&o](std::string& text) -> std::string {
            double x = -1, y = -1;
            char comma = 0, extra = 0;
            if (std::sscanf(text.c_str(), "%lf%c%lf%c", &x, &comma, &y, &extra) != 3 || comma != ',' ||
                !(x >= 0 && x <= 1 && y >= 0 && y <= 1))
                return "'" + text + "' is not X,Y with both in 0..1 (e.g. 0.5,0.6)";
            o.hoverX = x;
            o.hoverY = y;
            o.hoverSet = true;
            return {};
        },
        "X,Y");
}

void addRideOptions(CLI::App& app, ViewerOptions& o) {
    app.add_option("--mode", o.mode,
                   "What is drawn: squares (the stack) or coaster (the search tree as a ride); V switches live")
        ->capture_default_str()
        ->check(CLI::IsMember({"squares", "coaster"}));
    app.add_option("--trace", o.trace,
                   "Ride a POLAR_LOG trace (polar query --trace ... 2> FILE, polar-github --check ... --trace, or "
                   "Oso's POLAR_LOG=1 output) instead of listening; best with --mode coaster");
    flags::checked(app.add_option("--trace-pace", o.tracePace, "With --trace: time between the trace's events")
                       ->capture_default_str(),
                   "DURATION", flags::seconds(kTracePaceRange));
    app.add_option("--hover", o.hover, "Coaster mode: the mouse at X,Y (fractions of the frame), for a picture's tooltip")
        ->check(fractionPair(o));
    flags::checked(app.add_option("--alternate", o.alternate,
                                  "Switch between squares and coaster every DURATION (a demo, an installation); "
                                  "0 = never"),
                   "DURATION", flags::seconds(kAlternateRange));
    app.add_option("--tree-out", o.treeOut,
                   "At the end, write each source's search tree (as the coaster built it) to FILE, as text");
}

void addSoundOptions(CLI::App& app, ViewerOptions& o) {
    app.add_flag("--sound", o.sound,
                 "Play the built-in synthesis: depth is a note on a minor-pentatonic scale, branches hit, "
                 "backtracks sweep down, results chime (OpenAL; without a sound card set ALSOFT_DRIVERS=null)");
    app.add_option("--sound-out", o.soundOut,
                   "Also render the synthesis to FILE (16-bit stereo WAV), finished even on Q, Ctrl-C or timeout. "
                   "With --replay the sound follows the recording's own times, so it is the same on every run; "
                   "--headless with only --sound-out draws nothing and needs no display");
    // Two rates only: the synthesis is tuned and tested at both.
    app.add_option("--sound-rate", o.soundRate, "Sample rate of the sound, 44100 or 48000")
        ->capture_default_str()
        ->transform(soundRates())
        ->option_text("HZ:44100|48000=44100");
}

} // namespace

ViewerOptions parseOptions(int argc, char** argv) {
    ViewerOptions o;
    CLI::App app{"polar-viewer — watch a Polar policy think: nested squares, one per level of stack\n"
                 "depth, over a background that changes colour on every branch; with --sound, hear it too.\n"
                 "A refused load (/polar/policy/error, e.g. from polar live) shows file:line:col and the\n"
                 "message in a band at the bottom until the next /polar/policy/loaded.\n"
                 "--mode coaster rides the search tree instead (the Polarcoaster), live or from a trace.\n\n"
                 "Keys: F fullscreen, H heads-up display, L rule labels, Space freeze, T next theme,\n"
                 "V squares or coaster (the search tree as a ride: hover a node for its rule, click to pin),\n"
                 "1-9 recall a preset, Shift+1-9 store one, B blackout, Tab tap tempo, Up/Down zoom,\n"
                 "Left/Right hue, S screenshot (polar-viewer-NNN.png in --shots DIR), Q or Esc quit.\n"
                 "Every control is also an OSC message (/viewer/zoom 1.5 ...; viewer/README.md lists them,\n"
                 "and --oscquery-port serves the list to controllers). The window is resizable."};
    addDisplayOptions(app, o);
    addHeadlessOptions(app, o);
    addLookOptions(app, o);
    addSoundOptions(app, o);
    CLI::Option* controlPort = nullptr;
    CLI::Option* queryPort = nullptr;
    addControlOptions(app, o, controlPort, queryPort);
    addRideOptions(app, o);
    app.footer("With --screenshot but without --headless, the picture is taken from the real window.\n"
               "Windows and pictures need an X display (xvfb-run -a without one); --headless with only\n"
               "--sound-out/--sound needs none.\n"
               "Exit codes: 0 done (a sound-only run of a live stream or of a --loop ended by --timeout or a\n"
               "signal is done too); 2 bad usage, no X display, cannot listen, replay or write (or out of memory);\n"
               "3 timed out, or a --screenshot taken while the stack stayed empty; 130 interrupted\n"
               "(SIGINT or SIGTERM).");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 numbers its errors (105 for a value out of range...);
        // the documented contract is 0 for --help, kExitUsage for any bad usage.
        const int code = app.exit(e);
        std::exit(code == 0 ? 0 : kExitUsage);
    }
    o.controlPortSet = controlPort->count() > 0;
    o.oscqueryPortSet = queryPort->count() > 0;
    if (const std::string problem = crossCheck(o); !problem.empty()) {
        std::cerr << "polar-viewer: " << problem << "\n";
        std::exit(kExitUsage);
    }
    if (o.frames > 0 && o.outDir.empty()) o.outDir = ".";
    return o;
}

} // namespace polar::viewer
