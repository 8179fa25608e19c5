// random_policy.hpp — random Polar policies from the grammar, for
// property tests (catch_fmt_property.cpp).
//
// The grammar is the engine's (engine/src/parser.cpp) and the vocabulary
// the fuzz dictionary's (tests/fuzz/polar.dict): rules with specializers
// and patterns, rule types, inline queries, resource and actor blocks, and
// bodies of every operator at every precedence, parenthesised at random
// (so some parentheses are needed and some are not). What a fuzzer finds
// only by luck is generated on purpose: comments at any place where
// whitespace may go (own-line and trailing, inside argument lists, lists,
// dictionaries and blocks, between conjuncts), blank lines, newlines in
// odd places, keyword arguments, repeated commas (`{a: 1,, b: 2,}`),
// keywords as keys, long names and strings that cannot fit a narrow width,
// and non-ASCII text.
//
// Every policy parses (the property test checks that most do, so the
// generator cannot drift into writing noise): a property test of the
// formatter is about what it does to policies the engine accepts; the
// test cuts them short to make ones it rejects. The same seed gives the same policy on every machine
// (std::mt19937 and our own draws; no std::*_distribution, whose results
// differ between standard libraries).
#pragma once

#include <cstdint>
#include <string>

namespace polar::testing {

std::string randomPolicy(std::uint32_t seed);

} // namespace polar::testing
