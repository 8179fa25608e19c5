// fuzz_parser.cpp — libFuzzer target: no input may crash the engine.
//
// The input is a policy. Lines starting with `?-` are taken out of it (they
// become blank lines, so positions in errors stay right) and the first one
// is run as a query afterwards, even when loading failed: that fuzzes the
// query parser and the solver as well as the policy parser. Polar has no
// `?-` syntax, so the marker cannot clash with a real policy.
//
// The only acceptable way to fail is polar::Error. Anything else escaping —
// std::bad_alloc, std::out_of_range, a crash, a sanitizer report — is a bug,
// and libFuzzer reports it. Limits keep each input fast: libFuzzer wants
// thousands of runs a second, and a legitimately endless policy
// (`f() if f();`) must end in a limit error, not a hang.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const SplitInput input =
        split(std::string_view(reinterpret_cast<const char*>(data), size));

    NullBuffer nullBuffer;
    std::ostream nullStream(&nullBuffer);
    polar::Polar polar;
    polar.setPrintStream(nullStream);
    // Set before loading: inline `?=` queries run during the load.
    polar.limits().timeout = kQueryTimeout;
    polar.limits().maxSteps = kMaxSteps;

    try {
        polar.loadString(input.policy, "fuzz.polar");
    } catch (const polar::Error&) {
        // Expected for most inputs.
    }
    if (input.hasQuery) {
        try {
            polar.query(input.query).collect(kMaxAnswers);
        } catch (const polar::Error&) {
        }
    }
    return 0;
}
