// display_check.hpp — is there an X display to draw on?
//
// SFML 2.5 needs one for a window and for an off-screen texture alike, and
// without one it aborts the whole process ("Failed to open X11 display",
// SIGABRT) from deep inside its first GL call — after the receiver has
// started and "listening" was printed. polar-viewer asks first, with the
// same call SFML makes (XOpenDisplay), and refuses cleanly instead.
// Sound-only runs never ask: they draw nothing.
//
// The connection is held until the run ends, not closed at once: Xvfb (as
// xvfb-run starts it) resets when its last client leaves, and SFML's own
// XOpenDisplay a moment later can land in that reset and abort — it did,
// one run in two, in tests/viewer/shots_test.sh.
#pragma once

#include <string>

namespace polar::viewer {

class DisplayCheck {
public:
    DisplayCheck();  // opens the display named by $DISPLAY, if it can
    ~DisplayCheck();
    DisplayCheck(const DisplayCheck&) = delete;
    DisplayCheck& operator=(const DisplayCheck&) = delete;

    // An empty string when the display opened; otherwise what is wrong,
    // e.g. "cannot open an X display (DISPLAY is unset)".
    std::string problem() const;

private:
    void* m_display = nullptr;  // Display*, kept out of this header with Xlib's macros
};

} // namespace polar::viewer
