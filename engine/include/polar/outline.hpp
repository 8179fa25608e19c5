// polar/outline.hpp — where the rules and resource blocks of a policy text are.
//
// Tools that show a policy (an editor's outline, go-to-definition, hover)
// need the places of its rules without loading it: a policy being typed
// often parses but does not validate yet (a call of a rule not written
// yet), and loading would keep nothing. outlinePolicy() therefore only
// parses, never validates or compiles, and returns every rule, rule type
// and resource block in source order with its span. Lines and columns
// count from 1, columns in characters (code points), as SourceLocation
// does; the end is just past the construct (past its ';' or '}').
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace polar {

struct OutlineEntry {
    enum class Kind { Rule, RuleType, ResourceBlock };
    Kind kind = Kind::Rule;
    std::string name;     // the rule's name, or the block's class
    std::string keyword;  // a block's "actor" or "resource" ("" for rules)
    int arity = 0;        // a rule's parameter count (0 for blocks)
    std::string head;     // a rule's head text `f(x: User, 1)`; a block's `resource Repo`
    int line = 0, column = 0;        // the first character
    int endLine = 0, endColumn = 0;  // just past the last character
    int nameLine = 0, nameColumn = 0;  // the name itself (for a rule, its first character)
};

// Throws polar::Error (kind Parse, with its location) when the text does
// not parse.
std::vector<OutlineEntry> outlinePolicy(std::string_view text, std::string_view file = "<string>");

} // namespace polar
