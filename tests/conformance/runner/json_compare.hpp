// json_compare.hpp — do two answers say the same thing?
//
// Expected answers come from Oso through JavaScript (tools/regen.js);
// actual answers come from Bindings::toJson(). The two agree on meaning, not
// on spelling: Oso may print `1.0` where we print `1`, keys may come in any
// order, and a float computed in a different order may differ in its last
// bit. So numbers compare by value — integers exactly, floats within a
// relative 1e-9 — and objects compare as sets of keys.
//
// Unbound variables: the engine writes one as {"$var": "name"}, with a name
// that is an accident of renaming, so the expectation says only that it is
// unbound: "<unbound>", or "*<unbound>" as the last element of a list with
// an unbound rest (`[1, *y]`). Oso leaves a query variable that got no
// binding out of its answer (the first answer of `1 = 1 or x = 1` is {}),
// so an answer may also omit a variable the engine reports as unbound.
#pragma once

#include <nlohmann/json.hpp>

namespace polar::conformance {

// Relative tolerance for floats: far above rounding noise (~1e-16), far
// below any difference a policy could mean.
constexpr double kFloatTolerance = 1e-9;

// Two values: numbers by value, objects in any key order, "<unbound>" and
// "*<unbound>" in `expected` as described above.
bool jsonEquivalent(const nlohmann::json& expected, const nlohmann::json& actual);

// Two answers (objects from variable to value): as jsonEquivalent, except
// that a variable missing from `expected` may be present but unbound in
// `actual`.
bool answersEquivalent(const nlohmann::json& expected, const nlohmann::json& actual);

} // namespace polar::conformance
