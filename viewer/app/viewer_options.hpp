// viewer_options.hpp — polar-viewer's command line.
//
// Every number is checked while parsing (polar/flags/cli.hpp), its range
// in --help and in the message: `--width: 100000 is above the 8192 cap
// (range 1..8192)`. Bad usage exits 2, as for polar, polar-github and
// polar-osc.
#pragma once

#include <cstdint>
#include <chrono>
#include <string>

#include "polar/flags/parse.hpp"

namespace polar::viewer {

namespace flags = polar::flags;

// Window and image sides: an 8192 x 8192 RGBA off-screen texture is
// already 256 MiB, and 8,192 (or 16,384) is what most GPUs allow a
// texture (GL_MAX_TEXTURE_SIZE); past it SFML fails or memory runs out.
inline constexpr unsigned kMaxSide = 8192;
// --timeout and --report-seconds: durations (20ms, 1.5s, 2m, 1h; a bare
// number is seconds, as these options always read it), a millisecond to a
// year. Deadlines are kept on the steady clock in 64-bit nanoseconds (292
// years), and no performance runs a year in one go; the cap keeps 1e300
// from wrapping.
inline constexpr flags::DurationRange kTimeoutRange{std::chrono::milliseconds(1),
                                                    std::chrono::hours(24 * 365), false, true};
inline constexpr flags::DurationRange kReportRange{std::chrono::milliseconds(1),
                                                   std::chrono::hours(24 * 365), true, true};
// --contact-sheet keeps every written frame in memory until the end
// (width x height x 4 bytes each): at most 1 GiB of them, so --frames
// cannot ask for more memory than a machine has.
inline constexpr std::uint64_t kMaxContactSheetBytes = std::uint64_t{1} << 30;
// --color-ease: 0 (a cut) to 10 s. Past ten seconds a branch's colour is
// still arriving when the next dozen have happened: the background stops
// saying anything about the search.
inline constexpr flags::DurationRange kColorEaseRange{std::chrono::milliseconds(1), std::chrono::seconds(10),
                                                      true, false};
// --bpm: 20 to 300 beats a minute, the span of music with a felt pulse
// (below 20 beats are heard as separate events, above 300 as a buzz of
// subdivisions), and of what a DAW's tempo field offers.
inline constexpr flags::RealRange kBpmRange{20, 300};

// The OSCQuery service's port: next to the event port's 9000, so a
// controller finds both; TCP, so it never collides with the UDP ports.
inline constexpr std::uint16_t kDefaultOscQueryPort = 9001;
// --trace-pace: a millisecond (a trace flies by) to ten seconds an event
// (a lecture's pace: each node explained before the next).
// --alternate: a second (a quick look at both) to an hour (an
// installation that changes its face now and then).
inline constexpr flags::DurationRange kAlternateRange{std::chrono::seconds(1), std::chrono::hours(1), true, false};
inline constexpr flags::DurationRange kTracePaceRange{std::chrono::milliseconds(1), std::chrono::seconds(10),
                                                      false, false};

struct ViewerOptions {
    std::uint16_t port = 9000;
    std::string bind = "127.0.0.1";
    bool fullscreen = false;
    std::string replay;  // --replay FILE: a polar-osc recording instead of the network
    bool loop = false;   // --loop: play the recording again and again, each pass from its start
    std::string shots = ".";  // --shots DIR: where the S key writes polar-viewer-NNN.png
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
    std::uint64_t afterQueries = 0;  // ...or once this many queries ended (--after-queries)
    double timeout = 60;          // headless runs end after this many seconds, whatever happens
    double reportSeconds = 0;     // window: run this long, then print frame and event rates and exit
    // The built-in synthesis (viewer/sound).
    bool sound = false;           // --sound: play it on the sound card
    std::string soundOut;         // --sound-out FILE: render it to a 16-bit stereo WAV
    unsigned soundRate = 44100;   // --sound-rate: 44100 or 48000
    // Look and feel (the lead wires these to the themes and the synthesis).
    std::string theme = "neon";   // --theme NAME: checked against the theme list by the caller
    bool unsafeFlashes = false;   // --unsafe-flashes: lift the flash limiter (WCAG 2.3.1's 3 a second)
    double colorEase = 0.8;       // --color-ease: seconds a background colour change takes (0..10)
    double bpm = 120;             // --bpm: the sound's tempo grid, beats a minute (20..300)
    bool followPace = false;      // --follow-pace: the grid follows a paced sender's own tempo
    // Control (viewer/README.md, "Control"): /viewer/... messages on the
    // event port, and on --control-port when given (0: a free one).
    bool controlPortSet = false;
    std::uint16_t controlPort = 0;
    // --oscquery-port: the OSCQuery HTTP/WebSocket service (0: none).
    std::uint16_t oscqueryPort = kDefaultOscQueryPort;
    bool oscqueryPortSet = false;
    std::string preset;           // --preset FILE: a bank of presets 1..9 (read, and written by store)
    bool midi = false;            // --midi: MIDI in (learn, clock, notes)
    std::string midiApi = "auto"; // --midi-api auto|jack|alsa
    std::string midiPort;         // --midi-port NAME: also connect the output ports whose name holds NAME
    std::string midiMap;          // --midi-map FILE: the learned CC bindings (read, and written on learn)
    bool listControls = false;    // --controls: print the /viewer/... table (Markdown) and exit
    // The Polarcoaster (issue 16): what is drawn, a trace file as the input,
    // its pace, a mouse position for pictures, the trees written at the end.
    std::string mode = "squares"; // --mode squares|coaster (V switches live; /viewer/mode)
    std::string trace;            // --trace FILE: a POLAR_LOG trace instead of the network
    double tracePace = 0.25;      // --trace-pace: seconds between a trace's events
    std::string hover;            // --hover X,Y: the mouse there (fractions of the frame)...
    bool hoverSet = false;        // ...parsed into these
    double hoverX = 0, hoverY = 0;
    std::string treeOut;          // --tree-out FILE: each lane's search tree as text, at the end
    double alternate = 0;         // --alternate DURATION: switch modes every DURATION (0: never)
};

// Exit codes of bad usage and of --help.
inline constexpr int kExitUsage = 2;

// Parses argv; prints help or errors and exits (0 for --help, kExitUsage
// for bad usage).
ViewerOptions parseOptions(int argc, char** argv);

} // namespace polar::viewer
