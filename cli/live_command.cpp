// cli/live_command.cpp — see live_command.hpp.
#include "live_command.hpp"

#include <poll.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <polar/osc/broadcaster.hpp>
#include <polar/osc/options.hpp>
#include <polar/osc/oscquery.hpp>

#include "file_watcher.hpp"
#include "live_session.hpp"
#include "output.hpp"
#include "pass_scheduler.hpp"
#include "polar/flags/cli.hpp"
#include "query_list.hpp"
#include "stop_signal.hpp"

namespace polar::cli {

namespace {

using Clock = std::chrono::steady_clock;

// An editor's save is several inotify events within a few milliseconds
// (write, rename, attribute change); 50 ms of quiet gathers them into one
// reload and is still well under what a performer notices.
constexpr auto kDebounce = std::chrono::milliseconds(50);
// --every: a pass a millisecond at most (a faster loop only repeats the
// same answers), an hour at most, as every other duration here.
constexpr flags::DurationRange kEveryRange{std::chrono::milliseconds(1), std::chrono::hours(1), false};
// --grid-bpm: as --bpm's lower bound; 1,000 bpm (a beat every 60 ms) is
// past any musical tempo and keeps a pass long enough to run.
constexpr flags::RealRange kGridBpmRange{polar::osc::kMinBpm, 1000};
// --beats: up to 1,024 beats (64 bars of 16) per pass.
constexpr unsigned kMaxBeats = 1024;

constexpr const char* kLiveFooter = R"(Rhythm: back to back; --every DURATION; or a pass every --beats K beats at
--grid-bpm N, each starting on a beat (an overrun skips the missed beats).
--bpm is the OSC pace, as in `polar query`; --beats without --grid-bpm uses
its tempo. Files are watched (their directories, with inotify) and reloaded
50 ms after a save; --queries FILE holds one query per line (# comments),
watched too.
Exit codes: 0 stopped by SIGINT/SIGTERM (Ctrl-C) or after --passes;
1 a policy or --queries file does not exist at start (without --wait);
2 bad usage, a bad --osc destination, a directory that cannot be watched.
A bad load while running is not an exit: its error is printed and the last
good policy keeps running. Status, errors and the final summary go to stderr;
answers to stdout, one line per query and pass: `#PASS QUERY: ANSWER | ANSWER`.
)";

PassScheduler makeScheduler(const LiveOptions& options) {
    if (options.beats > 0) {
        const double bpm = options.gridBpm > 0 ? options.gridBpm : options.osc.bpm;
        return PassScheduler::grid(bpm, options.beats);
    }
    if (!options.every.empty()) {
        return PassScheduler(flags::parseDuration(options.every, kEveryRange));
    }
    return PassScheduler();
}

// Waits for the first of: `deadline`, a file event, a signal. Returns the
// files that changed (empty on timeout or signal).
std::set<std::string> waitUntil(std::optional<Clock::time_point> deadline, FileWatcher& watcher,
                                const StopSignal& stop) {
    pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {stop.fd(), POLLIN, 0}};
    timespec timeout{};
    timespec* timeoutPointer = nullptr;
    if (deadline) {
        const auto left = std::max(Clock::duration::zero(), *deadline - Clock::now());
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
        timeout.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        timeout.tv_nsec = static_cast<long>(ns % 1'000'000'000);
        timeoutPointer = &timeout;
    }
    const int ready = ::ppoll(fds, 2, timeoutPointer, nullptr);
    if (ready > 0 && (fds[0].revents & POLLIN)) return watcher.drain();
    return {};
}

void printSummary(const LiveCounters& counters, polar::osc::OscBroadcaster* osc,
                  std::ostream& err) {
    err << "polar live: " << counters.passes << " passes, " << counters.reloads << " reloads, "
        << counters.loadErrors << " load errors, " << counters.answers << " answers, "
        << counters.queryErrors << " query errors";
    if (osc) {
        // Bounded: a paced sender may hold a few events; 2 s is its own limit.
        osc->flush(std::chrono::seconds(2));
        const auto stats = osc->stats();
        err << "; OSC: " << stats.sent << " sent, " << stats.dropped << " dropped, "
            << stats.sendErrors << " send errors";
    }
    err << '\n' << std::flush;
}

} // namespace

CLI::App& addLiveCommand(CLI::App& app, LiveOptions& options) {
    CLI::App* command = app.add_subcommand(
        "live", "Ask queries in a loop and reload the policies whenever they are saved");
    command->add_option("-q,--query", options.queries, "A query, in Polar (repeatable)")
        ->allow_extra_args(false);
    command->add_option("--queries", options.queriesFile,
                        "A file of queries, one per line (# comments); reread when saved")
        ->option_text("FILE");
    CLI::Option* every = flags::checked(
        command->add_option("--every", options.every, "Start a pass every DURATION (e.g. 500ms)"),
        "DURATION", flags::duration(kEveryRange));
    CLI::Option* grid = flags::checked(
        command->add_option("--grid-bpm", options.gridBpm,
                            "Tempo of the pass grid (default: --bpm's); a pass starts on a beat"),
        "N", flags::real(kGridBpmRange));
    CLI::Option* beats = flags::checked(
        command->add_option("--beats", options.beats,
                            "Beats per pass on the grid (default 4 with --grid-bpm)"),
        "K", flags::whole(flags::wholeRange<unsigned>(1, kMaxBeats)));
    every->excludes(grid)->excludes(beats);
    flags::checked(command->add_option("--passes", options.passes, "Stop after N passes (0 = never)"),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    flags::checked(command->add_option("--limit", options.limit,
                                       "At most N answers per query and pass (0 = all)"),
                   "N", flags::whole(flags::wholeRange<std::size_t>()));
    command->add_flag("--quiet", options.quiet, "One summary line per pass instead of the answers");
    command->add_flag("--wait", options.wait, "Wait for missing files instead of exiting 1");
    addOscOptions(*command, options.osc);
    addLimitOptions(*command, options.limits);
    command->add_option("files", options.files, "Policy files (.polar) to load, in order")
        ->required();
    command->footer(kLiveFooter);
    return *command;
}

int runLive(const LiveOptions& options, std::ostream& out, std::ostream& err) {
    if (options.queries.empty() && options.queriesFile.empty()) {
        err << "polar: error: live needs a query: -q QUERY or --queries FILE\n";
        return kExitError;
    }
    if (options.beats > 0 && options.gridBpm <= 0 && options.osc.bpm <= 0) {
        err << "polar: error: --beats needs a tempo: --grid-bpm N (or --bpm N)\n";
        return kExitError;
    }
    LiveOptions settings = options;
    if (settings.gridBpm > 0 && settings.beats == 0) settings.beats = 4;

    std::vector<std::string> watched = settings.files;
    if (!settings.queriesFile.empty()) watched.push_back(settings.queriesFile);
    bool missing = false;
    for (const std::string& file : watched) {
        if (std::filesystem::exists(file)) continue;
        missing = true;
        if (settings.wait) {
            err << "polar: waiting for " << file << '\n';
        } else {
            err << "polar: error: cannot open " << file
                << ": No such file or directory (--wait waits for it)\n";
        }
    }
    if (missing && !settings.wait) return kLiveExitMissing;

    // Declared first so it outlives every Polar the session builds.
    std::unique_ptr<polar::osc::OscBroadcaster> osc;
    std::unique_ptr<polar::oscquery::Server> oscQuery;
    std::optional<StopSignal> stop;
    std::optional<FileWatcher> watcher;
    try {
        osc = makeBroadcaster(settings.osc);
        oscQuery = makeOscQueryServer(settings.osc, err);
        stop.emplace();
        watcher.emplace(watched);
    } catch (const polar::Error& error) {
        printError(err, error);
        return kExitError;
    }
    std::vector<polar::Observer*> observers;
    if (osc) observers.push_back(osc.get());
    LiveSession session(settings.files, settings.limits, observers);
    session.setCancelFlag(&StopSignal::flag());

    auto loadQueries = [&]() {
        std::vector<std::string> queries = settings.queries;
        if (!settings.queriesFile.empty()) {
            // --wait: a queries file not there yet is expected, not an error.
            if (settings.wait && !std::filesystem::exists(settings.queriesFile)) {
                if (session.queries().empty()) session.setQueries(std::move(queries));
                return;
            }
            try {
                std::vector<std::string> fromFile = readQueryFile(settings.queriesFile);
                queries.insert(queries.end(), fromFile.begin(), fromFile.end());
            } catch (const polar::Error& error) {
                printError(err, error);
                if (!session.queries().empty()) return;  // keep the list that ran
            }
        }
        session.setQueries(std::move(queries));
    };
    // With --wait, load now if the policies are all there (the queries file
    // may be the one missing); otherwise their creation triggers the load.
    if (std::all_of(settings.files.begin(), settings.files.end(),
                    [](const std::string& file) { return std::filesystem::exists(file); })) {
        session.reload(err);
    }
    loadQueries();

    const PassStyle style{settings.quiet, settings.limit};
    PassScheduler scheduler = makeScheduler(settings);
    // Plain flags beside the time points rather than std::optional: GCC 12
    // warns (-Wmaybe-uninitialized) on optional time points in this loop.
    bool scheduled = false;  // nextPass is set once a policy runs
    Clock::time_point nextPass{};
    bool debouncing = false;  // a file event came; reload after kDebounce of quiet
    Clock::time_point quietSince{};
    std::set<std::string> changed;
    const auto stopRequested = [&stop]() { return stop->requested(); };

    while (!stop->requested() && (settings.passes == 0 || session.counters().passes < settings.passes)) {
        if (session.hasPolicy() && !scheduled) {
            nextPass = scheduler.first(Clock::now());
            scheduled = true;
        }
        std::optional<Clock::time_point> deadline;
        if (scheduled) deadline = nextPass;
        if (debouncing && (!scheduled || quietSince + kDebounce < nextPass)) {
            deadline = quietSince + kDebounce;
        }
        std::set<std::string> events = waitUntil(deadline, *watcher, *stop);
        if (stop->requested()) break;
        const auto now = Clock::now();
        if (!events.empty()) {
            changed.insert(events.begin(), events.end());
            debouncing = true;
            quietSince = now;
            continue;  // debounce: wait for the quiet period
        }
        if (debouncing && now >= quietSince + kDebounce) {
            debouncing = false;
            const bool queriesChanged = changed.count(settings.queriesFile) > 0;
            changed.erase(settings.queriesFile);
            if (!changed.empty()) session.reload(err);
            if (queriesChanged) loadQueries();
            changed.clear();
        }
        if (scheduled && Clock::now() >= nextPass) {
            session.runPass(style, out, err, stopRequested);
            nextPass = scheduler.next(Clock::now());
        }
    }
    printSummary(session.counters(), osc.get(), err);
    return kExitOk;
}

} // namespace polar::cli
