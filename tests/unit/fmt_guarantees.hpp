// fmt_guarantees.hpp — what `polar fmt` promises of any text, as Catch2
// checks, shared by the test over the repository's files
// (catch_fmt_guarantees.cpp) and the property test over generated
// policies (catch_fmt_property.cpp):
//
//   1. a text the engine rejects is rejected, never rewritten;
//   2. the output parses, to the same program: the engine's own AST of
//      the original and of the output are equal, offsets aside (this is
//      what catches a lost or misplaced parenthesis or a regrouping);
//   3. formatting the output again changes nothing;
//   4. every comment is still there, in the same order;
//   5. no line is longer than the width (in UTF-8 characters) unless it
//      holds a comment or one of its words (a token, or a `.` chain, which
//      never breaks) does not fit at its indentation even alone.
//
// And, more slowly (it loads the policy and runs its inline queries): a
// formatted policy loads exactly when the original does, with the same
// error (loadOutcome).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace polar::testing {

// Checks 1-5 (5 only when checkWidth); true when the text parsed.
bool checkFormatGuarantees(const std::string& source, const std::string& name, int width, bool checkWidth = true);

// The comments of a text, in order, trailing whitespace cut.
std::vector<std::string> commentsOf(const std::string& source);

// "" when the policy loads, else the error's kind and subkind. maxSteps
// bounds each inline query (0: the engine's default, unlimited).
std::string loadOutcome(const std::string& source, std::uint64_t maxSteps = 0);

} // namespace polar::testing
