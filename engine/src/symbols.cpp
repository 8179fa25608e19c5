#include "symbols.hpp"

#include <cstring>

namespace polar::detail {
namespace {

// A multiply-and-fold hash over 8-byte words: symbols are short (names,
// roles, actions), and this costs a few instructions a word. The last
// partial word is read as two overlapping 4-byte loads, or three bytes.
std::uint64_t load(const unsigned char* p, std::size_t bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, bytes);  // a constant size: one load, not a call
    return word;
}

std::uint64_t hashText(std::string_view s) {
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        h = (h ^ load(p, 8)) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    std::uint64_t tail = 0;
    if (n >= 4)
        tail = load(p, 4) | (load(p + n - 4, 4) << 32);
    else if (n > 0)
        tail = p[0] | (std::uint64_t{p[n / 2]} << 8) | (std::uint64_t{p[n - 1]} << 16);
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

} // namespace

std::uint32_t SymbolTable::intern(std::string_view text) {
    const std::uint64_t hash = hashText(text);
    if (!m_slots.empty()) {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint32_t entry = m_slots[i];
            if (entry == 0) break;
            if (m_hashes[entry - 1] == hash && m_texts[entry - 1] == text) return entry - 1;
        }
    }
    const auto id = static_cast<std::uint32_t>(m_texts.size());
    m_texts.emplace_back(text);
    m_hashes.push_back(hash);
    if (2 * m_texts.size() > m_slots.size())
        grow();  // re-slots every id, this one included
    else
        place(id);
    return id;
}

void SymbolTable::grow() {
    m_slots.assign(m_slots.empty() ? 64 : 2 * m_slots.size(), 0);
    for (std::uint32_t id = 0; id < m_hashes.size(); ++id) place(id);
}

void SymbolTable::place(std::uint32_t id) {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = m_hashes[id] & mask;
    while (m_slots[i] != 0) i = (i + 1) & mask;
    m_slots[i] = id + 1;
}

} // namespace polar::detail
