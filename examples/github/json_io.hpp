// json_io.hpp — what polar-github writes for the Oso comparison
// (oso/check_against_oso.js reads both files).
//
// Data set:  {"options": {...}, "organizations": [{"name"}],
//             "repositories": [{"name", "org"}],
//             "users": [{"name", "orgRoles": [{"role", "orgName"}],
//                                "repoRoles": [{"role", "repoName"}]}]}
// Sample:    {"checks": [{"actor", "action", "resourceType", "resource",
//                         "allowed", "actions": [...]}]}
// Objects are named, never indexed, so the JSON reads on its own.
#pragma once

#include <cstdint>
#include <polar/polar.hpp>
#include <string>

#include "dataset.hpp"
#include "workload.hpp"

namespace github {

// Both throw std::runtime_error when the file cannot be written.
void writeDataSet(const std::string& path, const DataSet& data, const DataSetOptions& options);
// Runs the first `count` checks of `workload` (isAllowed and
// authorizedActions for each) and writes them; returns how many were allowed.
std::uint64_t writeSample(const std::string& path, polar::Polar& polar, const DataSet& data,
                          Workload& workload, std::uint64_t count);

} // namespace github
