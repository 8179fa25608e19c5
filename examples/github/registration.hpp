// registration.hpp — the example's classes as Polar classes, and the
// helpers that turn application objects into query arguments.
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

// An application object as a Polar value, borrowed, not copied: checks run
// thousands of times a second and the DataSet outlives every query.
template <class T>
polar::Value borrowed(const T& object) {
    // Instance::borrow takes a T&; the policy can only reach the registered
    // attributes, which read and never write, so the object stays unchanged.
    return polar::Value(polar::Instance::borrow(const_cast<T&>(object)));
}

} // namespace github
