// cli/unified_diff.hpp — `diff -u` of two texts, for `polar fmt --diff`.
#pragma once

#include <string>
#include <string_view>

namespace polar::cli {

// The unified diff (3 lines of context) turning `before` into `after`,
// with `--- a/NAME` / `+++ b/NAME` headers; empty when they are equal.
std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& name);

} // namespace polar::cli
