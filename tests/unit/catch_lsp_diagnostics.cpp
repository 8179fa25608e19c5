// `polar lsp` diagnostics (cli/lsp/diagnostics.hpp, text_position.hpp): the
// errors of `polar check` at LSP ranges, columns in UTF-16 code units.
#include <catch2/catch.hpp>

#include <string>

#include "lsp/diagnostics.hpp"
#include "lsp/text_position.hpp"

using namespace polar::cli::lsp;

TEST_CASE("UTF-16 columns: ASCII, two-byte, three-byte and astral characters", "[lsp][diagnostics]") {
    CHECK(utf16Column("abc", 3) == 2);
    CHECK(utf16Column("\xc3\xa9" "bc", 2) == 1);              // é: one unit
    CHECK(utf16Column("\xe2\x82\xac" "bc", 2) == 1);          // €: one unit
    CHECK(utf16Column("\xf0\x9f\x98\x80" "bc", 2) == 2);      // 😀: a surrogate pair
    CHECK(byteOffsetOfUtf16("\xf0\x9f\x98\x80" "bc", 2) == 4);
    CHECK(utf16Length("a\xf0\x9f\x98\x80") == 3);
    CHECK(utf16Column("\xff" "b", 2) == 1);  // a stray byte is one character, as the engine counts
}

TEST_CASE("A parse error covers its token", "[lsp][diagnostics]") {
    const std::string text = "f(x) if x = 1;\ng(y) if y = = 2;\n";
    const auto diags = checkText(text, "p.polar");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["severity"] == 1);
    CHECK(diags[0]["code"] == "ParseError::UnrecognizedToken");
    CHECK(diags[0]["range"] == toJson(Range{{1, 12}, {1, 13}}));
}

TEST_CASE("A validation error after non-ASCII text: UTF-16 range of the name", "[lsp][diagnostics]") {
    // "😀" is one engine column but two UTF-16 units: the undefined call
    // `missing` is at engine column 21 (code point 20 from 0), LSP character 21.
    const std::string text = "f(x) if x = \"\xf0\x9f\x98\x80\" and missing(x);\n";
    const auto diags = checkText(text, "p.polar");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["severity"] == 1);
    const Range expected{{0, 21}, {0, 28}};
    CHECK(diags[0]["range"] == toJson(expected));
}

TEST_CASE("A policy that loads has no diagnostics; singletons are warnings", "[lsp][diagnostics]") {
    CHECK(checkText("f(1);\ng(x) if f(x);\n", "ok.polar").empty());
    const auto warnings = checkText("f(x, y) if x = 1;", "w.polar");
    REQUIRE_FALSE(warnings.empty());
}

TEST_CASE("Inline queries run without printing to stdout and errors sit on the query", "[lsp][diagnostics]") {
    const auto diags = checkText("f(1);\n?= f(2);\n", "q.polar");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["range"]["start"]["line"] == 1);
}

TEST_CASE("Token ranges: string literals, numbers, end of line", "[lsp][diagnostics]") {
    CHECK(tokenRange("x = \"ab\\\"c\";", 1, 5).end.character == 11);
    CHECK(tokenRange("x = 12.5;", 1, 5).end.character == 8);
    CHECK(tokenRange("x = ", 1, 5).end.character == 5);  // past the end: one character
}
