// namespace_tree.cpp — see namespace_tree.hpp. Attribute names and the
// status codes are the proposal's: 404 for no such path, 400 for an
// attribute it does not define (or we do not support), 204 for one this
// node lacks or may not give (VALUE when ACCESS says unreadable).
#include "namespace_tree.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

namespace polar::oscquery::detail {

using nlohmann::json;

namespace {

// Every attribute a node object may carry. HOST_INFO is answered by the
// server; anything else is a 400.
constexpr std::array<std::string_view, 8> kAttributes{
    "FULL_PATH", "CONTENTS", "TYPE", "ACCESS", "VALUE", "RANGE", "DESCRIPTION", "UNIT"};

bool isKnownAttribute(std::string_view name) {
    for (std::string_view known : kAttributes)
        if (known == name) return true;
    return false;
}

bool readable(const Node& node) {
    return node.access == kRead || node.access == kReadWrite;
}

json rangeJson(const Node& node) {
    json item = json::object();
    if (!node.choices.empty()) item["VALS"] = node.choices;
    if (node.min) item["MIN"] = *node.min;
    if (node.max) item["MAX"] = *node.max;
    return json::array({item});
}

bool hasRange(const Node& node) {
    return !node.choices.empty() || node.min || node.max;
}

} // namespace

json valueJson(const Value& value) {
    return std::visit(
        [](const auto& v) -> json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, float>) {
                std::array<char, 32> text{};
                auto [end, ec] = std::to_chars(text.data(), text.data() + text.size(), v);
                if (ec != std::errc{}) return static_cast<double>(v);
                return std::stod(std::string(text.data(), end));
            } else {
                return v;
            }
        },
        value);
}

NamespaceTree::NamespaceTree(std::string rootDescription, std::vector<Node> nodes) {
    m_root.fullPath = std::string(1, '/'); // not = "/": GCC 12 -Wrestrict false positive
    m_root.method = Node{"/", "", kNoAccess, std::move(rootDescription), {}, {}, {}, {}, {}};
    for (Node& node : nodes) {
        if (node.path.size() < 2 || node.path.front() != '/' || node.path.back() == '/')
            throw std::runtime_error("OSCQuery: bad node path '" + node.path + "'");
        TreeEntry* entry = &m_root;
        std::size_t start = 1;
        while (start <= node.path.size()) {
            std::size_t end = node.path.find('/', start);
            if (end == std::string::npos) end = node.path.size();
            std::string name = node.path.substr(start, end - start);
            if (name.empty()) throw std::runtime_error("OSCQuery: bad node path '" + node.path + "'");
            auto& child = entry->children[name];
            if (!child) {
                child = std::make_unique<TreeEntry>();
                child->fullPath = node.path.substr(0, end);
            }
            entry = child.get();
            start = end + 1;
        }
        if (entry->method) throw std::runtime_error("OSCQuery: two nodes at '" + node.path + "'");
        entry->method = std::move(node);
    }
}

const TreeEntry* NamespaceTree::find(std::string_view path) const {
    if (path.empty() || path.front() != '/') return nullptr;
    if (path.size() > 1 && path.back() == '/') path.remove_suffix(1); // "/viewer/" is "/viewer"
    const TreeEntry* entry = &m_root;
    std::size_t start = 1;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        auto it = entry->children.find(path.substr(start, end - start));
        if (it == entry->children.end()) return nullptr;
        entry = it->second.get();
        start = end + 1;
    }
    return entry;
}

bool NamespaceTree::setValue(std::string_view path, const Value& value) {
    auto* entry = const_cast<TreeEntry*>(find(path));
    if (!entry || !entry->method || entry == &m_root) return false;
    entry->method->value = value;
    return true;
}

json NamespaceTree::describe(const TreeEntry& entry) const {
    json out = json::object();
    out["FULL_PATH"] = entry.fullPath;
    if (entry.method) {
        const Node& node = *entry.method;
        if (!node.description.empty()) out["DESCRIPTION"] = node.description;
        if (&entry != &m_root) out["ACCESS"] = node.access;
        if (!node.type.empty()) out["TYPE"] = node.type;
        if (node.value && readable(node)) out["VALUE"] = json::array({valueJson(*node.value)});
        if (hasRange(node)) out["RANGE"] = rangeJson(node);
        if (!node.unit.empty()) out["UNIT"] = json::array({node.unit});
    }
    if (!entry.children.empty()) {
        json contents = json::object();
        for (const auto& [name, child] : entry.children) contents[name] = describe(*child);
        out["CONTENTS"] = std::move(contents);
    }
    return out;
}

Reply NamespaceTree::get(std::string_view path, std::string_view query) const {
    const TreeEntry* entry = find(path);
    if (!entry) return {404, json{{"ERROR", "no OSC node at this path"}}.dump()};
    json whole = describe(*entry);
    if (query.empty()) return {200, whole.dump()};
    if (!isKnownAttribute(query))
        return {400, json{{"ERROR", "unknown attribute"}}.dump()};
    // describe() leaves out what the node lacks, VALUE when unreadable too.
    auto it = whole.find(std::string(query));
    if (it == whole.end()) return {204, {}};
    return {200, json{{std::string(query), *it}}.dump()};
}

} // namespace polar::oscquery::detail
