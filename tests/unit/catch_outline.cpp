// polar::outlinePolicy (polar/outline.hpp): the places of rules, rule types
// and resource blocks, from a parse alone.
#include <catch2/catch.hpp>

#include <polar/error.hpp>
#include <polar/outline.hpp>

using Kind = polar::OutlineEntry::Kind;

TEST_CASE("outlinePolicy lists rules, types and blocks in source order", "[outline][lsp]") {
    const auto entries = polar::outlinePolicy(
        "type f(x: Integer);\n"
        "f(1);\n"
        "f(x) if\n  g(x);\n"
        "resource Repo {\n  permissions = [\"read\"];\n}\n"
        "g(_x, _y);\n");
    REQUIRE(entries.size() == 5);
    CHECK(entries[0].kind == Kind::RuleType);
    CHECK(entries[0].name == "f");
    CHECK(entries[0].nameColumn == 6);
    CHECK(entries[1].kind == Kind::Rule);
    CHECK(entries[1].head == "f(1)");
    CHECK(entries[1].line == 2);
    CHECK(entries[1].column == 1);
    CHECK(entries[1].endColumn == 6);  // just past the ';'
    CHECK(entries[2].line == 3);
    CHECK(entries[2].endLine == 4);
    CHECK(entries[2].endColumn == 8);
    CHECK(entries[3].kind == Kind::ResourceBlock);
    CHECK(entries[3].keyword == "resource");
    CHECK(entries[3].name == "Repo");
    CHECK(entries[3].nameColumn == 10);
    CHECK(entries[3].endLine == 7);
    CHECK(entries[4].name == "g");
    CHECK(entries[4].arity == 2);
}

TEST_CASE("outlinePolicy counts columns in characters and does not validate", "[outline][lsp]") {
    // "é" is two bytes; h is never defined: the outline does not care.
    const auto entries = polar::outlinePolicy("f(\"é\"); g(x) if h(x);");
    REQUIRE(entries.size() == 2);
    CHECK(entries[1].column == 9);
}

TEST_CASE("outlinePolicy reports a parse error with its place", "[outline][lsp]") {
    try {
        polar::outlinePolicy("f(1);\ng(x) if x = = 2;\n", "p.polar");
        FAIL("expected a parse error");
    } catch (const polar::Error& e) {
        CHECK(e.kind() == polar::ErrorKind::Parse);
        REQUIRE(e.location());
        CHECK(e.location()->file == "p.polar");
        CHECK(e.location()->line == 2);
        CHECK(e.location()->column == 13);
    }
}
