// display_check.hpp — is there an X display to draw on?
//
// SFML 2.5 needs one for a window and for an off-screen texture alike, and
// without one it aborts the whole process ("Failed to open X11 display",
// SIGABRT) from deep inside its first GL call — after the receiver has
// started and "listening" was printed. polar-viewer asks first, with the
// same call SFML makes (XOpenDisplay), and refuses cleanly instead.
// Sound-only runs never ask: they draw nothing.
#pragma once

#include <string>

namespace polar::viewer {

// An empty string when an X display opens; otherwise what is wrong, e.g.
// "cannot open an X display (DISPLAY is unset)".
std::string displayProblem();

} // namespace polar::viewer
