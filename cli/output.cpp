// cli/output.cpp — see output.hpp.
#include "output.hpp"

#include <ostream>

namespace polar::cli {

std::string formatPlain(const polar::Bindings& bindings) {
    if (bindings.empty()) {
        return "true";
    }
    std::string line;
    for (const auto& [name, value] : bindings.entries()) {
        if (!line.empty()) {
            line += ", ";
        }
        line += name;
        line += " = ";
        line += value.toPolar();
    }
    return line;
}

std::string formatJson(const polar::Bindings& bindings) {
    return bindings.toJson();
}

namespace {

// format() may or may not end in a newline; the terminal should see exactly one.
void printBlock(std::ostream& err, const std::string& text) {
    err << text;
    if (text.empty() || text.back() != '\n') {
        err << '\n';
    }
}

} // namespace

void printError(std::ostream& err, const polar::Error& error) {
    if (!error.location()) {
        err << "polar: ";
    }
    printBlock(err, error.format());
    err.flush();
}

void printOutOfMemory(std::ostream& err, std::string_view what) {
    err << "polar: error: out of memory while " << what << '\n' << std::flush;
}

std::size_t printWarnings(std::ostream& err, const polar::Polar& polar,
                          std::size_t alreadyPrinted) {
    const auto& warnings = polar.warnings();
    for (std::size_t i = alreadyPrinted; i < warnings.size(); ++i) {
        printBlock(err, warnings[i].format());
    }
    return warnings.size();
}

} // namespace polar::cli
