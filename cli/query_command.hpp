// cli/query_command.hpp — `polar query [--json] [--limit N] [--trace] [--osc HOST:PORT...]
//                          [--timeout D] [--max-depth N] [--max-steps N] FILE... -q QUERY`.
//
// Loads the files, asks one query and prints each answer as soon as the
// engine produces it (answers are lazy, so `--limit 3` on an endless query
// still finishes). `--trace` attaches the engine's Tracer, which writes
// every rule call, choice point and backtrack to stderr; `--osc` attaches
// an OSC broadcaster (osc_options.hpp) to the same hooks, and says on
// stderr if it lost events; the limit options set the engine's Limits
// (limit_options.hpp).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "limit_options.hpp"
#include "osc_options.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct QueryOptions {
    std::vector<std::string> files;
    std::string query;
    bool json = false;
    bool trace = false;
    std::size_t limit = 0;  // 0 = every answer
    OscCliOptions osc;
    LimitCliOptions limits;
};

// Registers the subcommand; the returned App tells main whether it was chosen.
CLI::App& addQueryCommand(CLI::App& app, QueryOptions& options);
// Exit code: kExitOk with answers, kExitNoResults without, kExitError on error.
int runQuery(const QueryOptions& options, std::ostream& out, std::ostream& err);

} // namespace polar::cli
