// json_io.cpp — see json_io.hpp.
#include "json_io.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "registration.hpp"

namespace github {

namespace {

using nlohmann::json;

void writeJson(const std::string& path, const json& document) {
    std::ofstream out(path);
    out << document.dump(1) << '\n';
    if (!out) throw std::runtime_error("cannot write " + path);
}

} // namespace

void writeDataSet(const std::string& path, const DataSet& data, const DataSetOptions& options) {
    json orgs = json::array();
    for (const Organization& org : data.orgs) orgs.push_back({{"name", org.name}});
    json repos = json::array();
    for (const Repository& repo : data.repos)
        repos.push_back({{"name", repo.name}, {"org", repo.org->name}});
    json users = json::array();
    for (const User& user : data.users) {
        json orgRoles = json::array();
        for (const OrgRole& r : user.orgRoles)
            orgRoles.push_back({{"role", r.role}, {"orgName", r.orgName}});
        json repoRoles = json::array();
        for (const RepoRole& r : user.repoRoles)
            repoRoles.push_back({{"role", r.role}, {"repoName", r.repoName}});
        users.push_back({{"name", user.name}, {"orgRoles", orgRoles}, {"repoRoles", repoRoles}});
    }
    json document = {
        {"options",
         {{"users", options.users},
          {"orgs", options.orgs},
          {"repos", options.repos},
          {"rolesPerUser", options.rolesPerUser},
          {"seed", options.seed}}},
        {"organizations", orgs},
        {"repositories", repos},
        {"users", users},
    };
    writeJson(path, document);
}

std::uint64_t writeSample(const std::string& path, polar::Polar& polar, const DataSet& data,
                          Workload& workload, std::uint64_t count) {
    json checks = json::array();
    std::uint64_t allowed = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        Check check = workload.next();
        bool allow = decide(polar, data, check);
        allowed += allow ? 1 : 0;

        const User& user = data.users[check.user];
        bool onOrg = check.kind == ResourceKind::Organization;
        polar::Value resource =
            onOrg ? borrowed(data.orgs[check.resource]) : borrowed(data.repos[check.resource]);
        json actions = json::array();
        for (const polar::Value& action : polar.authorizedActions(borrowed(user), resource)) {
            actions.push_back(action.asString());
        }
        checks.push_back({{"actor", user.name},
                          {"action", std::string(check.action)},
                          {"resourceType", onOrg ? "Organization" : "Repository"},
                          {"resource", resourceName(data, check)},
                          {"allowed", allow},
                          {"actions", actions}});
    }
    writeJson(path, {{"checks", checks}});
    return allowed;
}

} // namespace github
