// environment.cpp — POLAR_OSC: broadcast any program's queries without code.
//
// A program that links polar_osc gets this object file whole (CMake links
// its library with WHOLE_ARCHIVE, because nothing refers to it by name and a
// plain static link would drop it). Its static initializer reads POLAR_OSC
// once, at startup; when it is set, it registers a default observer factory
// so that every polar::Polar created afterwards is attached to the one
// broadcaster of the process. One, not one per Polar: a broadcaster costs a
// thread, sockets, a calibration and a 4 MiB ring (a Polar's lifetime went
// from ~36 µs to ~7 ms), and listeners could not tell the streams of
// separate broadcasters apart. The broadcaster takes events from several
// VM threads at once (a lane per thread, channel.hpp). It is made lazily,
// on the first Polar or environmentBroadcaster() call, under a function-
// local static, which C++ initializes exactly once even under races.
//
// A bad POLAR_OSC must not take the program down — the program did not ask
// for OSC, its environment did — so problems are printed once on stderr and
// OSC stays off.
#include "polar/osc/environment.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

#include "polar/error.hpp"
#include "polar/polar.hpp"

namespace polar::osc {
namespace {

void warn(const std::string& problem) {
    std::cerr << "polar: ignoring POLAR_OSC: " << problem << std::endl;
}

// Parsed once by the static initializer below (dynamic initialization of
// this translation unit runs in order: this first).
std::optional<OscOptions> g_options;

// Reads POLAR_OSC; on success stores the options and registers the factory.
bool installFromEnvironment() {
    const char* spec = std::getenv("POLAR_OSC");
    if (!spec || !*spec || std::string_view(spec) == "0" || std::string_view(spec) == "off")
        return false;
    try {
        g_options = parseOscSpec(spec);
        addDefaultObserverFactory([]() -> std::shared_ptr<Observer> { return environmentBroadcaster(); });
        return true;
    } catch (const std::exception& error) {
        g_options.reset();
        warn(error.what());
        return false;
    }
}

// The static initializer itself; tests/osc/env_attach_test.cpp proves the
// linker keeps it, by its effect (it cannot name it without pulling it in).
[[maybe_unused]] const bool g_installed = installFromEnvironment();

} // namespace

std::shared_ptr<OscBroadcaster> environmentBroadcaster() {
    static const std::shared_ptr<OscBroadcaster> shared = []() -> std::shared_ptr<OscBroadcaster> {
        if (!g_options) return nullptr;
        try {
            return std::make_shared<OscBroadcaster>(*g_options);
        } catch (const std::exception& error) {
            // E.g. a destination that does not resolve: said once, since
            // this runs once.
            warn(error.what());
            return nullptr;
        }
    }();
    return shared;
}

} // namespace polar::osc
