// memory_test.cpp — Polar AV returns every byte it allocates.
//
// With counting_allocator.cpp linked in, every operator new and delete of
// the process is counted. The test takes the figures, then builds a Polar,
// registers the GitHub example's classes, loads github.polar, runs a few
// thousand checks (and the error paths: a failed load, a runtime error),
// destroys everything, and requires the figures to be exactly where they
// started: a single byte held by a global cache or a leaked term fails it.
//
// Not built under POLAR_SANITIZE (ASan replaces the allocator); the
// preprocessor check below covers a build that adds -fsanitize by hand.
#include <cstdio>
#include <polar/polar.hpp>

#include "counting_allocator.hpp"
#include "dataset.hpp"
#include "registration.hpp"
#include "workload.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POLAR_MEMORY_TEST_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define POLAR_MEMORY_TEST_UNDER_ASAN 1
#endif

namespace {

constexpr int kChecks = 5'000;
constexpr int kSkipped = 77; // ctest's SKIP_RETURN_CODE

struct Outcome {
    int allowed = 0;
    int actions = 0;
    int errors = 0;
    // Outstanding while everything is alive: proves the counters count.
    counting::Figures whileAlive;
};

// Everything allocated in here must be gone when it returns.
[[maybe_unused]] Outcome exercise() {
    Outcome outcome;
    github::DataSet data = github::generateDataSet({200, 10, 50, 3, 7});
    polar::Polar polar;
    github::loadPolicy(polar);

    github::Workload workload(data, github::parseMix(github::kDefaultMix), 42);
    for (int i = 0; i < kChecks; ++i) {
        github::Check check = workload.next();
        outcome.allowed += github::decide(polar, data, check) ? 1 : 0;
        if (i % 50 == 0) {
            polar::Value resource = check.kind == github::ResourceKind::Organization
                                        ? polar::hostArgument(data.orgs[check.resource])
                                        : polar::hostArgument(data.repos[check.resource]);
            outcome.actions += static_cast<int>(
                polar.authorizedActions(data.users[check.user], resource).size());
        }
    }

    // Error paths allocate messages and half-built state; they must free them too.
    try {
        polar.loadString("broken(x) if x = ;", "broken.polar");
    } catch (const polar::Error&) {
        ++outcome.errors;
    }
    try {
        polar.query("x = 1 + \"one\"").next();
    } catch (const polar::Error&) {
        ++outcome.errors;
    }
    outcome.whileAlive = counting::outstanding();
    return outcome;
}

} // namespace

int main() {
#ifdef POLAR_MEMORY_TEST_UNDER_ASAN
    std::puts("polar_memory_test: skipped, AddressSanitizer replaces the allocator");
    return kSkipped;
#else
    const counting::Figures before = counting::outstanding();
    Outcome outcome;
    try {
        outcome = exercise();
    } catch (const polar::Error& error) {
        std::fprintf(stderr, "%s\n", error.format().c_str());
        return 2;
    }
    const counting::Figures after = counting::outstanding();

    // printf rather than iostreams: nothing in the report itself allocates.
    std::printf("checks: %d (%d allowed), authorized actions listed: %d, errors caught: %d\n",
                kChecks, outcome.allowed, outcome.actions, outcome.errors);
    std::printf("before: %lld bytes in %lld blocks\n", static_cast<long long>(before.bytes),
                static_cast<long long>(before.blocks));
    std::printf("alive:  %lld bytes in %lld blocks\n",
                static_cast<long long>(outcome.whileAlive.bytes),
                static_cast<long long>(outcome.whileAlive.blocks));
    std::printf("after:  %lld bytes in %lld blocks\n", static_cast<long long>(after.bytes),
                static_cast<long long>(after.blocks));
    std::printf("sized deletes with the wrong size: %lld\n",
                static_cast<long long>(counting::sizeMismatches()));

    bool ok = before == after && outcome.whileAlive.blocks > before.blocks &&
              counting::sizeMismatches() == 0 && outcome.errors == 2 && outcome.allowed > 0 &&
              outcome.allowed < kChecks;
    std::puts(ok ? "ok: every byte returned" : "FAILED");
    return ok ? 0 : 1;
#endif
}
