// cli/query_list.hpp — the queries of `polar live --queries FILE`.
//
// One query per line, so a performer edits the running set the way they
// edit the policy: save, and the next pass asks the new list. A line is
// trimmed and a trailing `;` dropped (as in the REPL); blank lines and
// lines whose first non-blank character is `#` are skipped. `#` elsewhere
// is left alone: it may sit inside a string (`x = "#1"`). The file is read
// whole each time; a list of queries is small.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace polar::cli {

std::vector<std::string> parseQueryList(std::string_view text);
// Throws polar::Error (Operational, "cannot open FILE: reason") when the
// file cannot be read.
std::vector<std::string> readQueryFile(const std::string& path);

} // namespace polar::cli
