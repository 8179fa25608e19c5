// case_runner.hpp — run conformance cases against a loaded Polar.
//
// Each case is a fresh query on the same Polar, in file order (earlier
// cases cannot leave bindings behind, but a policy's own state — none in
// Polar today — would carry over, as it does in Oso). A case asks for at
// most one answer more than it expects: that is enough to see "too many
// answers" or "an error after the last answer", and keeps an endless query
// finite. A report explains a failure well enough to fix it without
// rerunning: where the case is, the query, expected and actual answers.
#pragma once

#include <string>

#include "case_file.hpp"
#include "polar/polar.hpp"

namespace polar::conformance {

struct CaseOutcome {
    bool passed = false;
    std::string report;  // empty when passed
};

CaseOutcome runCase(polar::Polar& polar, const Case& testCase, const std::string& fileName);

// Checks a load failure against `#!load` (or its absence).
CaseOutcome checkLoad(const std::optional<LoadExpectation>& expected,
                      const polar::Error* error, const std::string& fileName);

} // namespace polar::conformance
