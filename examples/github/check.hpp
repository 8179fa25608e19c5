// check.hpp — one authorization check named on the command line
// (`polar-github --check steve invite osohq`), shared by the program and
// the unit tests.
#pragma once

#include <polar/polar.hpp>
#include <string>

#include "model.hpp"

namespace github {

// The organization or repository ("org/repo") called `name`, as a borrowed
// query argument. A repository is looked up first: its name has a slash,
// an organization's never does. Throws std::invalid_argument when neither
// exists.
polar::Value resourceNamed(const DataSet& data, const std::string& name);

// The user called `name`; throws std::invalid_argument when there is none.
const User& userNamed(const DataSet& data, const std::string& name);

// isAllowed(user, action, resource), everything named. Throws
// std::invalid_argument for an unknown user or resource, polar::Error for
// whatever the query itself raises.
bool checkNamed(polar::Polar& polar, const DataSet& data, const std::string& user,
                const std::string& action, const std::string& resource);

} // namespace github
