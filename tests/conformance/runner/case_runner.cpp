// case_runner.cpp — see case_runner.hpp.
#include "case_runner.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>

#include "json_compare.hpp"

namespace polar::conformance {

namespace {

// A few errors are raised by Oso's JavaScript host itself, so they carry a
// host class name instead of a core kind. These are the engine's names for
// the same situations.
std::string canonicalKind(const std::string& kind) {
    if (kind == "UnregisteredClassError") return "RuntimeError::UnregisteredClass";
    if (kind == "InlineQueryFailedError") return "ValidationError::InlineQueryFailed";
    if (kind == "UnexpectedExpressionError") return "RuntimeError::UnhandledPartial";
    // An exception thrown by a fixture method reaches the JS caller as the
    // plain `Error` it was; a C++ host method's exception is an Application error.
    if (kind == "Error") return "RuntimeError::Application";
    return kind;
}

} // namespace

namespace {

struct Actual {
    std::vector<std::string> answers;  // Bindings::toJson(), as produced
    std::vector<nlohmann::json> parsed;
    std::optional<polar::Error> error;
    std::vector<std::string> problems;  // e.g. the engine wrote invalid JSON
};

Actual ask(polar::Polar& polar, const std::string& text, std::size_t maxAnswers) {
    Actual actual;
    try {
        polar::Query query = polar.query(text);
        while (actual.answers.size() < maxAnswers) {
            std::optional<polar::Bindings> result = query.next();
            if (!result) {
                break;
            }
            std::string json = result->toJson();
            nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
            if (parsed.is_discarded()) {
                actual.problems.push_back("the engine's answer is not valid JSON: " + json);
            }
            actual.answers.push_back(std::move(json));
            actual.parsed.push_back(std::move(parsed));
        }
    } catch (const polar::Error& error) {
        actual.error = error;
    }
    return actual;
}

bool matches(const Case& testCase, const Actual& actual) {
    if (!actual.problems.empty() || actual.parsed.size() != testCase.results.size()) {
        return false;
    }
    for (std::size_t i = 0; i < actual.parsed.size(); ++i) {
        if (!answersEquivalent(testCase.results[i], actual.parsed[i])) {
            return false;
        }
    }
    if (testCase.error) {
        return actual.error && actual.error->name() == canonicalKind(testCase.error->kind);
    }
    return !actual.error;
}

// The expectation lines as the file has them, so the reader can find them.
void describeExpected(std::ostream& out, const Case& testCase) {
    out << "  expected:\n";
    for (const std::string& line : testCase.written) {
        out << "    " << line << '\n';
    }
}

void describeActual(std::ostream& out, const Case& testCase, const Actual& actual,
                    std::size_t maxAnswers) {
    out << "  actual:\n";
    for (const std::string& answer : actual.answers) {
        out << "    #= " << answer << '\n';
    }
    if (actual.error) {
        out << "    #! " << actual.error->name() << " -- " << actual.error->message() << '\n';
    } else if (actual.answers.empty()) {
        out << "    #= none\n";
    } else if (actual.answers.size() == maxAnswers && maxAnswers > testCase.results.size()) {
        out << "    (stopped asking: more answers than expected)\n";
    }
    for (const std::string& problem : actual.problems) {
        out << "  " << problem << '\n';
    }
}

} // namespace

CaseOutcome runCase(polar::Polar& polar, const Case& testCase, const std::string& fileName) {
    std::ostringstream report;
    report << fileName << ':' << testCase.line << ": FAILED: " << testCase.query << '\n';
    if (!testCase.problems.empty()) {
        for (const std::string& problem : testCase.problems) {
            report << "  malformed case: " << problem << '\n';
        }
        return {false, report.str()};
    }

    // One answer more than expected tells "too many" and "an error comes
    // next" apart from a pass; `[limit=N]` caps it as Oso's regen does.
    std::size_t maxAnswers = testCase.results.size() + 1;
    if (testCase.limit) {
        maxAnswers = std::min(maxAnswers, *testCase.limit);
    }
    const Actual actual = ask(polar, testCase.query, maxAnswers);
    if (matches(testCase, actual)) {
        return {true, ""};
    }
    for (const std::string& reason : testCase.deviations) {
        report << "  (deliberate difference from Oso: " << reason << ")\n";
    }
    describeExpected(report, testCase);
    describeActual(report, testCase, actual, maxAnswers);
    return {false, report.str()};
}

CaseOutcome checkLoad(const std::optional<LoadExpectation>& expected,
                      const polar::Error* error, const std::string& fileName) {
    std::ostringstream report;
    if (!expected) {
        if (!error) {
            return {true, ""};
        }
        report << fileName << ": FAILED: loading raised an error no `#!load` line expects:\n"
               << error->format() << '\n';
        return {false, report.str()};
    }
    report << fileName << ':' << expected->line << ": FAILED: #!load " << expected->kind;
    if (expected->errorLine) {
        report << ' ' << *expected->errorLine << ':' << *expected->errorColumn;
    }
    report << '\n';
    if (!error) {
        report << "  the file loaded without error\n";
        return {false, report.str()};
    }
    bool passed = error->name() == canonicalKind(expected->kind);
    if (expected->errorLine) {
        const auto& location = error->location();
        passed = passed && location && location->line == *expected->errorLine &&
                 location->column == *expected->errorColumn;
    }
    if (passed) {
        return {true, ""};
    }
    report << "  actual: " << error->name();
    if (error->location()) {
        report << ' ' << error->location()->line << ':' << error->location()->column;
    }
    report << "\n" << error->format() << '\n';
    return {false, report.str()};
}

} // namespace polar::conformance
