// symbols.hpp — interned strings.
//
// Predicate names, dictionary keys, class names and string values are all
// interned once into 32-bit ids, so the solver compares names with one
// integer comparison and a string cell is as small as an integer cell.
// Interning is per knowledge base and never forgets: strings that come from
// a host at run time are few and repeat (user names, actions), and a
// forgetting table would cost a reference count on every cell copy.
//
// The table is open addressing over the ids, with each text's hash kept
// beside it: every string a host attribute returns is interned (several
// per isAllowed decision), and std::unordered_map's string hash and node
// walk were a twentieth of a decision.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace polar::detail {

class SymbolTable {
public:
    std::uint32_t intern(std::string_view text);
    const std::string& text(std::uint64_t id) const { return m_texts[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return m_texts.size(); }

private:
    void grow();
    void place(std::uint32_t id);  // into the first free slot from its hash

    // A deque keeps references stable as it grows (text() hands them out).
    std::deque<std::string> m_texts;
    std::vector<std::uint64_t> m_hashes;  // by id
    std::vector<std::uint32_t> m_slots;   // id + 1, or 0 for empty; a power of two, at most half full
};

} // namespace polar::detail
