// options.cpp — see options.hpp. The help text is the option reference;
// examples/github/README.md repeats it with examples.
#include "options.hpp"

#include <polar/osc/options.hpp>

#include "polar/flags/cli.hpp"

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

void addOscOptions(CLI::App& app, ProgramOptions& options) {
    // --pace already means "sleep between checks", so OSC's pace is --osc-pace.
    CLI::Option* osc =
        app.add_option("--osc", options.osc,
                       "Broadcast every check's steps as OSC to HOST:PORT (repeatable)")
            ->option_text("HOST:PORT")
            ->allow_extra_args(false);
    CLI::Option* oscPace = flags::checked(
        app.add_option("--osc-pace", options.oscPace,
                       "Paced OSC: one event per DURATION (e.g. 40ms); the checks wait for it"),
        "DURATION", flags::duration({polar::osc::kMinPace, polar::osc::kMaxPace, false}));
    oscPace->needs(osc);
    flags::checked(app.add_option("--bpm", options.bpm,
                                  "Paced OSC: one event per beat at N beats per minute"),
                   "N", flags::real({polar::osc::kMinBpm, polar::osc::kMaxBpm}))
        ->needs(osc)
        ->excludes(oscPace);
    app.add_flag("--osc-values", options.oscValues,
                 "Also send goal text and bindings (user and resource names) over OSC")
        ->needs(osc);
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
    flags::checked(app.add_option("--pace", options.paceMs, "Sleep MS milliseconds between checks"),
                   "MS", flags::whole(flags::wholeRange<unsigned>(0, kMaxPaceMs)));
    app.add_option("--policy", options.policyFile, "Load FILE instead of the bundled github.polar")
        ->option_text("FILE")
        ->check(CLI::ExistingFile);
    app.add_flag("--print", options.print,
                 "Print one line per check: actor action resource -> allow|deny");
    flags::checked(app.add_option("--max-memory", options.maxMemory,
                                  "Stop a check that holds more than SIZE bytes of terms and "
                                  "stacks (e.g. 512M, 2G; default 4G, 0 = none)"),
                   "SIZE", flags::size(flags::wholeRange<std::uint64_t>()));

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
    addOscOptions(app, options);
}

void checkOptions(const ProgramOptions& options) {
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
