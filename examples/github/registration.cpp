// registration.cpp — the one place where C++ classes meet the policy.
//
// Every name used after a dot in github.polar is listed here, and nothing
// else is: Polar can reach only what is registered.
#include "registration.hpp"

#include <vector>

#include "bundled_policy.hpp"

namespace github {

namespace {

// A role list as a Polar list of borrowed instances. Registering the data
// member itself (`.attribute("orgRoles", &User::orgRoles)`) works too, but
// copies every OrgRole on every lookup, because a returned value is copied;
// borrowing is safe here since the user outlives the query, and it makes
// the whole workload about a third faster.
template <class T>
polar::Value borrowedList(const std::vector<T>& items) {
    polar::Value::List list;
    list.reserve(items.size());
    for (const T& item : items) list.push_back(polar::hostArgument(item));  // a reference: borrowed
    return polar::Value(std::move(list));
}

} // namespace

// Laid out by hand, one class per paragraph, so the registrations read as a
// table of what the policy may touch.
// clang-format off
void registerClasses(polar::Polar& polar) {
    polar.registerClass(polar::Class<Organization>("Organization")
        .attribute("name", &Organization::name)
        .repr([](const Organization& o) { return "Organization(" + o.name + ")"; }));

    polar.registerClass(polar::Class<Repository>("Repository")
        .attribute("name", &Repository::name)
        // A reference result borrows: `org = repo.org` compares the very
        // Organization object, with no copy per lookup.
        .attribute("org", [](const Repository& r) -> const Organization& { return *r.org; })
        .repr([](const Repository& r) { return "Repository(" + r.name + ")"; }));

    polar.registerClass(polar::Class<OrgRole>("OrgRole")
        .attribute("role", &OrgRole::role)
        .attribute("orgName", &OrgRole::orgName)
        .repr([](const OrgRole& r) { return "OrgRole(" + r.role + " of " + r.orgName + ")"; }));

    polar.registerClass(polar::Class<RepoRole>("RepoRole")
        .attribute("role", &RepoRole::role)
        .attribute("repoName", &RepoRole::repoName)
        .repr([](const RepoRole& r) { return "RepoRole(" + r.role + " of " + r.repoName + ")"; }));

    polar.registerClass(polar::Class<User>("User")
        .attribute("name", &User::name)
        // The lists that `role in user.orgRoles` walks.
        .attribute("orgRoles", [](const User& u) { return borrowedList(u.orgRoles); })
        .attribute("repoRoles", [](const User& u) { return borrowedList(u.repoRoles); })
        .repr([](const User& u) { return "User(" + u.name + ")"; }));
}
// clang-format on

void loadPolicy(polar::Polar& polar, const std::string& policyFile) {
    registerClasses(polar);
    if (policyFile.empty()) {
        polar.loadString(bundledPolicy(), "github.polar");
    } else {
        polar.loadFile(policyFile);
    }
}

} // namespace github
