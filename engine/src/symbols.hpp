// symbols.hpp — interned strings.
//
// Predicate names, dictionary keys, class names and string values are all
// interned once into 32-bit ids, so the solver compares names with one
// integer comparison and a string cell is as small as an integer cell.
// Interning is per knowledge base and never forgets: strings that come from
// a host at run time are few and repeat (user names, actions), and a
// forgetting table would cost a reference count on every cell copy.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace polar::detail {

class SymbolTable {
public:
    std::uint32_t intern(std::string_view text);
    const std::string& text(std::uint64_t id) const { return m_texts[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return m_texts.size(); }

private:
    // A deque keeps references stable as it grows; the map's keys view into it.
    std::deque<std::string> m_texts;
    std::unordered_map<std::string_view, std::uint32_t> m_ids;
};

} // namespace polar::detail
