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
//
// readDataSet() reads the data set back (`polar-github --data FILE`), so a
// hand-written file such as hackathon.json runs the same checks. "options"
// is ignored on reading: the file is the data set.
#pragma once

#include <cstdint>
#include <polar/polar.hpp>
#include <string>
#include <string_view>

#include "dataset.hpp"
#include "workload.hpp"

namespace github {

// Both throw std::runtime_error when the file cannot be written.
void writeDataSet(const std::string& path, const DataSet& data, const DataSetOptions& options);
// Runs the first `count` checks of `workload` (isAllowed and
// authorizedActions for each) and writes them; returns how many were allowed.
std::uint64_t writeSample(const std::string& path, polar::Polar& polar, const DataSet& data,
                          Workload& workload, std::uint64_t count);

// Reads a data set written by writeDataSet (or by hand). Throws
// std::runtime_error naming `path` and what is wrong: not JSON, nested too
// deep, a missing field or one of the wrong type, a repository whose
// organization does not exist, a role on an unknown organization or
// repository, a duplicate name, more objects than --users/--orgs/--repos
// allow, a file above 512 MB. Streamed (json_sax.cpp): memory grows with
// the data set, not with the document. Never leaves a repository pointing
// at a moved organization.
DataSet readDataSet(const std::string& path);
// The same from text in memory; `name` stands for the file in messages.
DataSet parseDataSet(std::string_view text, const std::string& name);

} // namespace github
