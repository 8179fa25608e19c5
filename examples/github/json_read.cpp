// json_read.cpp — see json_read.hpp.
#include "json_read.hpp"

#include <stdexcept>

namespace github::json_read {

namespace {

using nlohmann::json;

// The generator's caps (options.hpp: kMaxUsers, kMaxRoleAssignments...), so
// a file cannot ask for more than the command line may.
constexpr std::size_t kMaxObjects = 1'000'000;
constexpr std::size_t kMaxRoles = 5'000'000;

const json& field(const json& object, const char* key, const std::string& where,
                  const std::string& file) {
    if (!object.is_object()) fail(file, where, "expected an object");
    auto it = object.find(key);
    if (it == object.end()) fail(file, where, std::string("missing field \"") + key + "\"");
    return *it;
}

std::string stringField(const json& object, const char* key, const std::string& where,
                        const std::string& file) {
    const json& value = field(object, key, where, file);
    if (!value.is_string()) fail(file, where + "/" + key, "expected a string");
    std::string text = value.get<std::string>();
    if (text.empty()) fail(file, where + "/" + key, "empty name");
    return text;
}

const json& arrayField(const json& object, const char* key, const std::string& where,
                       const std::string& file) {
    const json& value = field(object, key, where, file);
    if (!value.is_array()) fail(file, where + "/" + key, "expected an array");
    return value;
}

void addName(NameIndex& index, const std::string& name, const std::string& where,
             const std::string& file) {
    if (!index.emplace(name, index.size()).second)
        fail(file, where, "duplicate name \"" + name + "\"");
}

void addUser(Pending& pending, const json& element, const std::string& where,
             const std::string& file) {
    User user{stringField(element, "name", where, file), {}, {}};
    addName(pending.users, user.name, where + "/name", file);
    const json& orgRoles = arrayField(element, "orgRoles", where, file);
    const json& repoRoles = arrayField(element, "repoRoles", where, file);
    pending.roles += orgRoles.size() + repoRoles.size();
    if (pending.roles > kMaxRoles)
        fail(file, where, "more than " + std::to_string(kMaxRoles) + " role assignments in all");
    for (std::size_t r = 0; r < orgRoles.size(); ++r) {
        const std::string at = where + "/orgRoles/" + std::to_string(r);
        user.orgRoles.push_back({stringField(orgRoles[r], "role", at, file),
                                 stringField(orgRoles[r], "orgName", at, file)});
    }
    for (std::size_t r = 0; r < repoRoles.size(); ++r) {
        const std::string at = where + "/repoRoles/" + std::to_string(r);
        user.repoRoles.push_back({stringField(repoRoles[r], "role", at, file),
                                  stringField(repoRoles[r], "repoName", at, file)});
    }
    pending.data.users.push_back(std::move(user));
}

// A role's organization or repository must exist: a typo in a hand-written
// file would otherwise be a silent deny.
void resolveRoles(const Pending& pending, const std::string& file) {
    for (std::size_t u = 0; u < pending.data.users.size(); ++u) {
        const User& user = pending.data.users[u];
        const std::string where = "/users/" + std::to_string(u);
        for (std::size_t r = 0; r < user.orgRoles.size(); ++r)
            if (!pending.orgs.count(user.orgRoles[r].orgName))
                fail(file, where + "/orgRoles/" + std::to_string(r),
                     "no organization named \"" + user.orgRoles[r].orgName + "\"");
        for (std::size_t r = 0; r < user.repoRoles.size(); ++r)
            if (!pending.repos.count(user.repoRoles[r].repoName))
                fail(file, where + "/repoRoles/" + std::to_string(r),
                     "no repository named \"" + user.repoRoles[r].repoName + "\"");
    }
}

} // namespace

void fail(const std::string& file, const std::string& where, const std::string& what) {
    throw std::runtime_error(file + ": " + (where.empty() ? "" : where + ": ") + what);
}

bool isSection(std::string_view key) {
    return key == "organizations" || key == "repositories" || key == "users";
}

void addElement(Pending& pending, const std::string& section, std::size_t index,
                const json& element, const std::string& file) {
    const std::string where = "/" + section + "/" + std::to_string(index);
    if (index >= kMaxObjects)
        fail(file, where, "more than " + std::to_string(kMaxObjects) + " " + section);
    if (section == "organizations") {
        pending.data.orgs.push_back({stringField(element, "name", where, file)});
        addName(pending.orgs, pending.data.orgs.back().name, where + "/name", file);
    } else if (section == "repositories") {
        // The pointer waits for resolve(): data.orgs may still grow.
        pending.data.repos.push_back({stringField(element, "name", where, file), nullptr});
        pending.repoOrgs.push_back(stringField(element, "org", where, file));
        addName(pending.repos, pending.data.repos.back().name, where + "/name", file);
    } else {
        addUser(pending, element, where, file);
    }
}

DataSet resolve(Pending& pending, const std::string& file) {
    // data.orgs is complete: trimmed now, pointers into it stay valid from
    // here on, and across the move out, which keeps the buffer.
    pending.data.orgs.shrink_to_fit();
    pending.data.repos.shrink_to_fit();
    pending.data.users.shrink_to_fit();
    for (std::size_t i = 0; i < pending.data.repos.size(); ++i) {
        auto org = pending.orgs.find(pending.repoOrgs[i]);
        if (org == pending.orgs.end())
            fail(file, "/repositories/" + std::to_string(i) + "/org",
                 "no organization named \"" + pending.repoOrgs[i] + "\"");
        pending.data.repos[i].org = &pending.data.orgs[org->second];
    }
    resolveRoles(pending, file);
    return std::move(pending.data);
}

} // namespace github::json_read
