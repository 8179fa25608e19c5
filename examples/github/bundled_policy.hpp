// bundled_policy.hpp — github.polar compiled into the program, so
// polar-github runs from any directory. CMake generates the definition
// from github.polar (bundled_policy.cpp.in) and regenerates it whenever the
// policy changes.
#pragma once

#include <string_view>

namespace github {

std::string_view bundledPolicy();

} // namespace github
