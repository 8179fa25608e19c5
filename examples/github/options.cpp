// options.cpp — see options.hpp. The help text is the option reference;
// examples/github/README.md repeats it with examples.
#include "options.hpp"

#include <polar/osc/options.hpp>

#include <iostream>

#include "polar/flags/cli.hpp"
#include "polar/flags/shared.hpp"

namespace github {

namespace {

namespace flags = polar::flags;

// A data-set size: a whole number up to its cap, default shown in --help.
void addSize(CLI::App& app, const std::string& name, std::size_t& value, std::size_t cap,
             const std::string& description) {
    flags::checked(app.add_option(name, value, description)->capture_default_str(), "N",
                   flags::whole(flags::wholeRange<std::size_t>(0, cap)));
}

// The mix is checked while parsing, like the numbers, so a bad weight is a
// usage error before the data set is built.
CLI::Validator mixValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                parseMix(text);
                return {};
            } catch (const std::invalid_argument& error) {
                return error.what();
            }
        },
        "");
}

// A bare whole number after --pace is the old `--pace MS` (sleep between
// checks, now --interval): it still works, with a note, so old scripts do
// not break; anything with a unit is the shared OSC --pace.
bool legacyPace(const std::string& text, ProgramOptions& options) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
    options.paceMs = static_cast<unsigned>(
        flags::parseWhole(text, flags::wholeRange<unsigned>(0, kMaxPaceMs)));
    std::cerr << "note: --pace MS (sleep between checks) is now --interval DURATION: --interval "
              << text << "ms (the old spelling still works)\n";
    return true;
}

void addOscOptions(CLI::App& app, ProgramOptions& options) {
    // The spellings and help texts are flags/'s, shared with `polar query`.
    // --pace does not need --osc here: checkOptions() says so itself, after
    // legacyPace() had its say.
    CLI::Option* osc = flags::addOscDestinations(app, options.osc);
    CLI::Option* pace = flags::addPace(app, options.oscPace, nullptr, [&options](const std::string& text) {
        return legacyPace(text, options);
    });
    flags::addDeprecatedAlias(app, "--osc-pace", pace, options.oscPace, flags::duration(flags::kPaceRange));
    flags::addBpm(app, options.bpm, osc, pace);
    flags::addOscValues(app, options.oscValues, osc);
    flags::addOscQueryPort(app, options.oscqueryPort);
}

// --interval DURATION: the sleep between checks, kept in paceMs.
void addInterval(CLI::App& app, ProgramOptions& options) {
    const flags::DurationRange range{std::chrono::milliseconds(1), std::chrono::milliseconds(kMaxPaceMs), true};
    flags::checked(app.add_option("--interval", options.interval,
                                  "Sleep DURATION between checks (e.g. 20ms, 1s; 0 = none)"),
                   "DURATION", flags::duration(range))
        ->each([&options, range](const std::string& text) {
            const auto interval = flags::parseDuration(text, range);
            options.paceMs = static_cast<unsigned>(
                std::chrono::ceil<std::chrono::milliseconds>(interval).count());
        });
}

// --data FILE replaces the generator, so its size options would be
// silently ignored: they are refused together instead (--seed still names
// the workload).
void addDataFile(CLI::App& app, ProgramOptions& options) {
    CLI::Option* data =
        app.add_option("--data", options.dataFile,
                       "Read the data set from FILE (JSON as --json-dump writes it) instead of "
                       "generating it; excludes --users, --orgs, --repos and --roles-per-user")
            ->option_text("FILE");
    for (const char* size : {"--users", "--orgs", "--repos", "--roles-per-user"})
        data->excludes(app.get_option(size));
}

void addCheck(CLI::App& app, ProgramOptions& options) {
    app.add_option("--check", options.check,
                   "Run one check, print `USER ACTION RESOURCE -> allow|deny` and exit 0 (allow) "
                   "or 1 (deny), instead of the workload; RESOURCE as for --actions")
        ->expected(3)
        ->option_text("USER ACTION RESOURCE")
        ->excludes(app.get_option("--actions"))
        ->excludes(app.get_option("--sample-out"))
        ->excludes(app.get_option("--forever"));
    app.add_flag("--trace", options.trace,
                 "Trace the solver's steps on stderr, in the layout of Oso's POLAR_LOG");
}

} // namespace

void addOptions(CLI::App& app, ProgramOptions& options) {
    app.get_formatter()->column_width(30);
    addSize(app, "--users", options.data.users, kMaxUsers, "Number of users");
    addSize(app, "--orgs", options.data.orgs, kMaxOrgs, "Number of organizations");
    addSize(app, "--repos", options.data.repos, kMaxRepos,
            "Number of repositories (repo i belongs to org i % orgs)");
    addSize(app, "--roles-per-user", options.data.rolesPerUser, kMaxRolesPerUser,
            "Role assignments per user (users x roles at most 5000000)");
    flags::checked(app.add_option("--seed", options.data.seed,
                                  "Seed of the data set and of the workload")
                       ->capture_default_str(),
                   "S", flags::whole(flags::wholeRange<std::uint64_t>()));

    flags::checked(app.add_option("--checks", options.checks, "Authorization checks to run")
                       ->capture_default_str(),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    app.add_option("--mix", options.mix,
                   "Actions and their weights, action:weight,...; invite and create_repo are "
                   "checked on organizations, any other action on repositories")
        ->capture_default_str()
        ->check(mixValidator());
    app.add_flag("--forever", options.forever,
                 "Run until SIGINT or SIGTERM, printing progress every second (ignores --checks)");
    addInterval(app, options);
    app.add_option("--policy", options.policyFile, "Load FILE instead of the bundled github.polar")
        ->option_text("FILE")
        ->check(CLI::ExistingFile);
    app.add_flag("--print", options.print,
                 "Print one line per check: actor action resource -> allow|deny");
    app.add_option("--measure", options.measure,
                   "The call each check makes and times: 'allowed' (isAllowed) or 'actions' "
                   "(authorizedActions on the resource, then whether the action is among them)")
        ->capture_default_str()
        ->check(CLI::IsMember({"allowed", "actions"}));
    flags::addMaxMemory(app, options.maxMemory);

    app.add_option("--json-dump", options.jsonDump, "Write the generated data set as JSON to FILE")
        ->option_text("FILE");
    flags::checked(app.add_option("--sample", options.sample, "Checks written by --sample-out")
                       ->capture_default_str(),
                   "N", flags::whole(flags::wholeRange<std::uint64_t>()));
    app.add_option("--sample-out", options.sampleOut,
                   "Write the first --sample checks of the workload, with Polar AV's decisions and "
                   "authorized actions, as JSON to FILE, instead of running the workload")
        ->option_text("FILE");
    app.add_option("--actions", options.actions,
                   "Print the actions USER may perform on RESOURCE (an organization or repository "
                   "name), instead of running the workload")
        ->expected(2)
        ->option_text("USER RESOURCE");
    addCheck(app, options);
    addDataFile(app, options);
    addOscOptions(app, options);
    app.footer("Exit codes: 0 success (--check: allowed), 1 --check denied, 2 any error "
               "(bad usage, an unreadable or invalid --data file, an unknown user or resource, "
               "a policy error).");
}

void checkOptions(const ProgramOptions& options) {
    if ((!options.oscPace.empty() || options.bpm > 0) && options.osc.empty())
        throw CLI::ValidationError(options.bpm > 0 ? "--bpm" : "--pace",
                                   "paces OSC and needs --osc HOST:PORT (to sleep between checks, "
                                   "use --interval DURATION)");
    // Each factor is at most 1,000,000 or 1,000: the product cannot wrap.
    const std::uint64_t assignments =
        std::uint64_t{options.data.users} * std::uint64_t{options.data.rolesPerUser};
    if (assignments > kMaxRoleAssignments)
        throw CLI::ValidationError(
            "--users x --roles-per-user",
            std::to_string(options.data.users) + " x " + std::to_string(options.data.rolesPerUser) +
                " = " + std::to_string(assignments) + " role assignments is above the " +
                std::to_string(kMaxRoleAssignments) + " cap (range 0.." +
                std::to_string(kMaxRoleAssignments) + ")");
}

} // namespace github
