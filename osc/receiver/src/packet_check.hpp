// packet_check.hpp — structural check of an OSC packet before oscpack sees it.
//
// oscpack 1.1.0 (Debian's) validates a message while constructing
// ReceivedMessage, but its blob check builds MalformedMessageException
// without throwing it: a blob whose size field runs past the end passes,
// the next argument is read from wherever that size points, and a 12-byte
// datagram (`/a` `,bb` 0x7ffffff0) crashes the process. So every packet is
// walked here first, with every read bounds-checked, and oscpack only
// decodes packets this check accepted.
//
// The check is deliberately a little stricter than oscpack so that the two
// always agree on where each field ends: string padding must be zero (as
// OSC 1.0 requires; oscpack only looks at every fourth byte), an address
// must start with '/', and a packet starting with '#' must be a bundle.
#pragma once

#include <cstddef>

namespace polar::osc::detail {

// nullptr when the packet (a message or a bundle, nested bundles included)
// is well formed; otherwise a static string saying why not. `depth` is the
// nesting depth of the packet itself (0 for a whole datagram).
const char* checkPacket(const char* data, std::size_t size, int depth);

} // namespace polar::osc::detail
