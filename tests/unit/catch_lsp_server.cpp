// `polar lsp` dispatch and lifecycle (cli/lsp/server.hpp), in process.
#include <catch2/catch.hpp>

#include <sstream>

#include "lsp/server.hpp"

using nlohmann::json;
using polar::cli::lsp::Server;

namespace {
json request(int id, const std::string& method, json params = json::object()) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params = json::object()) {
    return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}
} // namespace

TEST_CASE("Requests before initialize are refused; initialize advertises formatting", "[lsp][server]") {
    std::ostringstream log;
    Server server(log);
    auto out = server.handle(request(1, "textDocument/documentSymbol"));
    REQUIRE(out.size() == 1);
    CHECK(out[0]["error"]["code"] == -32002);
    out = server.handle(request(2, "initialize"));
    REQUIRE(out.size() == 1);
    CHECK(out[0]["result"]["capabilities"]["textDocumentSync"]["change"] == 1);
    CHECK(out[0]["result"]["capabilities"]["documentFormattingProvider"] == true);
}

TEST_CASE("Unknown methods, bad JSON and wrong parameter types get errors", "[lsp][server]") {
    std::ostringstream log;
    Server server(log);
    server.handle(request(1, "initialize"));
    CHECK(server.handle(request(2, "no/such"))[0]["error"]["code"] == -32601);
    CHECK(server.handleText("{not json")[0]["error"]["code"] == -32700);
    CHECK(server.handleText("[1,2]")[0]["error"]["code"] == -32600);
    CHECK(server.handle(request(3, "textDocument/hover", {{"textDocument", 5}}))[0]["error"]["code"] == -32602);
    CHECK(server.handle(request(4, "textDocument/hover", json::array()))[0]["error"]["code"] == -32602);
    // A notification with bad parameters is logged, never answered.
    CHECK(server.handle(notification("textDocument/didOpen", {{"textDocument", {{"uri", 1}}}})).empty());
    CHECK_FALSE(log.str().empty());
}

TEST_CASE("didOpen and didChange publish diagnostics; shutdown then exit is 0", "[lsp][server]") {
    std::ostringstream log;
    Server server(log);
    server.handle(request(1, "initialize"));
    server.handle(notification("initialized"));
    auto out = server.handle(notification(
        "textDocument/didOpen",
        {{"textDocument", {{"uri", "file:///a.polar"}, {"languageId", "polar"}, {"version", 1}, {"text", "f(x) if g(x);"}}}}));
    REQUIRE(out.size() == 1);
    CHECK(out[0]["method"] == "textDocument/publishDiagnostics");
    CHECK(out[0]["params"]["diagnostics"].size() == 1);
    out = server.handle(notification("textDocument/didChange",
                                     {{"textDocument", {{"uri", "file:///a.polar"}, {"version", 2}}},
                                      {"contentChanges", {{{"text", "f(1);"}}}}}));
    REQUIRE(out.size() == 1);
    CHECK(out[0]["params"]["diagnostics"].empty());
    CHECK(server.handle(request(5, "shutdown"))[0]["result"].is_null());
    CHECK(server.handle(request(6, "textDocument/hover"))[0]["error"]["code"] == -32600);
    CHECK_FALSE(server.exited());
    server.handle(notification("exit"));
    CHECK(server.exited());
    CHECK(server.exitCode() == 0);
}

TEST_CASE("exit without shutdown ends with 1", "[lsp][server]") {
    std::ostringstream log;
    Server server(log);
    server.handle(request(1, "initialize"));
    server.handle(notification("exit"));
    CHECK(server.exited());
    CHECK(server.exitCode() == 1);
}

TEST_CASE("A message nested a million levels deep is refused, not recursed into", "[lsp][server]") {
    std::ostringstream log;
    Server server(log);
    server.handle(request(1, "initialize"));
    const std::string deep = R"({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":)" +
                             std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}";
    const auto out = server.handleText(deep);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["error"]["code"] == -32600);
    // Brackets inside strings do not count.
    const std::string text(1000, '[');
    const auto published = server.handleText(
        notification("textDocument/didOpen", {{"textDocument", {{"uri", "file:///b.polar"}, {"version", 1}, {"text", text}}}})
            .dump());
    REQUIRE(published.size() == 1);
    CHECK(published[0]["method"] == "textDocument/publishDiagnostics");
}
