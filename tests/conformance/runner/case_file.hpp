// case_file.hpp — reading a conformance file: a policy whose comments say
// what each query must answer.
//
//   f(1); f(2);
//   #? f(x)                       a case: the query is the rest of the line
//   #= {"x": 1}                   expected answers, in order, as JSON
//   #= {"x": 2}
//   #?[limit=1] f(x)              only the first N answers are asked for
//   #= {"x": 1}
//   #? f(3)
//   #= none                       no answer at all (`#= {}`: one, binding nothing)
//   #? x = 1 / 0
//   #! RuntimeError::ArithmeticError -- text   after the answers, this error
//   #? g(x)
//   #~ we stop at depth N, Oso does not       our behaviour deliberately differs
//   #= none
//   #!load ParseError::UnrecognizedToken 3:7  (anywhere) loading must fail
//
// The layout follows tests/conformance/tools/regen.js, which rewrites the
// expectations from Oso: a case is its `#?` line, then any `#~` lines, then
// the consecutive `#=` / `#!` lines. Like Wren's `// expect:` files, the
// suite reads as the language's specification. This file only parses;
// case_runner.hpp runs the cases.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace polar::conformance {

struct ExpectedError {
    std::string kind;  // Error::name(), e.g. "RuntimeError::ArithmeticError"
    std::string text;  // what Oso said (after ` -- `); informative only
};

struct Case {
    int line = 0;  // of the `#?` line, for reports
    std::string query;
    std::optional<std::size_t> limit;  // `#?[limit=N]`
    std::vector<nlohmann::json> results;
    std::optional<ExpectedError> error;
    std::vector<std::string> deviations;  // the `#~` reasons
    bool expectsNone = false;             // saw `#= none`
    std::vector<std::string> written;     // the `#=` / `#!` lines as written, for reports
    // Malformed expectation lines: the case fails with these messages.
    std::vector<std::string> problems;
};

struct LoadExpectation {
    int line = 0;  // of the `#!load` line
    std::string kind;
    std::optional<int> errorLine;    // where the error must be, when given
    std::optional<int> errorColumn;
};

struct CaseFile {
    std::optional<LoadExpectation> load;
    std::vector<Case> cases;
    std::vector<std::string> problems;  // malformed lines outside any case
};

CaseFile parseCaseFile(std::istream& in);

} // namespace polar::conformance
