// arg_index.cpp — see arg_index.hpp.
#include "arg_index.hpp"

namespace polar::detail {
namespace {

// Keys are small integers and symbol ids more often than not: a
// multiplicative mix spreads consecutive keys over the whole table.
std::uint64_t mix(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return key;
}

} // namespace

std::size_t ArgIndex::slotOf(std::uint64_t key) const {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = mix(key) & mask;
    while (m_slots[at].count != 0 && m_slots[at].key != key) at = (at + 1) & mask;
    return at;
}

void ArgIndex::build(const std::vector<Entry>& entries) {
    std::size_t keyedCount = 0;
    for (const Entry& e : entries) keyedCount += e.keyed;
    // Twice the keys at least, so a probe ends after ~1.5 slots on average.
    std::size_t size = 16;
    while (size < 2 * keyedCount) size *= 2;
    m_slots.assign(size, Slot{});
    m_open.clear();
    // Pass 1: count the clauses per key.
    for (const Entry& e : entries) {
        if (!e.keyed) continue;
        Slot& s = m_slots[slotOf(e.key)];
        s.key = e.key;
        ++s.count;
    }
    // Pass 2: each key's group starts where the previous one's ends.
    std::uint32_t next = 0;
    for (Slot& s : m_slots) {
        s.begin = next;
        next += s.count;
    }
    // Pass 3: fill the groups in source order; `begin` walks forward as the
    // group fills and is put back afterwards.
    m_keyed.assign(keyedCount, 0);
    for (std::uint32_t ordinal = 0; ordinal < entries.size(); ++ordinal) {
        const Entry& e = entries[ordinal];
        if (!e.keyed) {
            m_open.push_back(ordinal);
            continue;
        }
        m_keyed[m_slots[slotOf(e.key)].begin++] = ordinal;
    }
    for (Slot& s : m_slots) s.begin -= s.count;
    m_built = true;
}

std::span<const std::uint32_t> ArgIndex::keyed(std::uint64_t key) const {
    const Slot& s = m_slots[slotOf(key)];
    if (s.count == 0) return {};
    return {m_keyed.data() + s.begin, s.count};
}

} // namespace polar::detail
