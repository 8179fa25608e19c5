#include "display_check.hpp"

#include <cstdlib>

// Xlib last: its macros (None, Status, Bool...) must not leak into anything.
#include <X11/Xlib.h>

namespace polar::viewer {

DisplayCheck::DisplayCheck() : m_display(XOpenDisplay(nullptr)) {}

DisplayCheck::~DisplayCheck() {
    if (m_display) XCloseDisplay(static_cast<Display*>(m_display));
}

std::string DisplayCheck::problem() const {
    if (m_display) return {};
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') return "cannot open an X display (DISPLAY is unset)";
    return std::string("cannot open the X display '") + name + "'";
}

} // namespace polar::viewer
