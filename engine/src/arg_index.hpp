// arg_index.hpp — the clauses of a predicate by the constant in one argument.
//
// Built on the first call that can use it (KnowledgeBase::argIndex), read on
// every call after. Flat, not a hash map of vectors: the ordinals of all
// keyed clauses sit in one array grouped by key (source order inside a
// group), and an open-addressing table maps a key to its group. Built in
// three passes over the clauses with no allocation per key. For 1,000,000
// facts `fact(k, 7k)` the map of vectors took ~90 bytes a clause and 0.9 s
// to build; this takes 36 bytes a clause (4 in `keyed`, a 16-byte slot at
// most half full) and a tenth of the time.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace polar::detail {

class ArgIndex {
public:
    // One clause's key at this position, or none (it accepts anything there).
    struct Entry {
        std::uint64_t key;
        bool keyed;
    };
    // entries[ordinal]: what the clause of that ordinal has at the position.
    void build(const std::vector<Entry>& entries);
    bool built() const { return m_built; }
    // No clause has a constant here (`rbac_role(user, "r1", resource)`: the
    // first and last positions): nothing to look up.
    bool empty() const { return m_keyed.empty(); }

    // Ordinals of the clauses whose constant here has `key`, ascending.
    std::span<const std::uint32_t> keyed(std::uint64_t key) const;
    // Ordinals of the clauses with no constant here, ascending.
    std::span<const std::uint32_t> open() const { return m_open; }

private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t begin = 0;
        std::uint32_t count = 0;  // 0: the slot is empty
    };
    std::size_t slotOf(std::uint64_t key) const;

    bool m_built = false;
    std::vector<Slot> m_slots;  // a power of two long, at most half full
    std::vector<std::uint32_t> m_keyed;
    std::vector<std::uint32_t> m_open;
};

} // namespace polar::detail
