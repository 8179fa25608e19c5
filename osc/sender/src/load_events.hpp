// load_events.hpp — a policy load, or its refusal, packed into ring slots.
//
// Design. /polar/policy/loaded and /polar/policy/error (address space 1.2)
// carry strings longer than an Event's 38-byte name: a file path and an
// error message. They travel like every other event — one Event slot in the
// calling thread's lane — plus one TextSlot of the lane's text ring, the
// ring values use. Why not a separate mutex-guarded queue: the lane keeps
// the load in capture order with the events of the same thread, so the
// inline `?=` queries of a source always leave before its load message (the
// engine reports the load after them), and the hook stays lock-free. The
// text ring has kLoadTextSlots slots even with values off (channel.hpp):
// loads are rare, one per file per save in a live-coding loop. When both rings
// are full the load is dropped and counted like any event, never silently.
//
// The text slot holds the file name, a NUL, and for an error its message:
// file cut at kMaxFileLength, message reduced to its first line and cut at
// kMaxLoadMessageLength, both marked with `~` when cut. The 64-bit hash
// rides in two int32 slots and becomes 16 hex digits in the encoder.
#pragma once

#include <cstring>
#include <string_view>

#include "channel.hpp"
#include "polar/error.hpp"
#include "polar/observer.hpp"
#include "polar/osc/address_space.hpp"

namespace polar::osc::detail {

static_assert(kMaxFileLength + 1 + kMaxLoadMessageLength + 1 <= kMaxValueLength + 1,
              "a load's file and message fit one text slot");

// The first line of `message`; the rest (a source excerpt, a caret) would
// break a one-line console or banner. Cutting here counts as a cut: the
// caller marks it.
inline std::string_view firstLine(std::string_view message) noexcept {
    const std::size_t end = message.find_first_of("\r\n");
    return end == std::string_view::npos ? message : message.substr(0, end);
}

// Error::name() — kind, "::", subkind — into the event's name without
// building the std::string: cut at kMaxNameLength and marked, as
// /polar/error's name.
inline void setErrorName(Event& event, const Error& error) noexcept {
    std::size_t length = copyTruncated(event.name, kNameCapacity, kindName(error.kind()));
    if (!error.subkind().empty()) {
        length = appendTruncated(event.name, kNameCapacity, length, "::");
        length = appendTruncated(event.name, kNameCapacity, length, error.subkind());
    }
    const std::size_t full = std::string_view(kindName(error.kind())).size() +
                             (error.subkind().empty() ? 0 : 2 + error.subkind().size());
    markTruncated(event.name, length, full);
}

inline void fillPolicyLoad(Event& event, TextSlot& text, const PolicyLoadEvent& e) noexcept {
    event.ints[0] = static_cast<std::int32_t>(static_cast<std::uint32_t>(e.hash));
    event.ints[1] = static_cast<std::int32_t>(static_cast<std::uint32_t>(e.hash >> 32));
    event.ints[2] = saturate(e.rules);
    event.ints[3] = saturate(e.bytes);
    text.length = static_cast<std::uint32_t>(copyMarked(text.text, kMaxFileLength, e.filename));
}

inline void fillPolicyError(Event& event, TextSlot& text, const PolicyErrorEvent& e) noexcept {
    const auto& location = e.error.location();
    event.ints[0] = location ? location->line : 0;
    event.ints[1] = location ? location->column : 0;
    setErrorName(event, e.error);
    const std::size_t file = copyMarked(text.text, kMaxFileLength, e.filename);
    const std::string_view message = e.error.message();
    const std::string_view line = firstLine(message);
    char* out = text.text + file + 1;
    std::size_t length = copyMarked(out, kMaxLoadMessageLength, line);
    if (line.size() < message.size() && (length == 0 || out[length - 1] != kTruncationMarker)) {
        // More lines followed: mark the cut (the marker replaces the last
        // character when the first line fills the whole budget).
        if (length == kMaxLoadMessageLength) length = utf8Prefix({out, length}, length - 1);
        out[length++] = kTruncationMarker;
        out[length] = '\0';
    }
    text.length = static_cast<std::uint32_t>(file + 1 + length);
}

// The message of a PolicyError's text slot: after the file and its NUL.
inline const char* policyErrorMessage(const char* text) noexcept {
    return text + std::strlen(text) + 1;
}

} // namespace polar::osc::detail
