// cli/policy_loader.hpp — load the policy files named on the command line.
//
// Files load one by one, in the order given, as Oso's loadFiles does. The
// first error stops the load: later files usually build on earlier ones,
// so their errors would mostly be echoes of the first.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "polar/polar.hpp"

namespace polar::cli {

// Prints warnings as they appear and the first error (Error::format()), or
// `out of memory while loading FILE`; returns false when a file failed to
// load.
bool loadPolicies(polar::Polar& polar, const std::vector<std::string>& files,
                  std::ostream& err);

} // namespace polar::cli
