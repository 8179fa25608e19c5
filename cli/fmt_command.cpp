// cli/fmt_command.cpp — see fmt_command.hpp.
#include "fmt_command.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "format/format.hpp"
#include "output.hpp"
#include "polar/flags/cli.hpp"
#include "polar/polar.hpp"
#include "unified_diff.hpp"

namespace polar::cli {
namespace {

// A parse error, shown exactly as `polar check` shows it: the engine
// reports it again while loading, with file, line, column, source line
// and caret (output.cpp's printError).
void reportParseError(std::ostream& err, const std::string& source, const std::string& name,
                      const polar::fmt::FormatError& failure) {
    try {
        polar::Polar polar;
        polar.loadString(source, name);
    } catch (const polar::Error& error) {
        printError(err, error);
        return;
    }
    err << name << ": error: " << failure.message << '\n';
}

bool readFile(const std::string& path, std::string& text, std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "polar: error: cannot open " << path << ": " << std::strerror(errno) << '\n';
        return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
    return true;
}

// Writes next to the file and renames over it, so a reader (or a crash)
// never sees half a policy. Keeps the file's permissions.
bool writeAtomically(const std::string& path, const std::string& text, std::ostream& err) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".polar-fmt-" +
                                                  std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            err << "polar: error: cannot write " << temp.string() << '\n';
            std::error_code ignored;
            fs::remove(temp, ignored);
            return false;
        }
    }
    std::error_code ec;
    fs::permissions(temp, fs::status(target, ec).permissions(), ec);
    fs::rename(temp, target, ec);
    if (ec) {
        err << "polar: error: cannot replace " << path << ": " << ec.message() << '\n';
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

} // namespace

CLI::App& addFmtCommand(CLI::App& app, FmtOptions& options) {
    CLI::App* command = app.add_subcommand(
        "fmt", "Format policy files (stdin to stdout without a file); a file whose opening comments hold "
               "the line '# polar fmt: off' is left as it is");
    command->add_option("files", options.files, "Policy files (.polar) to format");
    command->add_flag("--check", options.check, "Change nothing; name the files that would change, exit 1 if any");
    command->add_flag("--diff", options.diff, "Print the changes as a unified diff instead of the files");
    command->add_flag("-w,--write", options.write, "Rewrite the files in place");
    // Checked like every numeric flag (flags/): `--width: must be between 20 and 1000, got 5`.
    flags::checked(command->add_option("--width", options.width, "Line width to keep within")->capture_default_str(),
                   "N", flags::whole(flags::wholeRange<unsigned>(20, 1000)));
    return *command;
}

int runFmt(const FmtOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    const polar::fmt::Options fmtOptions{static_cast<int>(options.width)};
    const bool useStdin = options.files.empty();
    if (useStdin && options.write) {
        err << "polar: error: -w needs files to rewrite\n";
        return kExitError;
    }
    bool failed = false, changed = false;
    std::size_t changedFiles = 0, skippedFiles = 0;
    const std::vector<std::string> names = useStdin ? std::vector<std::string>{"<stdin>"} : options.files;
    for (const std::string& name : names) {
        std::string source;
        if (useStdin) {
            std::ostringstream s;
            s << in.rdbuf();
            source = s.str();
        } else if (!readFile(name, source, err)) {
            failed = true;
            continue;
        }
        std::string formatted;
        try {
            if (polar::fmt::formattingOff(source)) {
                ++skippedFiles;
                formatted = source;
            } else {
                formatted = polar::fmt::formatPolar(source, fmtOptions);
            }
        } catch (const polar::fmt::FormatError& failure) {
            reportParseError(err, source, name, failure);
            failed = true;
            continue;
        }
        const bool differs = formatted != source;
        changed = changed || differs;
        changedFiles += differs;
        if (options.diff) out << unifiedDiff(source, formatted, name);
        if (options.check) {
            if (differs && !options.diff) out << "would reformat " << name << '\n';
        } else if (options.write) {
            if (differs && !writeAtomically(name, formatted, err)) failed = true;
        } else if (!options.diff) {
            out << formatted;
        }
    }
    // A count for a run over many files (a repository's policies), where
    // the per-file lines are only the exceptions.
    if (names.size() > 1 && (options.check || options.write)) {
        err << "polar fmt: " << names.size() << " files, " << changedFiles
            << (options.check ? " would be reformatted" : " reformatted");
        if (skippedFiles) err << ", " << skippedFiles << " left alone (# polar fmt: off)";
        err << '\n';
    }
    if (failed) return kExitError;
    return options.check && changed ? 1 : kExitOk;
}

} // namespace polar::cli
