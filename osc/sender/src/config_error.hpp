// config_error.hpp — every OSC configuration problem (a bad destination, an
// unknown option, an unresolvable host) is one polar::Error, so programs
// report it the way they report any other error.
#pragma once

#include <string>

#include "polar/error.hpp"

namespace polar::osc::detail {

inline polar::Error configError(std::string message) {
    return polar::Error(ErrorKind::Operational, "OscConfiguration", std::move(message));
}

} // namespace polar::osc::detail
