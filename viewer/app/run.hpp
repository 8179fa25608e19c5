// run.hpp — what polar-viewer's three loops share: the stop flag, the exit
// codes, and the loops themselves.
//
// main.cpp opens the input (receiver or recording) and the sound, then
// hands a Pump to one loop: runWindow (a real window), runHeadless
// (off-screen pictures: --frames or --screenshot) or runSoundOnly
// (--headless with only --sound/--sound-out: nothing drawn, no display).
// Each loop checks the stop flag (SIGINT/SIGTERM) and its deadline
// (--timeout) every turn, so a run always ends with its files finished.
#pragma once

#include <csignal>

#include "pump.hpp"
#include "renderer.hpp"
#include "show.hpp"
#include "viewer_options.hpp"

namespace polar::viewer {

// Exit codes, documented in --help and the README.
inline constexpr int kExitDone = 0;
inline constexpr int kExitError = 2;  // bad usage, cannot listen, replay or write, out of memory
// Timed out (--timeout), or a --screenshot taken while the stack was still
// empty: the picture was written, but not the one that was asked for.
inline constexpr int kExitTimedOut = 3;
inline constexpr int kExitInterrupted = 130;  // SIGINT or SIGTERM (128 + SIGINT, as shells report it)

// The recording's sounds ring on after its last event; a WAV keeps that much
// more: the depth voice is gone within 0.8 s, and a second and a half of
// silence after it shows a listener (and a probe) that it is.
inline constexpr double kSoundTailSeconds = 1.5;

// SIGINT and SIGTERM set a flag instead of killing the process, so the loop
// in progress ends at its next turn with the WAV and pictures finished.
void catchStopSignals();
bool stopRequested();

// What std::bad_alloc becomes: a named stage and exit 2, never a bare
// terminate (a recording too large to hold, a contact sheet, a texture).
int outOfMemory(const char* what);

int runHeadless(const ViewerOptions& o, Pump& pump, Show& show, HudInfo& hud);
int runWindow(const ViewerOptions& o, Pump& pump, Show& show, HudInfo& hud);
int runSoundOnly(const ViewerOptions& o, Pump& pump);

} // namespace polar::viewer
