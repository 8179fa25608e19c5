// polar/osc/address_space.hpp — the OSC address space, version 1.3, in one
// place for the sender, the receiver, the viewer and the tests. The table
// with the meaning of every argument is osc/README.md; change both together
// and bump kVersion.
#pragma once

#include <cstddef>
#include <string_view>

namespace polar::osc {

// 1.1 added /polar/hello's fourth argument (the instance id); receivers
// accept 1.0's three arguments too. 1.2 added /polar/policy/loaded and
// /polar/policy/error (live coding). 1.3 added /polar/rule/enter (the search
// tree). A new minor version only ever adds.
inline constexpr std::string_view kVersion = "1.3";

namespace address {
inline constexpr const char* kHello = "/polar/hello";              // ssii (1.0: ssi)
inline constexpr const char* kQueryBegin = "/polar/query/begin";   // is
inline constexpr const char* kQueryEnd = "/polar/query/end";       // iiii
inline constexpr const char* kRule = "/polar/rule";                // siii (+s with values)
inline constexpr const char* kDepth = "/polar/depth";              // if
inline constexpr const char* kBranch = "/polar/branch";            // iif
inline constexpr const char* kBacktrack = "/polar/backtrack";      // i
inline constexpr const char* kResult = "/polar/result";            // ii (+s with values)
inline constexpr const char* kError = "/polar/error";              // is
inline constexpr const char* kStats = "/polar/stats";              // iiif
inline constexpr const char* kPolicyLoaded = "/polar/policy/loaded"; // ssii (1.2)
inline constexpr const char* kPolicyError = "/polar/policy/error";   // siiss (1.2)
inline constexpr const char* kRuleEnter = "/polar/rule/enter";       // siiiii (+s with values; 1.3)
} // namespace address

// A policy's stack rarely passes 32 rule bodies and a choice rarely has more
// than 16 alternatives: these scales use the whole 0..1 range for typical
// policies, and larger values clamp at 1.
inline constexpr float kDepthScale = 32.0f;
inline constexpr float kAlternativesScale = 16.0f;

// Datagrams stay under the 1,500-byte Ethernet MTU with IPv6 and UDP headers.
inline constexpr std::size_t kMaxDatagram = 1400;

// The strings of the load messages (1.2). A file name is cut at 400 bytes:
// longer paths exist, but a receiver shows the end of one at most. A load
// error's message is cut at 240 bytes: two lines of a projector banner or a
// Pd console, and Polar's parse errors say what matters in their first
// hundred. Both end in the `~` marker when cut; both fit one datagram with
// the rest of the message (encoder.hpp).
inline constexpr std::size_t kMaxFileLength = 400;
inline constexpr std::size_t kMaxLoadMessageLength = 240;

// Where listeners are expected when nothing is configured: loopback only.
inline constexpr std::string_view kDefaultDestination = "127.0.0.1:9000";

} // namespace polar::osc
