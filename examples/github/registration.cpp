// registration.cpp — the one place where C++ classes meet the policy.
//
// Every name used after a dot in github.polar is listed here, and nothing
// else is: Polar can reach only what is registered.
#include "registration.hpp"

#include "bundled_policy.hpp"

namespace github {

void registerClasses(polar::Polar& polar) {
    polar.registerClass(polar::Class<Organization>("Organization")
                            .attribute("name", &Organization::name)
                            .repr([](const Organization& o) { return "Organization(" + o.name + ")"; }));

    polar.registerClass(polar::Class<Repository>("Repository")
                            .attribute("name", &Repository::name)
                            // A reference result borrows: `org = repo.org` compares
                            // the very Organization object, no copy per lookup.
                            .attribute("org", [](const Repository& r) -> const Organization& {
                                return *r.org;
                            })
                            .repr([](const Repository& r) { return "Repository(" + r.name + ")"; }));

    polar.registerClass(polar::Class<OrgRole>("OrgRole")
                            .attribute("role", &OrgRole::role)
                            .attribute("orgName", &OrgRole::orgName));

    polar.registerClass(polar::Class<RepoRole>("RepoRole")
                            .attribute("role", &RepoRole::role)
                            .attribute("repoName", &RepoRole::repoName));

    polar.registerClass(polar::Class<User>("User")
                            .attribute("name", &User::name)
                            // std::vector<OrgRole> becomes a Polar list of OrgRole
                            // instances, which `role in user.orgRoles` walks.
                            .attribute("orgRoles", &User::orgRoles)
                            .attribute("repoRoles", &User::repoRoles)
                            .repr([](const User& u) { return "User(" + u.name + ")"; }));
}

void loadPolicy(polar::Polar& polar, const std::string& policyFile) {
    registerClasses(polar);
    if (policyFile.empty()) {
        polar.loadString(bundledPolicy(), "github.polar");
    } else {
        polar.loadFile(policyFile);
    }
}

} // namespace github
