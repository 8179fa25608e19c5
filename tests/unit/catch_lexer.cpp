// The lexer: tokens, offsets, escapes, numbers, and its errors.
#include <catch2/catch.hpp>

#include <cmath>

#include "lexer.hpp"

using polar::detail::Lexer;
using polar::detail::Token;
using polar::detail::TokenKind;

namespace {
std::vector<TokenKind> kinds(std::string_view src) {
    std::vector<TokenKind> out;
    for (const Token& t : Lexer(src).tokenize()) out.push_back(t.kind);
    return out;
}
} // namespace

TEST_CASE("Lexer splits operators, keywords and punctuation", "[lexer]") {
    using K = TokenKind;
    CHECK(kinds("f(x) if x := 1 and y != 2;") ==
          std::vector<K>{K::Symbol, K::LParen, K::Symbol, K::RParen, K::KwIf, K::Symbol, K::Assign,
                         K::Integer, K::KwAnd, K::Symbol, K::Neq, K::Integer, K::Semicolon, K::End});
    CHECK(kinds("?= x matches Foo{} or not x in [*r];") ==
          std::vector<K>{K::Query, K::Symbol, K::KwMatches, K::Symbol, K::LBrace, K::RBrace, K::KwOr,
                         K::KwNot, K::Symbol, K::KwIn, K::LBracket, K::Star, K::Symbol, K::RBracket,
                         K::Semicolon, K::End});
    CHECK(kinds("a <= b >= c < d > e == f mod g rem h") ==
          std::vector<K>{K::Symbol, K::Leq, K::Symbol, K::Geq, K::Symbol, K::Lt, K::Symbol, K::Gt,
                         K::Symbol, K::Eq, K::Symbol, K::KwMod, K::Symbol, K::KwRem, K::Symbol, K::End});
}

TEST_CASE("Lexer reads numbers", "[lexer]") {
    SECTION("integers") {
        auto t = Lexer("9223372036854775807").tokenize();
        CHECK(t[0].kind == TokenKind::Integer);
        CHECK(t[0].integer == 9223372036854775807LL);
    }
    SECTION("floats with fractions and exponents") {
        auto t = Lexer("1.5 1e3 2.5E-2").tokenize();
        CHECK(t[0].number == 1.5);
        CHECK(t[1].kind == TokenKind::Float);
        CHECK(t[1].number == 1000.0);
        CHECK(t[2].number == Approx(0.025));
    }
    SECTION("inf and nan are float literals, as in Oso's lexer; other spellings are names") {
        auto t = Lexer("inf nan Inf NaN information nanny").tokenize();
        REQUIRE(t.size() == 7);
        CHECK(t[0].kind == TokenKind::Float);
        CHECK(std::isinf(t[0].number));
        CHECK(t[0].number > 0);
        CHECK(t[0].length == 3);
        CHECK(t[1].kind == TokenKind::Float);
        CHECK(std::isnan(t[1].number));
        for (std::size_t k = 2; k < 6; ++k) CHECK(t[k].kind == TokenKind::Symbol);
        CHECK(t[4].text == "information");
    }
    SECTION("an integer too large is an IntegerOverflow error at its offset") {
        try {
            Lexer("x = 99999999999999999999").tokenize();
            FAIL("expected an error");
        } catch (const Lexer::Failure& f) {
            CHECK(f.subkind == "IntegerOverflow");
            CHECK(f.offset == 4);
        }
    }
}

TEST_CASE("Lexer decodes string escapes", "[lexer]") {
    auto t = Lexer(R"("a\tb\n\"q\"\\")").tokenize();
    CHECK(t[0].text == "a\tb\n\"q\"\\");
    SECTION("any other escaped character stands for itself, as in Oso") {
        CHECK(Lexer(R"("\q\u{41}")").tokenize()[0].text == "qu{41}");
    }
    SECTION("a raw line break in a string is an error") {
        CHECK_THROWS_AS(Lexer("\"a\nb\"").tokenize(), Lexer::Failure);
    }
    SECTION("an unterminated string is an error") {
        CHECK_THROWS_AS(Lexer("\"abc").tokenize(), Lexer::Failure);
    }
}

TEST_CASE("Lexer skips comments and records offsets", "[lexer]") {
    auto t = Lexer("# a comment\n  f # another\n").tokenize();
    REQUIRE(t.size() == 2);
    CHECK(t[0].text == "f");
    CHECK(t[0].offset == 14);
}

TEST_CASE("Lexer rejects characters outside the language", "[lexer]") {
    try {
        Lexer("f(x) if x = $;").tokenize();
        FAIL("expected an error");
    } catch (const Lexer::Failure& f) {
        CHECK(f.subkind == "InvalidTokenCharacter");
        CHECK(f.offset == 12);
    }
}

TEST_CASE("Lexer follows Oso on 1.e, foo? and foo:::bar", "[lexer]") {
    SECTION("a '.' then an 'e' that starts no exponent is an invalid float, not a lookup") {
        try {
            Lexer("x = 1.ee1").tokenize();
            FAIL("expected an error");
        } catch (const Lexer::Failure& f) {
            CHECK(f.subkind == "InvalidFloat");
            CHECK(f.offset == 4);
        }
        CHECK(Lexer("1.e5").tokenize()[0].number == 1e5);
        CHECK(kinds("x.foo 5.foo") == std::vector<TokenKind>{TokenKind::Symbol, TokenKind::Dot, TokenKind::Symbol,
                                                             TokenKind::Integer, TokenKind::Dot, TokenKind::Symbol,
                                                             TokenKind::End});
    }
    SECTION("a name may end in one '?'") {
        auto t = Lexer("foo? = 1").tokenize();
        CHECK(t[0].kind == TokenKind::Symbol);
        CHECK(t[0].text == "foo?");
        CHECK(t[1].kind == TokenKind::Unify);
        CHECK_THROWS_AS(Lexer("foo?? = 1").tokenize(), Lexer::Failure);
    }
    SECTION("a name may not end in '::'") {
        CHECK(Lexer("Ruby::Namespace").tokenize()[0].text == "Ruby::Namespace");
        try {
            Lexer("foo:::bar = 1").tokenize();
            FAIL("expected an error");
        } catch (const Lexer::Failure& f) {
            CHECK(f.subkind == "InvalidTokenCharacter");
            CHECK(f.offset == 4);
        }
    }
}
