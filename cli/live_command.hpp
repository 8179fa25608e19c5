// cli/live_command.hpp — `polar live FILE... -q QUERY [-q QUERY...]`: the
// live-coding loop. Loads the policies, asks the queries over and over and
// reloads the policies (and `--queries FILE`) each time they are saved.
//
// Rhythm: back to back by default; `--every 500ms`; or `--grid-bpm 120
// --beats 4` (a pass every 4 beats, each starting on a beat). `--bpm` stays
// what it is in `polar query` — the OSC pace, one event per beat — and
// `--beats` without `--grid-bpm` uses that same tempo, so one `--bpm 120
// --beats 16` makes events fall on beats and passes on bars. Keeping two
// names lets a grid run with real-time OSC (no --bpm) or with a pace that
// is not the grid's.
//
// The loop sleeps in one ppoll() on three things: the next pass's time,
// the inotify descriptor (file_watcher.hpp) and the signal pipe
// (stop_signal.hpp); so it burns no CPU while waiting and stops at once on
// Ctrl-C. File events are debounced (kDebounce) and then everything is
// reloaded (live_session.hpp: the last good policy keeps running on error).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "limit_options.hpp"
#include "osc_options.hpp"

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct LiveOptions {
    std::vector<std::string> files;
    std::vector<std::string> queries;
    std::string queriesFile;  // one query per line; watched
    std::string every;        // a duration; empty: back to back (or the grid)
    double gridBpm = 0;       // 0: --bpm's tempo if --beats is given
    unsigned beats = 0;       // 0: no grid
    std::uint64_t passes = 0; // stop after N passes (0 = until a signal)
    std::size_t limit = 0;    // answers per query per pass (0 = all)
    bool quiet = false;
    bool wait = false;        // wait for missing files instead of exit 1
    OscCliOptions osc;
    LimitCliOptions limits;
};

// Exit codes of `polar live` (also in its --help).
constexpr int kLiveExitMissing = 1;  // a file named on the command line does not exist

CLI::App& addLiveCommand(CLI::App& app, LiveOptions& options);
// Runs until SIGINT/SIGTERM or --passes; returns the exit code.
int runLive(const LiveOptions& options, std::ostream& out, std::ostream& err);

} // namespace polar::cli
