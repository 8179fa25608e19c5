// parser.hpp — tokens to a PolicyAst (or one query term).
//
// Recursive descent over Oso's grammar levels, loosest first:
//   or < and < not < (= :=) < (== != < <= > >=) < (+ -) < (* / mod rem)
//   < (in matches) < (.) < atoms
// Like Oso's grammar, each expression is a value (1, [x], a + b), logical
// (f(x), x = 1, not p) or either (variables, booleans, lookups), and places
// that need one kind reject the other with ParseError::WrongValueType.
//
// Nesting (parentheses, lists, dictionaries, calls, `not`) is limited to
// kMaxNesting levels, so hostile input cannot overflow the C++ stack: every
// level costs a handful of frames in this parser and the compiler.
#pragma once

#include <deque>
#include <functional>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "lexer.hpp"

namespace polar::detail {

inline constexpr int kMaxNesting = 256;

class Parser {
public:
    // Throws ParseFailure.
    explicit Parser(std::string_view source);
    PolicyAst parsePolicy();
    Node parseQuery();  // a whole query string: one expression, optional trailing ';'

private:
    enum class Kind { Value, Logical, Either };
    struct Exp {
        Node node;
        Kind kind;
    };

    const Token& peek(std::size_t ahead = 0) const;
    const Token& advance();
    bool accept(TokenKind kind);
    const Token& expect(TokenKind kind, const char* what);
    [[noreturn]] void unexpected(const Token& t);
    [[noreturn]] void fail(std::string subkind, std::string message, std::uint32_t offset);

    void parseLine(PolicyAst& policy);
    RuleAst parseRuleHead();
    ParamAst parseParam();
    ResourceBlockAst parseResourceBlock();
    ResourceProduction parseProduction();
    const Token& expectName();               // a plain symbol, as Oso's grammar names things
    [[noreturn]] void notAName(const Token& t);

    Exp exp1();   // or
    Exp exp2();   // and
    Exp exp3();   // not
    Exp exp4();   // = :=
    Exp exp5();   // comparisons
    Exp exp6();   // + -
    Exp exp7();   // * / mod rem
    Exp exp8();   // in matches
    Exp exp9();   // . lookups
    Exp exp10();  // atoms
    Node value(Exp e);
    Node logical(Exp e);
    Node valueExp1() { return value(exp1()); }

    Node parseCallArgs(Node call);
    Node parseList(bool pattern);
    Node parseDict(bool pattern);
    Node parseFields(NodeKind kind, const std::function<Node()>& fieldValue);
    Node parsePattern(bool classNameAllowed);
    Node parseDotField();
    Node makeOp(Operator op, std::vector<Node> args, std::uint32_t start);

    struct NestingGuard {
        Parser& p;
        NestingGuard(Parser& parser, std::uint32_t offset);
        ~NestingGuard() { --p.m_depth; }
    };

    // Tokens are read from the lexer on demand (peek looks at most 2 ahead)
    // and those of finished lines dropped (parsePolicy): holding every token
    // of a 1,000,000-fact file took 72 bytes x 7 tokens per fact, half the
    // peak memory of loading it. A deque, because `const Token&` results of
    // peek() and advance() must survive reading further tokens.
    void fill(std::size_t index) const;
    mutable Lexer m_lexer;
    mutable std::deque<Token> m_tokens;
    mutable bool m_lexedEnd = false;
    mutable std::uint32_t m_lastEnd = 0;  // just past the last token before End
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace polar::detail
