// workload.hpp — a deterministic stream of authorization checks.
//
// A mix says how often each action is asked, as `action:weight` pairs:
// "pull:40,push:25,invite:15,create_repo:15,delete:5". invite and
// create_repo are checked on organizations, every other action on
// repositories; an action the policy does not know (delete) is simply
// denied, which keeps the deny path busy.
//
// Half of the checks pick a resource the user is related to (one of the
// user's role assignments, or a repository of such an organization), the
// other half any resource: uniform picks alone would deny almost everything
// on a large data set.
#pragma once

#include <cstdint>
#include <polar/polar.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.hpp"
#include "rng.hpp"

namespace github {

struct MixEntry {
    std::string action;
    unsigned weight = 0;
};
using Mix = std::vector<MixEntry>;

inline constexpr std::string_view kDefaultMix = "pull:40,push:25,invite:15,create_repo:15,delete:5";

// Throws std::invalid_argument on a malformed mix or one whose weights sum to 0.
Mix parseMix(std::string_view text);

enum class ResourceKind { Organization, Repository };
ResourceKind resourceKindOf(std::string_view action);

struct Check {
    std::size_t user = 0;
    std::string_view action; // points into the Workload's mix
    ResourceKind kind = ResourceKind::Repository;
    std::size_t resource = 0; // index into DataSet::orgs or DataSet::repos
};

class Workload {
public:
    // The data set must outlive the workload; it needs at least one user,
    // and one resource of each kind the mix asks about.
    Workload(const DataSet& data, Mix mix, std::uint64_t seed);
    Check next();

private:
    std::size_t relatedResource(const User& user, ResourceKind kind);

    const DataSet& m_data;
    Mix m_mix;
    std::uint64_t m_totalWeight = 0;
    Rng m_rng;
    std::unordered_map<std::string_view, std::size_t> m_orgIndex;
    std::unordered_map<std::string_view, std::size_t> m_repoIndex;
    std::vector<std::vector<std::size_t>> m_reposByOrg; // by organization index
};

// Polar's decision for one check.
bool decide(polar::Polar& polar, const DataSet& data, const Check& check);
// The same decision through authorizedActions(user, resource): whether the
// check's action is among them (`--measure actions` times this call).
bool decideByActions(polar::Polar& polar, const DataSet& data, const Check& check);
// "user3 pull org1/repo4"
std::string describe(const DataSet& data, const Check& check);
const std::string& resourceName(const DataSet& data, const Check& check);

} // namespace github
