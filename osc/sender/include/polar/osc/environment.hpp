// polar/osc/environment.hpp — the broadcaster POLAR_OSC attached, if any.
//
// When POLAR_OSC is set, every polar::Polar of the process is attached to
// one shared OscBroadcaster (one sender thread, one set of sockets), made on
// first use: the first Polar constructed, or the first call below. A
// program can read its stats() or flush() it through this handle.
#pragma once

#include <memory>

#include "polar/osc/broadcaster.hpp"

namespace polar::osc {

// The process's POLAR_OSC broadcaster, created now if it was not yet; null
// when POLAR_OSC is unset, empty, 0 or off, or could not be used (then a
// warning was printed once). Thread-safe. The broadcaster lives until the
// last Polar holding it and this process's static destructors are gone.
std::shared_ptr<OscBroadcaster> environmentBroadcaster();

} // namespace polar::osc
