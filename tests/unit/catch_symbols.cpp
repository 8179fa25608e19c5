// The symbol table: one id per distinct text, stable as the table grows,
// and the text given back exactly (empty, long, sharing prefixes, with NUL).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "symbols.hpp"

using polar::detail::SymbolTable;

TEST_CASE("Interning gives one id per text, kept as the table grows", "[symbols]") {
    SymbolTable table;
    std::vector<std::string> texts = {"", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\0x", "member", "owner"};
    texts[5] = std::string("abcdefgh\0x", 10);  // a NUL inside: the length counts
    for (int k = 0; k < 10000; ++k) texts.push_back("user" + std::to_string(k));
    std::vector<std::uint32_t> ids;
    for (const auto& t : texts) ids.push_back(table.intern(t));
    REQUIRE(table.size() == texts.size());
    for (std::size_t k = 0; k < texts.size(); ++k) {
        INFO(k);
        CHECK(ids[k] == k);                       // ids are given in order of first appearance
        CHECK(table.intern(texts[k]) == ids[k]);  // and found again after every growth
        CHECK(table.text(ids[k]) == texts[k]);
    }
    CHECK(table.size() == texts.size());
}

TEST_CASE("References to a symbol's text stay valid as the table grows", "[symbols]") {
    SymbolTable table;
    const std::string& first = table.text(table.intern("first"));
    for (int k = 0; k < 5000; ++k) table.intern("s" + std::to_string(k));
    CHECK(first == "first");
}
