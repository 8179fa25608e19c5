// deep_recipe.hpp — a few fuzzer bytes that stand for a very long or very deep policy.
//
// Byte-level mutation almost never writes 300 matching brackets or a
// 20,000-long operator chain, and an input that spelled them out would be
// megabytes. So fuzz_parser.cpp reads an input that starts with a NUL byte
// as a *recipe* instead of as text: every step is three bytes — what to do
// and a 16-bit repeat count — so a ten-byte input can ask for a 10,000-long
// `+` chain wrapped in 10,000 lists, and libFuzzer's mutations change the
// construct, the count or the order of the steps. The layout is in
// deep_recipe.cpp; a seed recipe is a few bytes in tests/fuzz/corpus/
// (`deep_*.recipe`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace polar::fuzz {

// The text a recipe builds never exceeds this: room for a 16,000-long `+`
// chain, 32,000 `.` lookups or 64,000 parentheses (60 times the depth
// limit, and past the depth at which the unguarded parser used to
// overflow an ASan stack). Such inputs stop at the depth limit after a few
// hundred levels, so their length costs little; long *flat* inputs, which
// parse, compile and run in full, are held back separately
// (deep_recipe.cpp, kMaxFlatText). At 512 KiB and no flat cap, fuzzing
// crawled at 30 inputs a second.
inline constexpr std::size_t kMaxRecipeText = 64 * 1024;

struct RecipeOutput {
    std::string policy;  // loaded first (may be empty)
    std::string query;   // then asked, even when loading failed
    // Levels the recipe asked for: what the tree would be if nothing limited
    // it (chains, lookups and brackets add their counts). Reported by the
    // fuzzer's statistics mode, not used by the engine.
    std::size_t requestedDepth = 0;
};

// Reads `recipe` (the input after its leading NUL byte). Never throws.
RecipeOutput buildFromRecipe(std::string_view recipe);

} // namespace polar::fuzz
