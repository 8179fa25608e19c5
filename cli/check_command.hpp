// cli/check_command.hpp — `polar check FILE...`: does this policy load?
//
// Parses and validates the files (and runs their inline `?=` queries, which
// are part of loading, under the limit options) without asking anything else. Meant for editors and
// CI: silent apart from one `ok:` line, compiler-style errors otherwise.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "limit_options.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct CheckOptions {
    std::vector<std::string> files;
    LimitCliOptions limits; // for the inline queries
};

CLI::App& addCheckCommand(CLI::App& app, CheckOptions& options);
// kExitOk when every file loads, kExitError otherwise.
int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);

} // namespace polar::cli
