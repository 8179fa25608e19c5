// workload.cpp — see workload.hpp.
#include "workload.hpp"

#include <optional>
#include <stdexcept>

#include "polar/flags/parse.hpp"
#include "registration.hpp"

namespace github {

namespace {

std::optional<std::size_t> indexOf(const std::unordered_map<std::string_view, std::size_t>& index,
                                   std::string_view name) {
    auto it = index.find(name);
    return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

} // namespace

Mix parseMix(std::string_view text) {
    Mix mix;
    std::uint64_t total = 0; // 64 bits: a sum of 32-bit weights cannot wrap
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);

        std::size_t colon = item.find(':');
        MixEntry entry;
        entry.action = std::string(item.substr(0, colon));
        if (entry.action.empty() || colon == std::string_view::npos) {
            throw std::invalid_argument("bad mix entry '" + std::string(item) +
                                        "': expected action:weight, e.g. pull:40");
        }
        try {
            entry.weight = static_cast<unsigned>(
                polar::flags::parseWhole(item.substr(colon + 1), polar::flags::wholeRange<unsigned>()));
        } catch (const polar::flags::BadValue& error) {
            throw std::invalid_argument("bad mix entry '" + std::string(item) + "': " + error.what());
        }
        total += entry.weight;
        mix.push_back(std::move(entry));
    }
    if (total == 0) throw std::invalid_argument("the mix needs at least one positive weight");
    return mix;
}

ResourceKind resourceKindOf(std::string_view action) {
    return action == "invite" || action == "create_repo" ? ResourceKind::Organization
                                                         : ResourceKind::Repository;
}

Workload::Workload(const DataSet& data, Mix mix, std::uint64_t seed)
    : m_data(data), m_mix(std::move(mix)), m_rng(seed) {
    for (const MixEntry& entry : m_mix) {
        m_totalWeight += entry.weight;
        bool onOrgs = resourceKindOf(entry.action) == ResourceKind::Organization;
        if (entry.weight > 0 && (onOrgs ? m_data.orgs.empty() : m_data.repos.empty())) {
            throw std::invalid_argument("the mix asks for '" + entry.action +
                                        "' but there are no " +
                                        (onOrgs ? "organizations" : "repositories"));
        }
    }
    if (m_data.users.empty()) throw std::invalid_argument("the workload needs at least one user");

    // Indexes by name, so that picking a related resource costs O(1) even on
    // a data set of millions of repositories.
    m_reposByOrg.resize(m_data.orgs.size());
    for (std::size_t i = 0; i < m_data.orgs.size(); ++i) m_orgIndex.emplace(m_data.orgs[i].name, i);
    for (std::size_t i = 0; i < m_data.repos.size(); ++i) {
        const Repository& repo = m_data.repos[i];
        m_repoIndex.emplace(repo.name, i);
        if (repo.org)
            m_reposByOrg[static_cast<std::size_t>(repo.org - m_data.orgs.data())].push_back(i);
    }
}

Check Workload::next() {
    Check check;
    check.user = m_rng.below(m_data.users.size());
    std::uint64_t pick = m_rng.below(m_totalWeight);
    for (const MixEntry& entry : m_mix) {
        if (pick < entry.weight) {
            check.action = entry.action;
            break;
        }
        pick -= entry.weight;
    }
    check.kind = resourceKindOf(check.action);
    std::size_t count =
        check.kind == ResourceKind::Organization ? m_data.orgs.size() : m_data.repos.size();
    check.resource = m_rng.chance(50) ? relatedResource(m_data.users[check.user], check.kind)
                                      : m_rng.below(count);
    return check;
}

// A resource reachable from one of the user's role assignments; any resource
// when the user has none, or when the assignment names nothing in the data.
std::size_t Workload::relatedResource(const User& user, ResourceKind kind) {
    std::size_t count =
        kind == ResourceKind::Organization ? m_data.orgs.size() : m_data.repos.size();
    std::size_t roles = user.orgRoles.size() + user.repoRoles.size();
    if (roles == 0) return m_rng.below(count);

    std::size_t pick = m_rng.below(roles);
    std::optional<std::size_t> org;
    if (pick < user.orgRoles.size()) {
        org = indexOf(m_orgIndex, user.orgRoles[pick].orgName);
    } else {
        std::optional<std::size_t> repo =
            indexOf(m_repoIndex, user.repoRoles[pick - user.orgRoles.size()].repoName);
        if (repo && kind == ResourceKind::Repository) return *repo;
        if (repo) org = static_cast<std::size_t>(m_data.repos[*repo].org - m_data.orgs.data());
    }
    if (!org) return m_rng.below(count);
    if (kind == ResourceKind::Organization) return *org;
    const std::vector<std::size_t>& repos = m_reposByOrg[*org];
    return repos.empty() ? m_rng.below(count) : repos[m_rng.below(repos.size())];
}

const std::string& resourceName(const DataSet& data, const Check& check) {
    return check.kind == ResourceKind::Organization ? data.orgs[check.resource].name
                                                    : data.repos[check.resource].name;
}

// The objects go in as references: Polar borrows them for the one check.
bool decide(polar::Polar& polar, const DataSet& data, const Check& check) {
    const User& user = data.users[check.user];
    if (check.kind == ResourceKind::Organization)
        return polar.isAllowed(user, check.action, data.orgs[check.resource]);
    return polar.isAllowed(user, check.action, data.repos[check.resource]);
}

bool decideByActions(polar::Polar& polar, const DataSet& data, const Check& check) {
    const User& user = data.users[check.user];
    const std::vector<polar::Value> actions =
        check.kind == ResourceKind::Organization ? polar.authorizedActions(user, data.orgs[check.resource])
                                                 : polar.authorizedActions(user, data.repos[check.resource]);
    for (const polar::Value& action : actions)
        if (action.isString() && action.asString() == check.action) return true;
    return false;
}

std::string describe(const DataSet& data, const Check& check) {
    return data.users[check.user].name + " " + std::string(check.action) + " " +
           resourceName(data, check);
}

} // namespace github
