// catch_lexer_trivia.cpp — the lexer's opt-in trivia mode (for `polar fmt`):
// comments and blank lines arrive with the token after them, the tokens
// are exactly those of the default mode, and the default mode is untouched.
#include <catch2/catch.hpp>

#include "lexer.hpp"

using namespace polar::detail;

namespace {

std::vector<TriviaToken> lexAll(std::string_view source) {
    Lexer lexer(source);
    std::vector<TriviaToken> out;
    do out.push_back(lexer.nextWithTrivia());
    while (out.back().token.kind != TokenKind::End);
    return out;
}

} // namespace

TEST_CASE("Trivia mode attaches comments and blank lines to the next token", "[lexer]") {
    const std::string src = "# head\n\n\nf(1);  # trailing\n# own\nx;\n# end\n";
    const auto tokens = lexAll(src);
    REQUIRE(tokens.size() == 8);  // f ( 1 ) ; x ; End
    const auto& f = tokens[0];
    REQUIRE(f.comments.size() == 1);
    CHECK(src.substr(f.comments[0].offset, f.comments[0].length) == "# head");
    CHECK(f.comments[0].ownLine);
    CHECK(f.comments[0].blankLinesBefore == 0);
    CHECK(f.blankLinesBefore == 2);
    CHECK(f.ownLine);
    const auto& x = tokens[5];
    REQUIRE(x.comments.size() == 2);
    CHECK_FALSE(x.comments[0].ownLine);  // `# trailing` trails the `;`
    CHECK(src.substr(x.comments[0].offset, x.comments[0].length) == "# trailing");
    CHECK(x.comments[1].ownLine);
    CHECK(x.blankLinesBefore == 0);
    CHECK(tokens[1].comments.empty());
    CHECK_FALSE(tokens[1].ownLine);
    const auto& end = tokens.back();
    REQUIRE(end.comments.size() == 1);
    CHECK(src.substr(end.comments[0].offset, end.comments[0].length) == "# end");
}

TEST_CASE("Trivia mode yields the same tokens as the default mode", "[lexer]") {
    const std::string src = "allow(a, \"r\", r: Repo{x: 1.5}) if # c\n a.b != -2 and not x in [1, *rest];";
    Lexer plain(src);
    const auto expected = plain.tokenize();
    const auto withTrivia = lexAll(src);
    REQUIRE(withTrivia.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(withTrivia[i].token.kind == expected[i].kind);
        CHECK(withTrivia[i].token.offset == expected[i].offset);
        CHECK(withTrivia[i].token.length == expected[i].length);
        CHECK(withTrivia[i].token.text == expected[i].text);
    }
}
