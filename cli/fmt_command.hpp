// cli/fmt_command.hpp — `polar fmt [--check] [--diff] [-w] [--width N] [FILE...]`.
//
// Formats Polar policies (fmt/, the formatter library). Without a file it
// filters stdin to stdout. With files it prints each formatted file, or
// with -w rewrites the ones that change (atomically: a temporary file
// renamed over the original), with --check only names the files that
// would change, with --diff prints what would change as a unified diff.
// Exit codes follow the other subcommands: 2 for any error (a file that
// does not parse is reported exactly as `polar check` reports it), 1 for
// --check when some file would change, 0 otherwise.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct FmtOptions {
    std::vector<std::string> files;
    bool check = false;
    bool diff = false;
    bool write = false;
    unsigned width = 80;  // 20..1000, checked by the flag parser
};

CLI::App& addFmtCommand(CLI::App& app, FmtOptions& options);
int runFmt(const FmtOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace polar::cli
