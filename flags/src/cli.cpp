// cli.cpp — see polar/flags/cli.hpp.
#include "polar/flags/cli.hpp"

namespace polar::flags {
namespace {

// A CLI11 validator returns an empty string for a good value and the
// reason otherwise; CLI11 prefixes the option's name.
template <class Parse>
CLI::Validator validator(std::string description, Parse parse) {
    return CLI::Validator(
        [parse](std::string& text) -> std::string {
            try {
                parse(text);
                return {};
            } catch (const BadValue& error) {
                return error.what();
            }
        },
        std::move(description));
}

} // namespace

CLI::Validator whole(const WholeRange& range) {
    return validator(describe(range),
                     [range](std::string& text) { text = std::to_string(parseWhole(text, range)); });
}

CLI::Validator real(const RealRange& range) {
    return validator(describe(range), [range](std::string& text) { parseReal(text, range); });
}

CLI::Validator size(const WholeRange& range) {
    return validator(describe(range) + " bytes",
                     [range](std::string& text) { text = std::to_string(parseSize(text, range)); });
}

CLI::Validator duration(const DurationRange& range) {
    return validator(describe(range), [range](std::string& text) { parseDuration(text, range); });
}

CLI::Validator seconds(const DurationRange& range) {
    return validator(describe(range), [range](std::string& text) {
        // Plain seconds with microsecond precision: what a double option reads.
        const auto micros = parseDuration(text, range).count();
        text = std::to_string(micros / 1'000'000) + "." + [&] {
            std::string fraction = std::to_string(micros % 1'000'000);
            return std::string(6 - fraction.size(), '0') + fraction;
        }();
    });
}

CLI::Option* checked(CLI::Option* option, const std::string& placeholder,
                     const CLI::Validator& validator) {
    std::string text = placeholder + ":" + validator.get_description();
    if (!option->get_default_str().empty()) text += "=" + option->get_default_str();
    // transform(), not check(): whole() and size() rewrite the text.
    option->transform(validator)->option_text(text);
    return option;
}

} // namespace polar::flags
