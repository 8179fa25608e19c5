// catch_fmt_property.cpp — `polar fmt`'s guarantees (fmt_guarantees.hpp) on
// policies nobody wrote: random ones from the grammar (random_policy.hpp),
// with comments in every place the lexer allows.
//
// Seeds 1..kPolicies run on every build, each at widths 20 (all but the
// width), 40, 80 and 120; each policy's loading is compared with its
// formatted text's, and a copy cut short checks what happens to text the
// engine rejects. POLAR_FMT_SEEDS=N runs N policies instead (a long soak:
// `POLAR_FMT_SEEDS=100000 build/tests/polar_unit_tests "[fmt-property]"`);
// a failure prints its seed and the policy, and POLAR_FMT_SEED=S runs that
// one seed alone.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "fmt_guarantees.hpp"
#include "format/format.hpp"
#include "random_policy.hpp"

using polar::testing::checkFormatGuarantees;
using polar::testing::loadOutcome;
using polar::testing::randomPolicy;

namespace {

// Enough to meet every construct next to every other many times over
// (each policy has up to 10 items and ~10 comments), few enough to take
// seconds under the sanitizers.
constexpr std::uint32_t kPolicies = 400;
// Inline queries of random policies may recurse without end: each stops
// after this many goals, well past what any terminating one here needs.
constexpr std::uint64_t kMaxSteps = 20'000;

std::uint32_t envNumber(const char* name, std::uint32_t fallback) {
    const char* text = std::getenv(name);
    return text ? static_cast<std::uint32_t>(std::strtoul(text, nullptr, 10)) : fallback;
}

} // namespace

TEST_CASE("The random policies are valid Polar, with comments everywhere", "[fmt][fmt-property]") {
    // A generator that drifted into writing mostly invalid text would make
    // the guarantees below vacuous: most policies must parse, and carry comments.
    std::uint32_t parsed = 0, withComments = 0;
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
        const std::string policy = randomPolicy(seed);
        CHECK(randomPolicy(seed) == policy);  // the same seed, the same policy
        try {
            polar::fmt::formatPolar(policy);
            ++parsed;
        } catch (const polar::fmt::FormatError&) {
        }
        withComments += !polar::testing::commentsOf(policy).empty();
    }
    CHECK(parsed >= 190);
    CHECK(withComments >= 150);
}

TEST_CASE("polar fmt keeps its guarantees on random policies", "[fmt][fmt-property]") {
    const std::uint32_t only = envNumber("POLAR_FMT_SEED", 0);
    const std::uint32_t first = only ? only : 1, last = only ? only : envNumber("POLAR_FMT_SEEDS", kPolicies);
    for (std::uint32_t seed = first; seed <= last; ++seed) {
        const std::string policy = randomPolicy(seed);
        const std::string name = "random policy, seed " + std::to_string(seed);
        INFO(name << ":\n" << policy);
        if (!checkFormatGuarantees(policy, name, 80)) continue;
        checkFormatGuarantees(policy, name, 20, false);
        checkFormatGuarantees(policy, name, 40);
        checkFormatGuarantees(policy, name, 120);
        CHECK(loadOutcome(polar::fmt::formatPolar(policy), kMaxSteps) == loadOutcome(policy, kMaxSteps));
        // Cut short, it mostly does not parse: rejected, never rewritten
        // (or, when it still parses, formatted with the same guarantees).
        const std::string cut = policy.substr(0, policy.size() * (seed % 89) / 89);
        INFO("cut to " << cut.size() << " bytes");
        checkFormatGuarantees(cut, name + " cut short", 80);
    }
}
