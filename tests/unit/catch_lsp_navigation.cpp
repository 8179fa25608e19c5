// `polar lsp` outline, hover and definition (cli/lsp/navigation.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "lsp/diagnostics.hpp"
#include "lsp/documents.hpp"
#include "lsp/navigation.hpp"

using namespace polar::cli::lsp;

namespace {
const std::string kPolicy =
    "allow(actor, action, resource) if\n"   // 0
    "  has_permission(actor, action, resource);\n"  // 1
    "resource Repo {\n"                     // 2
    "  permissions = [\"read\"];\n"         // 3
    "}\n"                                   // 4
    "has_permission(_a, \"read\", _r);\n"   // 5
    "has_permission(_a, _b, _r, \"\xf0\x9f\x98\x80\");\n";  // 6
} // namespace

TEST_CASE("Document symbols: rules as name/arity and the resource block", "[lsp][navigation]") {
    DocumentStore store;
    const Document& doc = store.update("file:///p.polar", kPolicy, 1);
    const auto symbols = documentSymbols(doc);
    REQUIRE(symbols.size() == 4);
    CHECK(symbols[0]["name"] == "allow/3");
    CHECK(symbols[0]["kind"] == 12);
    CHECK(symbols[0]["range"] == toJson(Range{{0, 0}, {1, 42}}));
    CHECK(symbols[0]["selectionRange"] == toJson(Range{{0, 0}, {0, 5}}));
    CHECK(symbols[1]["name"] == "resource Repo");
    CHECK(symbols[1]["kind"] == 5);
    CHECK(symbols[1]["selectionRange"] == toJson(Range{{2, 9}, {2, 13}}));
    CHECK(symbols[2]["name"] == "has_permission/3");
    CHECK(symbols[3]["name"] == "has_permission/4");
    // The end is past the astral character: UTF-16 counts it twice.
    CHECK(symbols[3]["range"]["end"] == toJson(Position{6, 33}));
}

TEST_CASE("Hover on a call lists the heads of that name with their lines", "[lsp][navigation]") {
    DocumentStore store;
    const Document& doc = store.update("file:///p.polar", kPolicy, 1);
    const auto h = hover(store, doc, {1, 5});
    REQUIRE(h.is_object());
    const std::string text = h["contents"]["value"];
    CHECK(text.find("has_permission(_a, \"read\", _r)    # line 6") != std::string::npos);
    CHECK(text.find("# line 7") != std::string::npos);
    CHECK(h["range"] == toJson(Range{{1, 2}, {1, 16}}));
    CHECK(hover(store, doc, {1, 18}).is_null());  // `actor` names no rule
}

TEST_CASE("Definition finds the rules in this and other open documents", "[lsp][navigation]") {
    DocumentStore store;
    store.update("file:///other.polar", "has_permission(_a, \"write\", _r);\n", 1);
    const Document& doc = store.update("file:///p.polar", kPolicy, 1);
    const auto locations = definition(store, doc, {1, 10});
    REQUIRE(locations.size() == 3);
    CHECK(locations[0]["uri"] == "file:///p.polar");
    CHECK(locations[0]["range"] == toJson(Range{{5, 0}, {5, 14}}));
    CHECK(locations[1]["range"]["start"]["line"] == 6);
    CHECK(locations[2]["uri"] == "file:///other.polar");
    CHECK(definition(store, doc, {2, 11})[0]["range"] == toJson(Range{{2, 9}, {2, 13}}));  // the block
    CHECK(definition(store, doc, {4, 0}).empty());
}

TEST_CASE("A text that stops parsing keeps its last outline", "[lsp][navigation]") {
    DocumentStore store;
    store.update("file:///p.polar", "f(1);", 1);
    const Document& doc = store.update("file:///p.polar", "f(1); g(", 2);
    CHECK(doc.outline.size() == 1);
    CHECK(doc.diagnostics.size() == 1);
}
