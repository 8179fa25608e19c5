// environment.cpp — POLAR_OSC: broadcast any program's queries without code.
//
// A program that links polar_osc gets this object file whole (CMake links
// its library with WHOLE_ARCHIVE, because nothing refers to it by name and a
// plain static link would drop it). Its static initializer reads POLAR_OSC
// once, at startup; when it is set, it registers a default observer factory
// so that every polar::Polar created afterwards owns an OscBroadcaster of
// its own (one per Polar: each VM thread gets its own single-producer
// queue). When it is unset, nothing is registered and nothing is paid.
//
// A bad POLAR_OSC must not take the program down — the program did not ask
// for OSC, its environment did — so problems are printed once on stderr and
// OSC stays off.
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

#include "polar/error.hpp"
#include "polar/osc/broadcaster.hpp"
#include "polar/polar.hpp"

namespace polar::osc {
namespace {

void warn(const std::string& problem) {
    std::cerr << "polar: ignoring POLAR_OSC: " << problem << std::endl;
}

// Returns a broadcaster, or nothing (after one warning) when the
// destinations cannot be used, e.g. a name that does not resolve.
std::shared_ptr<Observer> makeBroadcaster(const OscOptions& options) {
    // Polars may be created on several threads at once.
    static std::atomic<bool> warned{false};
    try {
        return std::make_shared<OscBroadcaster>(options);
    } catch (const std::exception& error) {
        if (!warned.exchange(true)) warn(error.what());
        return nullptr;
    }
}

bool installFromEnvironment() {
    const char* spec = std::getenv("POLAR_OSC");
    if (!spec || !*spec || std::string_view(spec) == "0" || std::string_view(spec) == "off")
        return false;
    try {
        addDefaultObserverFactory(
            [options = parseOscSpec(spec)] { return makeBroadcaster(options); });
        return true;
    } catch (const std::exception& error) {
        warn(error.what());
        return false;
    }
}

// The static initializer itself; tests/osc/env_attach_test.cpp proves the
// linker keeps it, by its effect (it cannot name it without pulling it in).
[[maybe_unused]] const bool g_installed = installFromEnvironment();

} // namespace

} // namespace polar::osc
