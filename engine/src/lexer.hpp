// lexer.hpp — Polar source text to tokens.
//
// Hand-written so every token knows its byte offset: errors point at the
// exact character. Keywords are recognised here; `true`/`false` are boolean
// literals and `inf`/`nan` float literals, as in Oso's lexer; `nil` stays a
// symbol (it is a constant, resolved by the compiler, as in Oso where nil is
// a registered constant).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace polar::detail {

enum class TokenKind : std::uint8_t {
    Integer, Float, String, Boolean, Symbol,
    Colon, Comma, LBracket, RBracket, LParen, RParen, LBrace, RBrace, Dot,
    Star, Slash, Plus, Minus, Eq, Neq, Leq, Geq, Lt, Gt, Unify, Assign, Pipe, Semicolon,
    Query,  // ?=
    Bang,
    // keywords
    KwNew, KwMod, KwRem, KwCut, KwDebug, KwPrint, KwIn, KwForall, KwIf, KwAnd, KwOr, KwNot,
    KwMatches, KwType,
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::uint32_t offset = 0;  // byte offset of the first character
    std::uint32_t length = 0;
    std::int64_t integer = 0;
    double number = 0;
    bool boolean = false;
    std::string text;  // symbol name or decoded string
};

const char* tokenName(TokenKind kind);
bool isKeyword(TokenKind kind);

// Throws polar::Error (ParseError::...) with the offset stored in the
// location's column until the caller resolves it; see Parser::fail.
class Lexer {
public:
    explicit Lexer(std::string_view source) : m_src(source) {}
    // All tokens, ending with End.
    std::vector<Token> tokenize();
    // The next token (End at the end of the text, and again after that):
    // the parser reads tokens as it goes instead of holding them all.
    Token next();

    struct Failure {
        std::string subkind;
        std::string message;
        std::uint32_t offset;
    };

private:
    void skipSpaceAndComments();
    Token number();
    Token string();
    Token symbolOrKeyword();
    [[noreturn]] void fail(std::string subkind, std::string message, std::uint32_t offset);

    std::string_view m_src;
    std::size_t m_pos = 0;
};

} // namespace polar::detail
