// polar/flags/cli.hpp — the parsers of polar/flags/parse.hpp as CLI11
// validators, so every numeric option of every program is checked while
// the command line is parsed: a bad value is a usage error (exit 2) whose
// message names the flag and its range —
// `--max-depth: must be between 0 and 18446744073709551615, got -1`.
//
//   flags::checked(app.add_option("--users", users, "Number of users")->capture_default_str(),
//                  "N", flags::whole(flags::wholeRange<std::size_t>(0, kMaxUsers)));
//
// `whole` and `size` rewrite the value to plain decimal before CLI11
// converts it (CLI11 reads `010` as octal and `512M` not at all); `real`
// and `duration` only check (the text is kept: a duration is parsed again,
// into its own type, by the code that uses it).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "polar/flags/parse.hpp"

namespace polar::flags {

CLI::Validator whole(const WholeRange& range);
CLI::Validator real(const RealRange& range);
CLI::Validator size(const WholeRange& range);
CLI::Validator duration(const DurationRange& range);
// A duration for an option held in seconds (a double): `2m` becomes `120.000000`.
CLI::Validator seconds(const DurationRange& range);

// Applies `validator` to `option` and shows the range in --help after
// `placeholder`: `--max-depth N:0..18446744073709551615`, then `=DEFAULT`
// when the option captured its default before this call.
CLI::Option* checked(CLI::Option* option, const std::string& placeholder,
                     const CLI::Validator& validator);

} // namespace polar::flags
