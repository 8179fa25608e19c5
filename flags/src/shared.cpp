// shared.cpp — see polar/flags/shared.hpp. The help texts here are the
// only ones: a program that wants different words for a shared option
// should get a different option.
#include "polar/flags/shared.hpp"

#include <iostream>

#include "polar/flags/cli.hpp"

namespace polar::flags {

CLI::Option* addOscDestinations(CLI::App& app, std::vector<std::string>& destinations) {
    return app
        .add_option("--osc", destinations,
                    "Send the engine's steps as OSC to HOST:PORT (repeatable)")
        ->option_text("HOST:PORT")
        // One destination per --osc, so `--osc 127.0.0.1:9000 policy.polar`
        // leaves the file alone.
        ->allow_extra_args(false);
}

CLI::Option* addPace(CLI::App& app, std::string& pace, CLI::Option* osc,
                     std::function<bool(const std::string&)> legacy) {
    CLI::Validator check(
        [legacy](std::string& text) -> std::string {
            try {
                if (legacy && legacy(text)) {
                    text.clear(); // claimed: no OSC pace
                    return {};
                }
                parseDuration(text, kPaceRange);
                return {};
            } catch (const BadValue& error) {
                return error.what();
            }
        },
        describe(kPaceRange));
    CLI::Option* option = checked(
        app.add_option("--pace", pace,
                       "Paced OSC: one event per DURATION (e.g. 40ms, 1.5s); the program waits for it"),
        "DURATION", check);
    if (osc != nullptr) option->needs(osc);
    return option;
}

CLI::Option* addBpm(CLI::App& app, double& bpm, CLI::Option* osc, CLI::Option* pace) {
    CLI::Option* option = checked(
        app.add_option("--bpm", bpm, "Paced OSC: one event per beat at N beats per minute"), "N",
        real(kBpmRange));
    if (osc != nullptr) option->needs(osc);
    if (pace != nullptr) option->excludes(pace);
    return option;
}

CLI::Option* addOscValues(CLI::App& app, bool& values, CLI::Option* osc) {
    CLI::Option* option = app.add_flag(
        "--osc-values", values,
        "Also send goal text and bindings over OSC (off by default: they may be private)");
    if (osc != nullptr) option->needs(osc);
    return option;
}

CLI::Option* addMaxMemory(CLI::App& app, std::optional<std::uint64_t>& bytes) {
    return checked(app.add_option("--max-memory", bytes,
                                  "Stop a query that holds more than SIZE bytes of terms and stacks "
                                  "(e.g. 512M, 2G, 1048576; default 4G, 0 = none)"),
                   "SIZE", size(wholeRange<std::uint64_t>()));
}

CLI::Option* addOscQueryPort(CLI::App& app, std::uint16_t& port) {
    return checked(app.add_option("--oscquery-port", port,
                                  "Describe the OSC stream over OSCQuery (HTTP, WebSocket) on port N "
                                  "while broadcasting; 0: off")
                       ->capture_default_str(),
                   "N", whole(wholeRange<std::uint16_t>()));
}

CLI::Option* addListenPort(CLI::App& app, std::uint16_t& port) {
    return checked(app.add_option("--port,-p", port, "UDP port to listen on (0: a free one)")
                       ->capture_default_str(),
                   "P", whole(wholeRange<std::uint16_t>()));
}

CLI::Option* addListenAddress(CLI::App& app, std::string& address) {
    return app
        .add_option("--bind,-b", address,
                    "Address to listen on: 127.0.0.1, ::1, 0.0.0.0, or a multicast group")
        ->capture_default_str()
        ->option_text("ADDR=" + address);
}

CLI::Option* addForce(CLI::App& app, bool& force) {
    return app.add_flag("--force", force, "Overwrite an existing output file");
}

CLI::Option* addDeprecatedAlias(CLI::App& app, const std::string& oldName, CLI::Option* current,
                                std::string& target, const CLI::Validator& validator) {
    const std::string newName = current->get_name();
    // Checked in the callback, not with transform(): CLI11 names a hidden
    // option "" in its messages, and the refusal must say which flag it was.
    CLI::Option* alias = app.add_option_function<std::string>(
        oldName,
        [oldName, newName, validator, &target](const std::string& value) {
            std::string text = value;
            if (const std::string problem = validator(text); !problem.empty())
                throw CLI::ValidationError(oldName, problem);
            std::cerr << "note: " << oldName << " is now " << newName
                      << " (the old spelling still works)\n";
            target = text;
        },
        "Deprecated spelling of " + newName);
    alias->group(""); // hidden from --help
    alias->excludes(current);
    return alias;
}

} // namespace polar::flags
