// textDocument/formatting (cli/lsp/formatting.hpp): `polar fmt` as edits.
#include <catch2/catch.hpp>

#include <sstream>

#include "format/format.hpp"
#include "lsp/formatting.hpp"
#include "lsp/server.hpp"

using nlohmann::json;
using polar::cli::lsp::formattingEdits;
using polar::cli::lsp::formatWidthOf;

TEST_CASE("Formatting replaces the whole text with polar fmt's, or does nothing", "[lsp][formatting]") {
    SECTION("one edit from the start to the end of the text") {
        const std::string text = "f(x)   if\n    x = 1;";
        const json edits = formattingEdits(text, 80);
        REQUIRE(edits.size() == 1);
        CHECK(edits[0]["range"]["start"] == json{{"line", 0}, {"character", 0}});
        CHECK(edits[0]["range"]["end"] == json{{"line", 1}, {"character", 10}});
        CHECK(edits[0]["newText"] == "f(x) if x = 1;\n");
        CHECK(edits[0]["newText"] == polar::fmt::formatPolar(text));
    }
    SECTION("the end is counted in UTF-16 units, past a last line with no newline") {
        // `g("x")  ; # ` is 12 units, "😀" two (a surrogate pair), "é" one: 15.
        const std::string text = "f(1);\ng(\"x\")  ; # \xF0\x9F\x98\x80\xC3\xA9";
        const json edits = formattingEdits(text, 80);
        REQUIRE(edits.size() == 1);
        CHECK(edits[0]["range"]["end"] == json{{"line", 1}, {"character", 15}});
    }
    SECTION("a formatted text gets no edits") {
        CHECK(formattingEdits("f(x) if x = 1;\n", 80) == json::array());
    }
    SECTION("a text marked '# polar fmt: off' gets no edits, as polar fmt leaves it") {
        CHECK(formattingEdits("# polar fmt: off\nf(x)   if g(x);\n", 80) == json::array());
        CHECK(formattingEdits("# polar fmt: off\nf(x) if x = ;\n", 80) == json::array());
    }
    SECTION("a text that does not parse gets null, never an edit") {
        CHECK(formattingEdits("f(x) if x = ;\n", 80).is_null());
        CHECK(formattingEdits("f(\"unterminated", 80).is_null());
    }
    SECTION("the width is the one asked for") {
        const std::string text = "allow(actor, \"read\", resource) if has_role(actor, \"reader\", resource);\n";
        CHECK(formattingEdits(text, 80) == json::array());
        CHECK(formattingEdits(text, 40)[0]["newText"] == polar::fmt::formatPolar(text, {40}));
    }
}

TEST_CASE("The format width comes from initializationOptions.width", "[lsp][formatting]") {
    CHECK(formatWidthOf(json::object()) == 80);
    CHECK(formatWidthOf(json{{"initializationOptions", nullptr}}) == 80);
    CHECK(formatWidthOf(json{{"initializationOptions", {{"width", 100}}}}) == 100);
    CHECK(formatWidthOf(json{{"initializationOptions", {{"width", nullptr}}}}) == 80);
    for (const json& bad : {json(19), json(1001), json("wide"), json(80.5), json(-1)}) {
        CHECK_THROWS_AS(formatWidthOf(json{{"initializationOptions", {{"width", bad}}}}), polar::cli::lsp::RpcError);
    }
}

TEST_CASE("The server answers textDocument/formatting on an open document", "[lsp][formatting]") {
    std::ostringstream log;
    polar::cli::lsp::Server server(log);
    server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                   {"params", {{"initializationOptions", {{"width", 20}}}}}});
    server.handle({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didOpen"},
                   {"params", {{"textDocument", {{"uri", "file:///a.polar"}, {"version", 1}, {"text", "f(aaaa, bbbb, cccc, dddd);"}}}}}});
    const auto out = server.handle({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/formatting"},
                                    {"params", {{"textDocument", {{"uri", "file:///a.polar"}}}, {"options", json::object()}}}});
    REQUIRE(out.size() == 1);
    CHECK(out[0]["result"][0]["newText"] == polar::fmt::formatPolar("f(aaaa, bbbb, cccc, dddd);", {20}));
    const auto closed = server.handle({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "textDocument/formatting"},
                                       {"params", {{"textDocument", {{"uri", "file:///b.polar"}}}}}});
    CHECK(closed[0]["error"]["code"] == -32602);
}
