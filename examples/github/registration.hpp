// registration.hpp — the example's classes as Polar classes. Application
// objects need no wrapping to be query arguments: a reference is borrowed
// (polar/host_arguments.hpp), and the DataSet outlives every query.
#pragma once

#include <polar/polar.hpp>
#include <string>
#include <string_view>

#include "model.hpp"

namespace github {

// Registers User, Organization, Repository, OrgRole and RepoRole with the
// names the policy uses. Call before loading the policy: resource blocks and
// specializers are checked against the registered classes at load time.
void registerClasses(polar::Polar& polar);

// Registers the classes, then loads the bundled github.polar (or, when
// policyFile is not empty, that file instead). Throws polar::Error.
void loadPolicy(polar::Polar& polar, const std::string& policyFile = {});

} // namespace github
