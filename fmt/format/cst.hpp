// cst.hpp — the formatter's concrete syntax tree of a Polar file.
//
// Not the engine's AST: that one drops what a formatter must keep (which
// parentheses were written, `{x}` shorthand fields, literals as spelled:
// `1.0e3`, `"\u00e9"`-style escapes) and cannot say where comments sit.
// Here every literal is its source text, parentheses are a node, and each
// top-level item and resource-block production knows its first and last
// token, whose trivia carry the comments (see printer.cpp).
//
// The grammar and its precedences are the engine's (engine/src/parser.cpp):
// or < and < not < (= :=) < comparisons < (+ -) < (* / mod rem)
// < (in matches) < (.) < atoms. The engine's parser runs first on the
// same text (format.cpp), so this parser only ever sees valid input and
// need not repeat its error reporting or depth limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.hpp"  // engine/src: the engine's own lexer, in trivia mode

namespace polar::fmt {

struct Expr {
    enum class Kind {
        Token,   // text: a literal or variable as written
        Prefix,  // text: "not" / "new"; kids[0]
        Binary,  // text: the operator ("+", "=", "matches", "."); kids[0], kids[1]
        Chain,   // text: "and" / "or"; kids: the operands
        Call,    // text: name; kids: arguments; keys: "" or the keyword name
        List,    // kids: elements (the last may be Rest)
        Rest,    // text: "*name"
        Fields,  // text: class name of an instance pattern, or ""; keys + kids
        Paren,   // kids[0]
    };
    Kind kind = Kind::Token;
    std::string text;
    std::vector<Expr> kids;
    std::vector<std::string> keys;
    std::vector<bool> shorthand;  // Fields: `{x}` rather than `{x: x}`
    // Where comments can attach: Chain: each operand's first token; Call,
    // List, Fields: each element's first token, then the closing bracket.
    std::vector<std::size_t> starts;
};

struct Param {
    Expr value;
    std::optional<Expr> specializer;
};

struct Production {
    std::size_t first = 0, last = 0;  // token indices, `;` included
    bool shorthand = false;
    // shorthand: `head if implier [relKeyword relation];`, strings as written
    std::string head, implier, relKeyword, relation;
    // declaration: `keyword = value;`
    std::string keyword;
    Expr value;
};

struct Item {
    enum class Kind { Rule, Type, Query, Block } kind = Kind::Rule;
    std::size_t first = 0, last = 0;  // token indices, the closing `;`/`}` included
    std::string name;                 // rule/type name; block class
    std::vector<Param> params;
    std::vector<std::size_t> paramStarts;  // each parameter's first token, then the `)`
    std::optional<Expr> body;          // rule body; query term
    std::size_t bodyStart = 0;         // the body's first token
    std::string keyword;               // block: "actor", "resource", ... or ""
    std::vector<Production> productions;
};

struct File {
    std::string_view source;
    std::vector<detail::TriviaToken> tokens;  // ending with End, whose trivia are the last comments
    std::vector<Item> items;
    // A comment's text, without trailing blanks.
    std::string commentText(const detail::Comment& c) const {
        std::string_view s = source.substr(c.offset, c.length);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        return std::string(s);
    }
    std::string_view textOf(std::size_t token) const {
        const auto& t = tokens[token].token;
        return source.substr(t.offset, t.length);
    }
};

// Lexes with trivia and parses; the text must already have passed the
// engine's parser (it throws on anything it does not expect).
File parseFile(std::string_view source);

} // namespace polar::fmt
