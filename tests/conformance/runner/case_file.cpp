// case_file.cpp — see case_file.hpp.
#include "case_file.hpp"

#include <istream>
#include <regex>
#include <string_view>

namespace polar::conformance {

namespace {

bool startsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) {
        return "";
    }
    const auto end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

// The same pattern regen.js uses, so both tools agree on what a case is.
const std::regex& casePattern() {
    static const std::regex pattern(R"(^#\?(?:\[limit=(\d+)\])?\s?(.*)$)");
    return pattern;
}

bool isExpectationLine(const std::string& line) {
    return startsWith(line, "#=") || (startsWith(line, "#!") && !startsWith(line, "#!load"));
}

std::string where(int line) {
    return "line " + std::to_string(line) + ": ";
}

void parseExpectation(Case& current, const std::string& line, int lineNumber) {
    current.written.push_back(line);
    if (current.error) {
        current.problems.push_back(where(lineNumber) + "nothing may follow the `#!` error line");
        return;
    }
    if (startsWith(line, "#!")) {
        // `#! KIND -- text`: kinds never contain blanks, so KIND is the first word.
        const std::string rest = trim(line.substr(2));
        const auto blank = rest.find_first_of(" \t");
        ExpectedError error;
        error.kind = rest.substr(0, blank);
        if (blank != std::string::npos) {
            std::string text = trim(rest.substr(blank));
            if (startsWith(text, "--")) {
                text = trim(text.substr(2));
            }
            error.text = std::move(text);
        }
        if (error.kind.empty()) {
            current.problems.push_back(where(lineNumber) + "`#!` needs an error kind");
            return;
        }
        current.error = std::move(error);
        return;
    }
    const std::string json = trim(line.substr(2));
    if (json == "none") {
        current.expectsNone = true;
        return;
    }
    nlohmann::json value = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || !value.is_object()) {
        current.problems.push_back(where(lineNumber) + "not a JSON object: " + json);
        return;
    }
    current.results.push_back(std::move(value));
}

std::optional<LoadExpectation> parseLoad(const std::string& line, int lineNumber,
                                         std::vector<std::string>& problems) {
    static const std::regex pattern(R"(^#!load\s+(\S+)(?:\s+(\d+):(\d+))?\s*$)");
    std::smatch match;
    if (!std::regex_match(line, match, pattern)) {
        problems.push_back(where(lineNumber) + "expected `#!load KIND [line:col]`");
        return std::nullopt;
    }
    LoadExpectation load;
    load.line = lineNumber;
    load.kind = match[1];
    if (match[2].matched) {
        load.errorLine = std::stoi(match[2]);
        load.errorColumn = std::stoi(match[3]);
    }
    return load;
}

} // namespace

CaseFile parseCaseFile(std::istream& in) {
    CaseFile file;
    Case* current = nullptr;  // the case whose expectations may still follow
    bool inExpectations = false;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        std::smatch match;
        if (startsWith(line, "#!load")) {
            current = nullptr;
            if (file.load) {
                file.problems.push_back(where(lineNumber) + "a second `#!load` line");
            } else {
                file.load = parseLoad(line, lineNumber, file.problems);
            }
        } else if (std::regex_match(line, match, casePattern())) {
            Case& added = file.cases.emplace_back();
            added.line = lineNumber;
            added.query = trim(match[2]);
            if (match[1].matched) {
                added.limit = std::stoul(match[1]);
            }
            current = &added;
            inExpectations = false;
        } else if (current && !inExpectations && startsWith(line, "#~")) {
            current->deviations.push_back(trim(line.substr(2)));
        } else if (current && isExpectationLine(line)) {
            inExpectations = true;
            parseExpectation(*current, line, lineNumber);
        } else {
            current = nullptr;  // any other line ends the case
        }
    }
    for (Case& c : file.cases) {
        // A bare `#?` is a case whose expectations were never generated;
        // passing it silently would hide that.
        if (c.written.empty()) {
            c.problems.push_back(where(c.line) + "no `#=` or `#!` line follows the case");
        }
        if (c.expectsNone && !c.results.empty()) {
            c.problems.push_back(where(c.line) + "`#= none` next to expected answers");
        }
    }
    return file;
}

} // namespace polar::conformance
