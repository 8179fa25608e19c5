// lenient_args.hpp — one OSC argument read as the field it fills, whatever
// OSC type a hand-made sender chose.
//
// Our broadcaster sends exactly the tags of osc/README.md, but patches in
// TouchDesigner, Max or SuperCollider send what their number boxes hold:
// floats for counts, doubles, 64-bit integers, symbols for names. The
// receiver takes any of them (README "Lenient input"); these helpers are
// the whole conversion policy, so toPolarEvent's table only names fields.
// Each returns nullopt (or nullptr) when the argument cannot stand for the
// field: a string where a number is needed, a NaN or an infinity, a blob.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "polar/osc/osc_message.hpp"

namespace polar::osc::detail {

// i, h, f, d. Floating values round to nearest, halves away from zero
// (4.5 -> 5, -4.5 -> -5): a slider's 4.6 meant 5, not 4. Values outside
// int32 saturate at -2^31 and 2^31-1, as the sender saturates its counts.
// NaN and infinities are unusable: no depth is meant by them.
std::optional<std::int32_t> asInt32(const OscArg& arg);

// i, h, f, d, finite only. Doubles beyond float's range saturate at its
// largest finite value rather than becoming infinities.
std::optional<float> asFloat(const OscArg& arg);

// s and S (symbol): Max and SuperCollider send names as symbols.
const std::string* asText(const OscArg& arg);

// T and F, or any number (non-zero is true, after asInt32's rounding).
std::optional<bool> asFlag(const OscArg& arg);

} // namespace polar::osc::detail
