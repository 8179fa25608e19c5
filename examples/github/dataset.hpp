// dataset.hpp — a generated, deterministic GitHub-like data set.
//
// The same options and seed always give the same users, organizations,
// repositories and role assignments, on every machine: the Oso comparison
// and the memory test depend on that.
#pragma once

#include <cstdint>

#include "model.hpp"

namespace github {

struct DataSetOptions {
    std::size_t users = 100;
    std::size_t orgs = 10;
    std::size_t repos = 50;
    std::size_t rolesPerUser = 3;
    std::uint64_t seed = 1;
};

// Organizations `org0`..; repository i belongs to organization i % orgs and
// is named `orgK/repoI`; users `user0`.. each get rolesPerUser assignments,
// a third of them on organizations (1 in 4 as owner) and the rest directly
// on repositories (2 in 5 as writer). Throws std::invalid_argument when
// there are users but no organization to give them roles on.
DataSet generateDataSet(const DataSetOptions& options);

} // namespace github
