// options.cpp — see options.hpp. The help text is the option reference;
// examples/github/README.md repeats it with examples.
#include "options.hpp"

namespace github {

void addOptions(CLI::App& app, ProgramOptions& options) {
    app.get_formatter()->column_width(30);
    app.add_option("--users", options.data.users, "Number of users")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--orgs", options.data.orgs, "Number of organizations")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--repos", options.data.repos,
                   "Number of repositories (repo i belongs to org i % orgs)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--roles-per-user", options.data.rolesPerUser, "Role assignments per user")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--seed", options.data.seed, "Seed of the data set and of the workload")
        ->capture_default_str();

    app.add_option("--checks", options.checks, "Authorization checks to run")
        ->capture_default_str();
    app.add_option("--mix", options.mix,
                   "Actions and their weights, action:weight,...; invite and create_repo are "
                   "checked on organizations, any other action on repositories")
        ->capture_default_str();
    app.add_flag("--forever", options.forever,
                 "Run until SIGINT or SIGTERM, printing progress every second (ignores --checks)");
    app.add_option("--pace", options.paceMs, "Sleep MS milliseconds between checks")
        ->option_text("MS")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--policy", options.policyFile, "Load FILE instead of the bundled github.polar")
        ->option_text("FILE")
        ->check(CLI::ExistingFile);
    app.add_flag("--print", options.print,
                 "Print one line per check: actor action resource -> allow|deny");

    app.add_option("--json-dump", options.jsonDump, "Write the generated data set as JSON to FILE")
        ->option_text("FILE");
    app.add_option("--sample", options.sample, "Checks written by --sample-out")
        ->capture_default_str();
    app.add_option("--sample-out", options.sampleOut,
                   "Write the first --sample checks of the workload, with Polar AV's decisions and "
                   "authorized actions, as JSON to FILE, instead of running the workload")
        ->option_text("FILE");
    app.add_option("--actions", options.actions,
                   "Print the actions USER may perform on RESOURCE (an organization or repository "
                   "name), instead of running the workload")
        ->expected(2)
        ->option_text("USER RESOURCE");

    // --pace already means "sleep between checks", so OSC's pace is --osc-pace.
    CLI::Option* osc =
        app.add_option("--osc", options.osc,
                       "Broadcast every check's steps as OSC to HOST:PORT (repeatable)")
            ->option_text("HOST:PORT")
            ->allow_extra_args(false);
    CLI::Option* oscPace =
        app.add_option("--osc-pace", options.oscPace,
                       "Paced OSC: one event per DURATION (e.g. 40ms); the checks wait for it")
            ->option_text("DURATION")
            ->needs(osc);
    app.add_option("--bpm", options.bpm, "Paced OSC: one event per beat at N beats per minute")
        ->option_text("N")
        ->check(CLI::PositiveNumber)
        ->needs(osc)
        ->excludes(oscPace);
    app.add_flag("--osc-values", options.oscValues,
                 "Also send goal text and bindings (user and resource names) over OSC")
        ->needs(osc);
}

} // namespace github
