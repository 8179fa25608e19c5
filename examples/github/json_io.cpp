// json_io.cpp — see json_io.hpp. Both files are streamed, one array element
// at a time: building the whole document first took ~13 times the data
// set's memory (4 GB peak for 1,000,000 users), and a sample's document
// grew with every check before anything was written.
#include "json_io.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

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

// ---- reading ---------------------------------------------------------------

namespace {

// The generator's caps (options.hpp: kMaxUsers...), so a file cannot ask
// for more than the command line may; a file above kMaxFileBytes is refused
// before it is read (the largest data set the caps allow writes ~0.6 GB).
constexpr std::size_t kMaxObjects = 1'000'000;
constexpr std::size_t kMaxRoles = 5'000'000;
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 30;
// The format nests four deep ({users: [{orgRoles: [{...}]}]}); anything far
// deeper is hostile, refused before it costs memory or stack.
constexpr int kMaxDepth = 16;

// Errors say "FILE: WHERE: WHAT", WHERE a JSON-pointer-like path.
[[noreturn]] void fail(const std::string& name, const std::string& where, const std::string& what) {
    throw std::runtime_error(name + ": " + (where.empty() ? "" : where + ": ") + what);
}

const json& field(const json& object, const char* key, const std::string& where,
                  const std::string& name) {
    if (!object.is_object()) fail(name, where, "expected an object");
    auto it = object.find(key);
    if (it == object.end()) fail(name, where, std::string("missing field \"") + key + "\"");
    return *it;
}

std::string stringField(const json& object, const char* key, const std::string& where,
                        const std::string& name) {
    const json& value = field(object, key, where, name);
    if (!value.is_string()) fail(name, where + "/" + key, "expected a string");
    std::string text = value.get<std::string>();
    if (text.empty()) fail(name, where + "/" + key, "empty name");
    return text;
}

const json& arrayField(const json& object, const char* key, const std::string& where,
                       const std::string& name, std::size_t cap) {
    const json& value = field(object, key, where, name);
    if (!value.is_array()) fail(name, where + "/" + key, "expected an array");
    if (value.size() > cap)
        fail(name, where + "/" + key,
             std::to_string(value.size()) + " entries, above the cap of " + std::to_string(cap));
    return value;
}

// Unique names, and a way back from a name to its index.
using NameIndex = std::unordered_map<std::string, std::size_t>;

void addName(NameIndex& index, const std::string& text, const std::string& where,
             const std::string& name) {
    if (!index.emplace(text, index.size()).second)
        fail(name, where, "duplicate name \"" + text + "\"");
}

json parseJson(std::string_view text, const std::string& name) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail(name, "", "empty file");
    const json::parser_callback_t depthGuard = [&name](int depth, json::parse_event_t, json&) {
        if (depth > kMaxDepth) fail(name, "", "nested deeper than " + std::to_string(kMaxDepth));
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), depthGuard);
    } catch (const json::exception& error) {
        fail(name, "", std::string("not valid JSON: ") + error.what());
    }
}

void readUsers(const json& root, const NameIndex& orgs, const NameIndex& repos, DataSet& data,
               const std::string& name) {
    const json& users = arrayField(root, "users", "", name, kMaxObjects);
    NameIndex seen;
    std::size_t roles = 0;
    data.users.reserve(users.size());
    for (std::size_t i = 0; i < users.size(); ++i) {
        const std::string where = "/users/" + std::to_string(i);
        User user{stringField(users[i], "name", where, name), {}, {}};
        addName(seen, user.name, where + "/name", name);
        const json& orgRoles = arrayField(users[i], "orgRoles", where, name, kMaxRoles);
        const json& repoRoles = arrayField(users[i], "repoRoles", where, name, kMaxRoles);
        roles += orgRoles.size() + repoRoles.size();
        if (roles > kMaxRoles)
            fail(name, where,
                 "more than " + std::to_string(kMaxRoles) + " role assignments in all");
        for (std::size_t r = 0; r < orgRoles.size(); ++r) {
            const std::string at = where + "/orgRoles/" + std::to_string(r);
            OrgRole role{stringField(orgRoles[r], "role", at, name),
                         stringField(orgRoles[r], "orgName", at, name)};
            if (!orgs.count(role.orgName))
                fail(name, at, "no organization named \"" + role.orgName + "\"");
            user.orgRoles.push_back(std::move(role));
        }
        for (std::size_t r = 0; r < repoRoles.size(); ++r) {
            const std::string at = where + "/repoRoles/" + std::to_string(r);
            RepoRole role{stringField(repoRoles[r], "role", at, name),
                          stringField(repoRoles[r], "repoName", at, name)};
            if (!repos.count(role.repoName))
                fail(name, at, "no repository named \"" + role.repoName + "\"");
            user.repoRoles.push_back(std::move(role));
        }
        data.users.push_back(std::move(user));
    }
}

} // namespace

DataSet parseDataSet(std::string_view text, const std::string& name) {
    const json root = parseJson(text, name);
    if (!root.is_object()) fail(name, "", "expected an object at the top");
    DataSet data;
    NameIndex orgs;
    const json& orgList = arrayField(root, "organizations", "", name, kMaxObjects);
    data.orgs.reserve(orgList.size());
    for (std::size_t i = 0; i < orgList.size(); ++i) {
        const std::string where = "/organizations/" + std::to_string(i);
        data.orgs.push_back({stringField(orgList[i], "name", where, name)});
        addName(orgs, data.orgs.back().name, where + "/name", name);
    }
    // data.orgs is complete: pointers into it stay valid from here on (and
    // across the move out, which keeps the buffer).
    NameIndex repos;
    const json& repoList = arrayField(root, "repositories", "", name, kMaxObjects);
    data.repos.reserve(repoList.size());
    for (std::size_t i = 0; i < repoList.size(); ++i) {
        const std::string where = "/repositories/" + std::to_string(i);
        std::string repoName = stringField(repoList[i], "name", where, name);
        const std::string orgName = stringField(repoList[i], "org", where, name);
        auto org = orgs.find(orgName);
        if (org == orgs.end())
            fail(name, where + "/org", "no organization named \"" + orgName + "\"");
        addName(repos, repoName, where + "/name", name);
        data.repos.push_back({std::move(repoName), &data.orgs[org->second]});
    }
    readUsers(root, orgs, repos, data, name);
    return data;
}

DataSet readDataSet(const std::string& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) throw std::runtime_error("cannot read " + path + ": " + error.message());
    if (size > kMaxFileBytes)
        fail(path, "",
             std::to_string(size) + " bytes, above the cap of " + std::to_string(kMaxFileBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw std::runtime_error("cannot read " + path);
    return parseDataSet(text, path);
}

} // namespace github
