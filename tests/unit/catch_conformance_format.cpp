// catch_conformance_format.cpp — the conformance runner reads the format
// the way tests/README.md describes it, and compares answers by meaning.
//
// The runner is the judge of the whole conformance suite; if it misreads a
// file, every verdict it gives is wrong, so its parsing is tested here
// without the engine.
#include <catch2/catch.hpp>
#include <sstream>

#include "case_file.hpp"
#include "json_compare.hpp"

using polar::conformance::answersEquivalent;
using polar::conformance::CaseFile;
using polar::conformance::jsonEquivalent;
using polar::conformance::parseCaseFile;
using nlohmann::json;

namespace {

CaseFile parse(const std::string& text) {
    std::istringstream in(text);
    return parseCaseFile(in);
}

} // namespace

TEST_CASE("Case files are split into cases with their expectations", "[conformance]") {
    const CaseFile file = parse(
        "f(1); f(2);\n"
        "#? f(x)\n"
        "#= {\"x\": 1}\n"
        "#= {\"x\": 2.0}\n"
        "\n"
        "#?[limit=1] f(x)\n"
        "#= {\"x\": 1}\n"
        "#? f(3)\n"
        "#= none\n"
        "#? f(1)\n"
        "#= {}\n"
        "#? x = 9223372036854775807 + 1\n"
        "#! RuntimeError::ArithmeticError -- Arithmetic error\n"
        "#? g(x)\n"
        "#~ we allow deeper recursion than Oso\n"
        "#= {\"x\": [1, {\"a\": null}]}\n");

    REQUIRE(file.problems.empty());
    REQUIRE_FALSE(file.load);
    REQUIRE(file.cases.size() == 6);

    SECTION("a plain case") {
        const auto& c = file.cases[0];
        CHECK(c.line == 2);
        CHECK(c.query == "f(x)");
        CHECK_FALSE(c.limit);
        REQUIRE(c.results.size() == 2);
        CHECK(c.results[1] == json::parse(R"({"x": 2.0})"));
        CHECK(c.problems.empty());
    }
    SECTION("a limit") {
        REQUIRE(file.cases[1].limit);
        CHECK(*file.cases[1].limit == 1);
        CHECK(file.cases[1].query == "f(x)");
    }
    SECTION("none and the empty answer differ") {
        CHECK(file.cases[2].results.empty());
        CHECK(file.cases[2].expectsNone);
        REQUIRE(file.cases[3].results.size() == 1);
        CHECK(file.cases[3].results[0].empty());
    }
    SECTION("an expected error keeps its kind and text apart") {
        REQUIRE(file.cases[4].error);
        CHECK(file.cases[4].error->kind == "RuntimeError::ArithmeticError");
        CHECK(file.cases[4].error->text == "Arithmetic error");
    }
    SECTION("a deliberate difference is still a case") {
        REQUIRE(file.cases[5].deviations.size() == 1);
        CHECK(file.cases[5].results.size() == 1);
    }
}

TEST_CASE("An expected error is its first word; the text after -- is optional", "[conformance]") {
    const CaseFile file = parse("#? a\n#! RuntimeError::TypeError\n#? b\n#! ParseError::X --\n"
                                "#? c\n#! UnregisteredClassError -- Unregistered class: Foo.\n");
    REQUIRE(file.cases.size() == 3);
    CHECK(file.cases[0].error->kind == "RuntimeError::TypeError");
    CHECK(file.cases[0].error->text.empty());
    CHECK(file.cases[1].error->kind == "ParseError::X");
    CHECK(file.cases[1].error->text.empty());
    CHECK(file.cases[2].error->kind == "UnregisteredClassError");
    CHECK(file.cases[2].error->text == "Unregistered class: Foo.");
}

TEST_CASE("Load expectations are found anywhere in the file", "[conformance]") {
    SECTION("with a position") {
        const CaseFile file = parse("f(x) if x = ;\n# comment\n#!load ParseError::UnrecognizedToken 1:13\n");
        REQUIRE(file.load);
        CHECK(file.load->kind == "ParseError::UnrecognizedToken");
        CHECK(file.load->errorLine == 1);
        CHECK(file.load->errorColumn == 13);
        CHECK(file.cases.empty());
    }
    SECTION("without a position") {
        const CaseFile file = parse("#!load ValidationError::InvalidRule\n");
        REQUIRE(file.load);
        CHECK_FALSE(file.load->errorLine);
    }
}

TEST_CASE("Malformed cases are reported, not silently passed", "[conformance]") {
    SECTION("a case with no expectations") {
        const CaseFile file = parse("#? f(x)\nf(1);\n");
        REQUIRE(file.cases.size() == 1);
        CHECK_FALSE(file.cases[0].problems.empty());
    }
    SECTION("an expectation that is not JSON") {
        const CaseFile file = parse("#? f(x)\n#= {x: 1}\n");
        CHECK_FALSE(file.cases[0].problems.empty());
    }
    SECTION("an answer after the error") {
        const CaseFile file = parse("#? f(x)\n#! RuntimeError::TypeError\n#= {}\n");
        CHECK_FALSE(file.cases[0].problems.empty());
    }
    SECTION("a blank line ends the expectations") {
        const CaseFile file = parse("#? f(x)\n#= {\"x\": 1}\n\n#= {\"x\": 2}\n");
        CHECK(file.cases[0].results.size() == 1);
    }
}

TEST_CASE("Answers compare by meaning", "[conformance]") {
    SECTION("integers and floats by value") {
        CHECK(jsonEquivalent(json::parse("1"), json::parse("1.0")));
        CHECK(jsonEquivalent(json::parse("0.1"), json::parse("0.10000000000000002")));
        CHECK_FALSE(jsonEquivalent(json::parse("1"), json::parse("2")));
        CHECK_FALSE(jsonEquivalent(json::parse("1.5"), json::parse("1.5001")));
    }
    SECTION("large integers exactly") {
        CHECK(jsonEquivalent(json::parse("9223372036854775807"),
                             json::parse("9223372036854775807")));
        CHECK_FALSE(jsonEquivalent(json::parse("9223372036854775807"),
                                   json::parse("9223372036854775806")));
        CHECK_FALSE(jsonEquivalent(json::parse("-1"), json::parse("18446744073709551615")));
    }
    SECTION("objects ignore key order, arrays do not") {
        CHECK(jsonEquivalent(json::parse(R"({"a": 1, "b": [true, null]})"),
                             json::parse(R"({"b": [true, null], "a": 1.0})")));
        CHECK_FALSE(jsonEquivalent(json::parse("[1, 2]"), json::parse("[2, 1]")));
        CHECK_FALSE(jsonEquivalent(json::parse(R"({"a": 1})"), json::parse(R"({"a": 1, "b": 2})")));
    }
    SECTION("types do not mix") {
        CHECK_FALSE(jsonEquivalent(json::parse("1"), json::parse("\"1\"")));
        CHECK_FALSE(jsonEquivalent(json::parse("true"), json::parse("1")));
        CHECK_FALSE(jsonEquivalent(json::parse("null"), json::parse("{}")));
    }
}

TEST_CASE("Unbound variables match whatever the engine named them", "[conformance]") {
    const json unbound = json::parse(R"({"$var": "_x_17"})");
    SECTION("\"<unbound>\" stands for any unbound variable") {
        CHECK(jsonEquivalent(json("<unbound>"), unbound));
        CHECK_FALSE(jsonEquivalent(json("<unbound>"), json(1)));
        CHECK(jsonEquivalent(json::parse(R"([1, "*<unbound>"])"),
                             json::parse(R"([1, {"$var": "_rest_3"}])")));
    }
    SECTION("an answer may leave out a variable the engine reports unbound") {
        CHECK(answersEquivalent(json::parse("{}"), json::parse(R"({"x": {"$var": "x"}})")));
        CHECK_FALSE(answersEquivalent(json::parse("{}"), json::parse(R"({"x": 1})")));
        CHECK_FALSE(answersEquivalent(json::parse(R"({"x": 1})"), json::parse("{}")));
        CHECK(answersEquivalent(json::parse(R"({"x": 1})"),
                                json::parse(R"({"y": {"$var": "y"}, "x": 1.0})")));
    }
}
