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

// Opt-in trivia (Lexer::nextWithTrivia), for tools that rewrite source
// text (`polar fmt`): the parser never asks for it, so its path through
// next() is unchanged. A comment runs from '#' to the end of its line; its
// text is source.substr(offset, length), without the newline.
struct Comment {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool ownLine = false;                // no token before it on its line
    std::uint32_t blankLinesBefore = 0;  // empty lines between it and what came before
};

// A token with the comments and blank lines in front of it. A comment
// that is not ownLine trails the previous token (`f(1);  # why`).
struct TriviaToken {
    Token token;
    std::vector<Comment> comments;       // in source order
    std::uint32_t blankLinesBefore = 0;  // between the last comment (or token) and this token
    bool ownLine = false;                // first token on its line
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
    Token next() {
        skipSpaceAndComments();
        return scan();
    }
    // The same token as next(), with the trivia before it (opt-in: only
    // source-rewriting tools call this; the parser never does).
    TriviaToken nextWithTrivia();

    struct Failure {
        std::string subkind;
        std::string message;
        std::uint32_t offset;
    };

private:
    void skipSpaceAndComments();
    Token scan();  // the token at m_pos; space and comments already skipped
    Token number();
    Token string();
    Token symbolOrKeyword();
    [[noreturn]] void fail(std::string subkind, std::string message, std::uint32_t offset);

    std::string_view m_src;
    std::size_t m_pos = 0;
};

} // namespace polar::detail
