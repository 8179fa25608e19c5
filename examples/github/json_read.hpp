// json_read.hpp — inside readDataSet() (json_io.hpp): the checks on each
// element of a data-set file, apart from the streaming parser that feeds
// them (json_sax.cpp). Not part of the example's interface.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.hpp"

namespace github::json_read {

// "FILE: WHERE: WHAT", WHERE a JSON-pointer-like path ("/users/3/name").
[[noreturn]] void fail(const std::string& file, const std::string& where, const std::string& what);

using NameIndex = std::unordered_map<std::string, std::size_t>;

// What is kept between elements: repositories and roles name
// organizations and repositories that may come later in the file, so names
// are resolved, and pointers taken, once everything has been read.
struct Pending {
    DataSet data;
    std::vector<std::string> repoOrgs; // the organization named by repository i
    NameIndex orgs, repos, users;
    std::size_t roles = 0;
};

// "organizations", "repositories" or "users": the sections read.
bool isSection(std::string_view key);

// Checks one element of `section` (number `index`) and keeps it. Throws
// std::runtime_error naming `file` and the place.
void addElement(Pending& pending, const std::string& section, std::size_t index,
                const nlohmann::json& element, const std::string& file);

// Every name resolved, repositories pointed at their organizations.
DataSet resolve(Pending& pending, const std::string& file);

} // namespace github::json_read
