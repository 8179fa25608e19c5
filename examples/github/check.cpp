// check.cpp — see check.hpp.
#include "check.hpp"

#include <stdexcept>

namespace github {

polar::Value resourceNamed(const DataSet& data, const std::string& name) {
    if (const Repository* repo = data.findRepo(name)) return polar::hostArgument(*repo);
    if (const Organization* org = data.findOrg(name)) return polar::hostArgument(*org);
    throw std::invalid_argument("no organization or repository named '" + name + "'");
}

const User& userNamed(const DataSet& data, const std::string& name) {
    const User* user = data.findUser(name);
    if (!user) throw std::invalid_argument("no user named '" + name + "'");
    return *user;
}

bool checkNamed(polar::Polar& polar, const DataSet& data, const std::string& user,
                const std::string& action, const std::string& resource) {
    // Both looked up before the query, so an unknown name is a usage
    // error, not a silent deny.
    const User& actor = userNamed(data, user);
    const polar::Value target = resourceNamed(data, resource);
    return polar.isAllowed(actor, action, target);
}

} // namespace github
