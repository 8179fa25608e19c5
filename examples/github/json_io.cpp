// json_io.cpp — see json_io.hpp; the reader is json_sax.cpp. Both files are streamed, one array element
// at a time: building the whole document first took ~13 times the data
// set's memory (4 GB peak for 1,000,000 users), and a sample's document
// grew with every check before anything was written.
#include "json_io.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "registration.hpp"

namespace github {

namespace {

using nlohmann::json;

std::ofstream openForWriting(const std::string& path) {
    std::ofstream out(path);
    if (!out) throw std::runtime_error("cannot write " + path);
    return out;
}

void finishWriting(std::ofstream& out, const std::string& path) {
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + path);
}

// `"key": [` element, element... `]`, one element a line; `toJson` makes
// each element's json just before it is written.
template <class Items, class ToJson>
void writeArray(std::ostream& out, const char* key, const Items& items, ToJson toJson) {
    out << " \"" << key << "\": [";
    bool first = true;
    for (const auto& item : items) {
        out << (first ? "\n  " : ",\n  ") << toJson(item).dump();
        first = false;
    }
    out << (first ? "]" : "\n ]");
}

json userJson(const User& user) {
    json orgRoles = json::array();
    for (const OrgRole& r : user.orgRoles) orgRoles.push_back({{"role", r.role}, {"orgName", r.orgName}});
    json repoRoles = json::array();
    for (const RepoRole& r : user.repoRoles)
        repoRoles.push_back({{"role", r.role}, {"repoName", r.repoName}});
    return {{"name", user.name}, {"orgRoles", orgRoles}, {"repoRoles", repoRoles}};
}

} // namespace

void writeDataSet(const std::string& path, const DataSet& data, const DataSetOptions& options) {
    std::ofstream out = openForWriting(path);
    const json header = {{"users", options.users},
                         {"orgs", options.orgs},
                         {"repos", options.repos},
                         {"rolesPerUser", options.rolesPerUser},
                         {"seed", options.seed}};
    out << "{\n \"options\": " << header.dump() << ",\n";
    writeArray(out, "organizations", data.orgs,
               [](const Organization& org) { return json{{"name", org.name}}; });
    out << ",\n";
    writeArray(out, "repositories", data.repos, [](const Repository& repo) {
        return json{{"name", repo.name}, {"org", repo.org->name}};
    });
    out << ",\n";
    writeArray(out, "users", data.users, userJson);
    out << "\n}\n";
    finishWriting(out, path);
}

std::uint64_t writeSample(const std::string& path, polar::Polar& polar, const DataSet& data,
                          Workload& workload, std::uint64_t count) {
    std::ofstream out = openForWriting(path); // before the checks: fail early
    std::uint64_t allowed = 0;
    out << "{\n \"checks\": [";
    for (std::uint64_t i = 0; i < count; ++i) {
        Check check = workload.next();
        bool allow = decide(polar, data, check);
        allowed += allow ? 1 : 0;

        const User& user = data.users[check.user];
        bool onOrg = check.kind == ResourceKind::Organization;
        polar::Value resource = onOrg ? polar::hostArgument(data.orgs[check.resource])
                                      : polar::hostArgument(data.repos[check.resource]);
        json actions = json::array();
        for (const polar::Value& action : polar.authorizedActions(user, resource)) {
            actions.push_back(action.asString());
        }
        const json line = {{"actor", user.name},
                           {"action", std::string(check.action)},
                           {"resourceType", onOrg ? "Organization" : "Repository"},
                           {"resource", resourceName(data, check)},
                           {"allowed", allow},
                           {"actions", actions}};
        out << (i == 0 ? "\n  " : ",\n  ") << line.dump();
    }
    out << (count == 0 ? "]\n}\n" : "\n ]\n}\n");
    finishWriting(out, path);
    return allowed;
}

} // namespace github
