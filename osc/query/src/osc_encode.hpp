// osc_encode.hpp — one OSC 1.0 message (address, type tags, one argument)
// as the bytes of a WebSocket binary frame, the proposal's way of
// streaming a LISTENed value.
//
// Written by hand rather than with oscpack's OutboundPacketStream: one
// argument needs thirty lines, and it keeps the library's only OSC
// dependency the receiver-side parser the tests decode with.
#pragma once

#include <string>
#include <string_view>

#include "polar/osc/oscquery.hpp"

namespace polar::oscquery::detail {

// Strings are padded with 1-4 NULs to a multiple of 4; numbers are
// big-endian; a bool is the tag T or F with no payload (OSC 1.1's, which
// the proposal's "T and F are used interchangeably" assumes).
std::string encodeOscMessage(std::string_view address, const Value& value);

} // namespace polar::oscquery::detail
