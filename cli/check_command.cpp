// cli/check_command.cpp — see check_command.hpp.
#include "check_command.hpp"

#include <CLI/CLI.hpp>
#include <ostream>

#include "output.hpp"
#include "policy_loader.hpp"
#include "polar/polar.hpp"

namespace polar::cli {

CLI::App& addCheckCommand(CLI::App& app, CheckOptions& options) {
    CLI::App* command = app.add_subcommand("check", "Load and validate policy files, then exit");
    command->add_option("files", options.files, "Policy files (.polar) to check, in order")
        ->required();
    addLimitOptions(*command, options.limits);
    return *command;
}

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    polar::Polar polar;
    try {
        applyLimits(options.limits, polar); // the inline `?=` queries obey them
    } catch (const polar::Error& error) {
        printError(err, error);
        return kExitError;
    }
    if (!loadPolicies(polar, options.files, err)) {
        return kExitError;
    }
    const std::size_t count = options.files.size();
    out << "ok: " << count << (count == 1 ? " file" : " files") << '\n';
    return kExitOk;
}

} // namespace polar::cli
