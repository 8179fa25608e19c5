// dataset.cpp — see dataset.hpp.
#include "dataset.hpp"

#include <algorithm>
#include <stdexcept>

#include "rng.hpp"

namespace github {

namespace {

template <class T>
const T* findByName(const std::vector<T>& items, const std::string& name) {
    auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const User* DataSet::findUser(const std::string& name) const { return findByName(users, name); }
const Organization* DataSet::findOrg(const std::string& name) const {
    return findByName(orgs, name);
}
const Repository* DataSet::findRepo(const std::string& name) const {
    return findByName(repos, name);
}

DataSet generateDataSet(const DataSetOptions& options) {
    if (options.orgs == 0 &&
        (options.repos > 0 || (options.users > 0 && options.rolesPerUser > 0))) {
        throw std::invalid_argument("repositories and roles need at least one organization");
    }
    Rng rng(options.seed);
    DataSet data;

    // Every vector is sized before any pointer into it is taken.
    data.orgs.reserve(options.orgs);
    for (std::size_t i = 0; i < options.orgs; ++i) {
        data.orgs.push_back({"org" + std::to_string(i)});
    }
    data.repos.reserve(options.repos);
    for (std::size_t i = 0; i < options.repos; ++i) {
        const Organization& org = data.orgs[i % options.orgs];
        data.repos.push_back({org.name + "/repo" + std::to_string(i), &org});
    }

    data.users.reserve(options.users);
    for (std::size_t i = 0; i < options.users; ++i) {
        User user{"user" + std::to_string(i), {}, {}};
        for (std::size_t r = 0; r < options.rolesPerUser; ++r) {
            // With no repositories every role is an organization role.
            if (data.repos.empty() || rng.chance(33)) {
                const Organization& org = data.orgs[rng.below(data.orgs.size())];
                user.orgRoles.push_back({rng.chance(25) ? "owner" : "member", org.name});
            } else {
                const Repository& repo = data.repos[rng.below(data.repos.size())];
                user.repoRoles.push_back({rng.chance(40) ? "writer" : "reader", repo.name});
            }
        }
        data.users.push_back(std::move(user));
    }
    return data;
}

} // namespace github
