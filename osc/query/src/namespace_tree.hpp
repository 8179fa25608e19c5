// namespace_tree.hpp — the OSC namespace as a tree, and its JSON.
//
// Built once from the flat list of nodes: every path's prefixes become
// containers, so "/viewer/zoom" alone gives "/" > "viewer" > "zoom". Only
// values change afterwards, so lookups walk a fixed tree. Not thread-safe:
// the server holds its mutex around every call (a request reads a few
// dozen nodes; the lock is never held across I/O).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "polar/osc/oscquery.hpp"

namespace polar::oscquery::detail {

struct TreeEntry {
    std::string fullPath;
    std::optional<Node> method;  // set for a listed node; containers have none
    std::map<std::string, std::unique_ptr<TreeEntry>, std::less<>> children;
};

// An answer to one HTTP GET: status and body (empty for 204).
struct Reply {
    unsigned status = 200;
    std::string body;
};

class NamespaceTree {
public:
    // Throws std::runtime_error for a path that is not absolute, is "/", has
    // an empty segment or appears twice.
    NamespaceTree(std::string rootDescription, std::vector<Node> nodes);

    const TreeEntry* find(std::string_view path) const;
    // Updates a method's VALUE; false for an unknown path.
    bool setValue(std::string_view path, const Value& value);

    // GET path?query (query empty: the whole subtree). HOST_INFO is the
    // server's business and is not answered here.
    Reply get(std::string_view path, std::string_view query) const;

private:
    nlohmann::json describe(const TreeEntry& entry) const;
    TreeEntry m_root;
};

// A VALUE item as JSON: a float goes through its shortest decimal form, so
// 0.1f reads 0.1 and not 0.10000000149011612.
nlohmann::json valueJson(const Value& value);

} // namespace polar::oscquery::detail
