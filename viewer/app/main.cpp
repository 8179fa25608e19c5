// polar-viewer — listens for Polar AV's OSC stream and draws it.
//
// The receiver runs on its own thread (osc/'s OscReceiver); each frame the
// render loop takes what arrived since the last one, applies it to the Scene
// and draws the Scene. A flood of events costs Scene updates, never frames.
// Headless mode draws to an off-screen texture and writes PNGs; SFML 2.5
// still needs an X display for that, so run it under xvfb-run. Whatever
// draws is checked for a display first (display_check.hpp), before the
// input opens: no display is a clean exit 2 naming the fix, not SFML's
// abort after "listening". With --sound or --sound-out the same events also
// drive the built-in synthesis (viewer/sound); headless with only those,
// nothing is drawn and no display is needed. The three loops live in
// run_window.cpp, run_headless.cpp and run_sound_only.cpp (run.hpp).
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <new>

#include "display_check.hpp"
#include "performance.hpp"
#include "polar/osc/osc_receiver.hpp"
#include "pump.hpp"
#include "renderer.hpp"
#include "replay_source.hpp"
#include "run.hpp"
#include "sound_stream.hpp"
#include "trace_source.hpp"
#include "viewer_options.hpp"

namespace polar::viewer {

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onStopSignal(int) { g_stop = 1; }

} // namespace

void catchStopSignals() {
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

bool stopRequested() { return g_stop != 0; }

int outOfMemory(const char* what) {
    std::cerr << "polar-viewer: error: out of memory while " << what << "\n";
    return kExitError;
}

} // namespace polar::viewer

namespace pv = polar::viewer;

namespace {

// --theme list prints the themes; an unknown name is bad usage. Only names
// are checked here: building a theme needs the display checked below.
int checkTheme(const std::string& name) {
    std::string names;
    for (const auto& theme : pv::themeList()) {
        if (name == "list") std::cout << theme.name << "\t" << theme.description << "\n";
        if (theme.name == name) return -1;
        names += (names.empty() ? "" : ", ") + std::string(theme.name);
    }
    if (name == "list") return pv::kExitDone;
    std::cerr << "polar-viewer: --theme: no theme '" << name << "' (themes: " << names
              << "; --theme list describes them)\n";
    return pv::kExitUsage;
}

int runViewer(const pv::ViewerOptions& o) {
    if (o.listControls) {
        pv::printControls(std::cout);
        return pv::kExitDone;
    }
    if (const int code = checkTheme(o.theme); code >= 0) return code;
    const bool soundOnly = o.headless && o.frames == 0 && o.screenshot.empty();
    // The performer's controls: a bad --preset file is bad usage, said
    // before anything opens (the display included).
    std::unique_ptr<pv::Performance> performance;
    try {
        performance = std::make_unique<pv::Performance>(o);
    } catch (const std::runtime_error& e) {
        std::cerr << "polar-viewer: " << e.what() << "\n";
        return pv::kExitUsage;
    }
    // Held until the run ends (display_check.hpp says why).
    std::unique_ptr<pv::DisplayCheck> display;
    if (!soundOnly) {
        display = std::make_unique<pv::DisplayCheck>();
        if (const std::string problem = display->problem(); !problem.empty()) {
            std::cerr << "polar-viewer: error: " << problem
                      << "; run under xvfb-run -a, or use --headless --sound-out FILE, which needs none\n";
            return pv::kExitError;
        }
    }
    std::unique_ptr<polar::osc::OscReceiver> receiver;
    std::unique_ptr<polar::osc::OscReceiver> controlReceiver;
    std::unique_ptr<pv::ReplaySource> replay;
    std::unique_ptr<pv::TraceSource> trace;
    try {
        if (!o.trace.empty()) {
            trace = std::make_unique<pv::TraceSource>(
                o.trace, std::chrono::microseconds(static_cast<long long>(o.tracePace * 1e6)));
        } else if (!o.replay.empty()) {
            replay = std::make_unique<pv::ReplaySource>(o.replay);
        } else {
            polar::osc::ReceiverOptions ro;
            ro.address = o.bind;
            ro.port = o.port;
            receiver = std::make_unique<polar::osc::OscReceiver>(ro);
        }
        if (o.controlPortSet) {
            polar::osc::ReceiverOptions ro;
            ro.address = o.bind;
            ro.port = o.controlPort;
            try {
                controlReceiver = std::make_unique<polar::osc::OscReceiver>(ro);
            } catch (const std::exception& e) {
                std::cerr << "polar-viewer: cannot take controls on " << o.bind << ":" << o.controlPort << ": "
                          << e.what() << "\n";
                return pv::kExitError;
            }
        }
    } catch (const std::bad_alloc&) {
        return pv::outOfMemory(o.replay.empty() ? "starting the receiver" : "reading the recording");
    } catch (const std::exception& e) {
        if (!o.trace.empty())
            std::cerr << "polar-viewer: cannot ride the trace: " << e.what() << "\n";
        else if (replay || !o.replay.empty())
            std::cerr << "polar-viewer: cannot replay " << o.replay << ": " << e.what() << "\n";
        else
            std::cerr << "polar-viewer: cannot listen on " << o.bind << ":" << o.port << ": " << e.what() << "\n";
        return pv::kExitError;
    }
    std::unique_ptr<pv::SoundOutput> sound;
    if (o.sound || !o.soundOut.empty()) {
        try {
            pv::sound::SynthConfig synth;
            synth.bpm = o.bpm;
            if (o.followPace) synth.tempoMode = pv::sound::TempoMode::FollowSender;
            sound = std::make_unique<pv::SoundOutput>(o.sound, o.soundOut, o.soundRate, synth);
        } catch (const std::bad_alloc&) {
            return pv::outOfMemory("starting the sound");
        } catch (const std::exception& e) {
            std::cerr << "polar-viewer: " << e.what() << "\n";
            return pv::kExitError;
        }
    }
    // A WAV must be finished and a headless run must write what it has, so
    // there Ctrl-C and SIGTERM end the loop instead of the process. A plain
    // window keeps the default: the signal ends it at once.
    if (!o.soundOut.empty() || o.headless) pv::catchStopSignals();
    pv::StageConfig stageConfig;
    stageConfig.scene.colorEaseSeconds = o.colorEase;
    if (o.unsafeFlashes) stageConfig.scene.flashesPerSecond = 0;
    pv::Stage stage(stageConfig);
    pv::Renderer renderer;
    const std::string font = o.font.empty() ? pv::kDefaultFont : o.font;
    if (!soundOnly && !renderer.loadFont(font))
        std::cerr << "polar-viewer: no font at " << font << " (install fonts-dejavu-core); labels and HUD are off\n";
    pv::HudInfo hud;
    hud.source = receiver ? "udp " + receiver->describe() : trace ? "trace " + o.trace : "replay " + o.replay;
    pv::Pump pump{.receiver = receiver.get(), .replay = replay.get(), .stage = stage, .sound = sound.get(),
                  .trace = trace.get()};
    pump.loop = o.loop;
    pump.controlReceiver = controlReceiver.get();
    pump.performance = performance.get();
    if (receiver) std::cout << "polar-viewer: listening on " << receiver->describe() << std::endl;
    else if (trace)
        std::cout << "polar-viewer: riding " << o.trace << " (" << trace->size() - 1 << " events from "
                  << trace->counters().traceLines << " trace lines" << (o.loop ? ", looping" : "")
                  << (trace->truncated() ? "; only its first 200000 events" : "") << ")" << std::endl;
    else std::cout << "polar-viewer: replaying " << o.replay << (o.loop ? " (looping)" : "") << std::endl;
    if (controlReceiver) std::cout << "polar-viewer: controls on " << controlReceiver->describe() << std::endl;
    {
        const std::uint16_t oscPort = controlReceiver ? controlReceiver->port() : receiver ? receiver->port() : 0;
        try {
            performance->serveOscQuery(o, oscPort, o.oscqueryPortSet);
        } catch (const std::runtime_error& e) {
            std::cerr << "polar-viewer: " << e.what() << "\n";
            return pv::kExitError;
        }
    }
    int code = 0;
    try {
        std::unique_ptr<pv::Show> show;
        if (!soundOnly) {
            // The theme a preset recalled at start wins over --theme.
            show = std::make_unique<pv::Show>(renderer, pv::makeTheme(o.theme), !o.unsafeFlashes);
            performance->tick(0, stage, show.get(), sound.get());
        }
        code = soundOnly ? pv::runSoundOnly(o, pump)
             : o.headless ? pv::runHeadless(o, pump, *show, hud)
                          : pv::runWindow(o, pump, *show, hud);
        if (!soundOnly) pv::printSources(std::cout, stage);
        if (!o.treeOut.empty() && !pv::writeTrees(o.treeOut, stage)) {
            std::cerr << "polar-viewer: cannot write " << o.treeOut << "\n";
            code = code == pv::kExitDone ? pv::kExitError : code;
        }
        // Whatever ended the run (done, timeout, Q, a signal), the WAV gets
        // its tail and a finished header.
        if (sound) sound->finish(pv::kSoundTailSeconds);
    } catch (const std::bad_alloc&) {
        return pv::outOfMemory(soundOnly ? "rendering the sound" : "drawing");
    } catch (const std::exception& e) {
        std::cerr << "polar-viewer: " << e.what() << "\n";
        return pv::kExitError;
    }
    return code;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return runViewer(pv::parseOptions(argc, argv));
    } catch (const std::bad_alloc&) {
        return pv::outOfMemory("starting");
    }
}
