// event.hpp — one VM event as it travels from the VM thread to the sender.
//
// An Event is a fixed-size plain struct of exactly one 64-byte cache line,
// so capturing it is a handful of stores into a ring slot: no allocation, no
// pointer into the VM's memory (the engine's string_views die with the
// callback). Numbers are saturated to int32 here, at capture, because int32
// is all OSC 1.0 carries; the name (rule, predicate or error name) is copied
// into a fixed buffer and cut at kMaxNameLength bytes, at a UTF-8 character
// boundary so receivers never see a broken character.
//
// Values (goal text, bindings) are too long for the slot; they travel in a
// second ring of TextSlots, one per event whose hasValue is set, pushed just
// before the event.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

namespace polar::osc::detail {

enum class EventKind : std::uint8_t {
    QueryBegin, // ints: query id                            name: predicate
    QueryEnd,   // ints: query id, results, steps, failed
    Rule,       // ints: arity, depth, applicable            name: rule name
    Depth,      // ints: depth
    Branch,     // ints: depth, alternatives
    Backtrack,  // ints: depth
    Result,     // ints: query id, ordinal
    Error,      // ints: query id                            name: error name
    // Loads (1.2, load_events.hpp): rare, so their strings ride in a text slot.
    PolicyLoad,  // ints: hash low, hash high, rules, bytes     text: file
    PolicyError, // ints: line, column    name: error name      text: file NUL message
    // 1.3: five numbers in four slots, see packDepthAlternatives.
    RuleEnter,   // ints: depth|alternatives, alternative, call, query id   name: rule name
};

// 64 - 8 (time) - 16 (ints) - 2 (kind, hasValue) = 38 bytes, one for the NUL.
inline constexpr std::size_t kNameCapacity = 38;
inline constexpr std::size_t kMaxNameLength = kNameCapacity - 1;

struct alignas(64) Event {
    std::int64_t captured; // capture_clock.hpp: TSC ticks or steady-clock ns
    std::int32_t ints[4];
    EventKind kind;
    bool hasValue;            // a TextSlot for this event precedes it
    char name[kNameCapacity]; // NUL-terminated, possibly truncated
};
static_assert(sizeof(Event) == 64, "an Event is one cache line");

// Values are cut at 1,024 bytes: with the largest message around it, a
// value still fits one 1,400-byte datagram (see encoder.hpp).
inline constexpr std::size_t kMaxValueLength = 1024;

struct TextSlot {
    std::uint32_t length;
    char text[kMaxValueLength + 1]; // NUL-terminated
};

inline std::int32_t saturate(std::uint64_t n) noexcept {
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max());
    return static_cast<std::int32_t>(std::min(n, kMax));
}

// A rule entry has five numbers and the slot four, and the name keeps its
// 37 bytes. Depth and alternatives share one slot, 16 bits each, saturated
// at 65,535: both repeat what the entry's /polar/rule carries in full (its
// depth + 1, its applicable rules), so a receiver loses nothing in the rare
// call past that, while the alternative, the call and the query id — the
// entry's identity in the search tree — stay exact.
inline constexpr std::uint32_t kMaxPacked = 0xFFFF;

inline std::int32_t packDepthAlternatives(int depth, int alternatives) noexcept {
    auto field = [](int n) { return static_cast<std::uint32_t>(std::clamp<std::int64_t>(n, 0, kMaxPacked)); };
    return static_cast<std::int32_t>(field(depth) | (field(alternatives) << 16));
}

inline std::int32_t unpackDepth(std::int32_t packed) noexcept {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(packed) & kMaxPacked);
}

inline std::int32_t unpackAlternatives(std::int32_t packed) noexcept {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(packed) >> 16);
}

// The longest prefix of `text` of at most `limit` bytes that does not end
// inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
inline std::size_t utf8Prefix(std::string_view text, std::size_t limit) noexcept {
    if (text.size() <= limit) return text.size();
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return n;
}

// Copies `text` (cut as above) to `out`, which holds `capacity` bytes
// including the NUL; returns the length written.
inline std::size_t copyTruncated(char* out, std::size_t capacity, std::string_view text) noexcept {
    const std::size_t n = utf8Prefix(text, capacity - 1);
    std::memcpy(out, text.data(), n);
    out[n] = '\0';
    return n;
}

// Names cut at kMaxNameLength end with this visible marker. ASCII '~',
// not U+2026: one byte instead of three, drawn by every font and by Pd
// builds that predate its UTF-8 support, and a character no Polar
// identifier or error name contains, so it cannot be mistaken for one.
inline constexpr char kTruncationMarker = '~';

// When the name in `out` (`length` bytes) was cut from `fullLength`, ends
// it with the marker: the last character(s) make room at a UTF-8 boundary.
inline void markTruncated(char* out, std::size_t length, std::size_t fullLength) noexcept {
    if (fullLength <= length) return;
    const std::size_t keep = utf8Prefix(std::string_view(out, length), kMaxNameLength - 1);
    out[keep] = kTruncationMarker;
    out[keep + 1] = '\0';
}

// Copies at most `limit` bytes of `text` to `out` (capacity > limit), cut
// at a UTF-8 boundary; a cut text ends in the marker, within `limit`.
// Returns the length written. For the load messages' longer strings.
inline std::size_t copyMarked(char* out, std::size_t limit, std::string_view text) noexcept {
    if (text.size() <= limit) {
        std::memcpy(out, text.data(), text.size());
        out[text.size()] = '\0';
        return text.size();
    }
    const std::size_t keep = utf8Prefix(text, limit - 1);
    std::memcpy(out, text.data(), keep);
    out[keep] = kTruncationMarker;
    out[keep + 1] = '\0';
    return keep + 1;
}

// Appends `text` after `length` bytes already in `out` (same rules).
inline std::size_t appendTruncated(char* out, std::size_t capacity, std::size_t length,
                                   std::string_view text) noexcept {
    return length + copyTruncated(out + length, capacity - length, text);
}

} // namespace polar::osc::detail
