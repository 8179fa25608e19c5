// fuzz_parser.cpp — libFuzzer target: no input may crash the engine.
//
// The input is a policy. Lines starting with `?-` are taken out of it (they
// become blank lines, so positions in errors stay right) and the first one
// is run as a query afterwards, even when loading failed: that fuzzes the
// query parser and the solver as well as the policy parser. Polar has no
// `?-` syntax, so the marker cannot clash with a real policy. Loading
// parses, compiles (every rule and rule type) and runs the inline queries,
// so the compiler's walks are reached as well as the parser's.
//
// An input that starts with a NUL byte is a recipe instead (deep_recipe.hpp):
// a few bytes that build a policy and query with chains tens of thousands
// long or nesting as deep — what the depth limit (engine/src/parser.hpp)
// must turn into a clean error. A policy cannot start with NUL (it is not a
// valid character anywhere), so the two kinds of input never overlap.
// ./run fuzz passes -max_len=65536 and the token dictionary polar.dict, so
// text inputs can grow long too.
//
// With POLAR_FUZZ_STATS set, each input prints one line to stderr (its size,
// the text built from it, the depth a recipe asked for, the time it took,
// how it ended): run
// the replay binary over a grown corpus to see what the fuzzer reached.
//
// The only acceptable way to fail is polar::Error. Anything else escaping —
// std::bad_alloc, std::out_of_range, a crash, a sanitizer report — is a bug,
// and libFuzzer reports it. Limits keep each input fast: libFuzzer wants
// thousands of runs a second, and a legitimately endless policy
// (`f() if f();`) must end in a limit error, not a hang.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "deep_recipe.hpp"
#include "polar/polar.hpp"

namespace {

// 200 ms is long enough for every policy in the corpus by a wide margin and
// short enough that a slow input does not stall the fuzzer.
constexpr std::chrono::milliseconds kQueryTimeout{200};
// Step cap: a runaway loop stops here even before the timeout is checked.
constexpr std::uint64_t kMaxSteps = 100'000;
// Answers collected per query; more adds time, not coverage.
constexpr std::size_t kMaxAnswers = 10;

// print() in a fuzzed policy must not flood the fuzzer's output.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
};

struct SplitInput {
    std::string policy;
    std::string query;
    bool hasQuery = false;
};

SplitInput split(std::string_view input) {
    SplitInput result;
    while (!input.empty()) {
        const std::size_t end = input.find('\n');
        const std::string_view line = input.substr(0, end);
        if (line.substr(0, 2) == "?-") {
            if (!result.hasQuery) {
                result.query = std::string(line.substr(2));
                result.hasQuery = true;
            }
        } else {
            result.policy += line;
        }
        if (end == std::string_view::npos) {
            break;
        }
        result.policy += '\n';
        input.remove_prefix(end + 1);
    }
    return result;
}

SplitInput fromRecipe(std::string_view recipe, std::size_t& requestedDepth) {
    polar::fuzz::RecipeOutput built = polar::fuzz::buildFromRecipe(recipe);
    requestedDepth = built.requestedDepth;
    return {std::move(built.policy), std::move(built.query), true};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const bool recipe = size > 0 && data[0] == 0;
    std::size_t requestedDepth = 0;
    const SplitInput input = recipe ? fromRecipe(bytes.substr(1), requestedDepth) : split(bytes);
    // Statistics are off while fuzzing: they cost a string per input.
    static const bool stats = std::getenv("POLAR_FUZZ_STATS") != nullptr;
    std::string outcome = "ok";
    const auto started = std::chrono::steady_clock::now();

    NullBuffer nullBuffer;
    std::ostream nullStream(&nullBuffer);
    polar::Polar polar;
    polar.setPrintStream(nullStream);
    // Set before loading: inline `?=` queries run during the load.
    polar.limits().timeout = kQueryTimeout;
    polar.limits().maxSteps = kMaxSteps;

    try {
        polar.loadString(input.policy, "fuzz.polar");
    } catch (const polar::Error& e) {
        // Expected for most inputs.
        if (stats) outcome = "load: " + e.name() + ": " + e.message().substr(0, 60);
    }
    if (input.hasQuery) {
        try {
            polar.query(input.query).collect(kMaxAnswers);
        } catch (const polar::Error& e) {
            if (stats) outcome += "; query: " + e.name() + ": " + e.message().substr(0, 60);
        }
    }
    if (stats) {
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        std::fprintf(stderr, "stats: %s input=%zu text=%zu requested_depth=%zu us=%lld %s\n",
                     recipe ? "recipe" : "text", size, input.policy.size() + input.query.size(),
                     requestedDepth, static_cast<long long>(micros), outcome.c_str());
    }
    return 0;
}
