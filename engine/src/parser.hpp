// parser.hpp — tokens to a PolicyAst (or one query term).
//
// Recursive descent over Oso's grammar levels, loosest first:
//   or < and < not < (= :=) < (== != < <= > >=) < (+ -) < (* / mod rem)
//   < (in matches) < (.) < atoms
// Like Oso's grammar, each expression is a value (1, [x], a + b), logical
// (f(x), x = 1, not p) or either (variables, booleans, lookups), and places
// that need one kind reject the other with ParseError::WrongValueType.
//
// Depth is limited: no tree higher than kMaxNesting levels is accepted, so
// hostile input cannot overflow the C++ stack. Every construct counts —
// each binary operator of a chain (`1 + 1 + 1` is three levels: the chain is
// left-nested), each `.` lookup, `not`, call, `new`, list, dictionary,
// pattern and parenthesis — measured as the height of the tree built
// (Node::height), because the later walks (the compiler, the tree's
// destructor, the solver resolving nested arithmetic) recurse once per
// level of the tree, whatever syntax made it. Brackets are also counted on
// the way down (NestingGuard), before their contents are parsed, so the
// parser's own recursion stops at the same limit. `and` and `or` chains and
// list elements are flat (one node with n arguments): 100,000 conjuncts or a
// 1,000,000-element list are one level, not n.
#pragma once

#include <memory>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "lexer.hpp"

// Keeps a function out of its caller so the caller's frame stays small
// (see the expression functions below).
#if defined(__GNUC__) || defined(__clang__)
#define POLAR_PARSER_NOINLINE __attribute__((noinline))
#else
#define POLAR_PARSER_NOINLINE
#endif

namespace polar::detail {

// The deepest tree accepted, in levels (Node::height). What a level costs
// on the C++ stack, on the deepest of the walks a tree goes through (this
// parser, the compiler, the solver resolving nested arithmetic, the tree's
// destructor) and for the costliest construct (calls nested in arguments;
// dictionaries, patterns and lists come close): about 1 KiB with GCC -O2 and
// 2.6 KiB under ASan, whose redzones widen frames. So a tree at the limit
// needs at most ~0.7 MiB even under ASan — a twelfth of an 8 MiB main stack
// — and ~260 KiB in a normal build, which also fits the 512 KiB of a macOS
// secondary thread or the 1 MiB of a Windows one. tests/unit/
// catch_parser_depth.cpp checks it in every build (at most 1 MiB for the
// deepest tree of each construct). Real policies do not come near 256
// levels; Oso's parser takes deeper input (a 3,000-long `+` chain, 1,500
// nested lists) but crashes a little beyond that (docs/semantics.md).
inline constexpr int kMaxNesting = 256;
static_assert(kMaxNesting < std::numeric_limits<decltype(Node::height)>::max(),
              "Node::height must hold the height of every tree the parser accepts, plus one");

class Parser {
public:
    // Throws ParseFailure.
    explicit Parser(std::string_view source);
    PolicyAst parsePolicy();
    // Hands each plain rule to `onRule` as soon as its line is parsed instead
    // of keeping it in the result: loading 1,000,000 facts then holds one
    // rule's tree at a time, not a million (their trees were ~460 bytes
    // each, most of the peak memory of a load).
    using RuleSink = std::function<void(RuleAst&&)>;
    PolicyAst parsePolicy(const RuleSink& onRule);
    Node parseQuery();  // a whole query string: one expression, optional trailing ';'

private:
    enum class Kind { Value, Logical, Either };
    struct Exp {
        Node node;
        Kind kind;
    };

    // The current token is asked for many times per token (each level of
    // the expression grammar looks at it), so it is cached: indexing the
    // token store was a quarter of the instructions of loading facts.
    const Token& peek(std::size_t ahead = 0) const {
        if (ahead == 0 && m_current && m_currentPos == m_pos) return *m_current;
        return peekFar(ahead);
    }
    const Token& peekFar(std::size_t ahead) const;
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
    // The `...Tail` loops and the bracketed atoms are kept out of line
    // (parser.cpp, "expressions") so the levels that recursion passes
    // through have small frames.
    POLAR_PARSER_NOINLINE void orTail(Exp& e);
    POLAR_PARSER_NOINLINE void andTail(Exp& e);
    POLAR_PARSER_NOINLINE Exp notExp();
    POLAR_PARSER_NOINLINE void unifyTail(Exp& left);
    POLAR_PARSER_NOINLINE void comparisonTail(Exp& left);
    POLAR_PARSER_NOINLINE void additionTail(Exp& left);
    POLAR_PARSER_NOINLINE void multiplicationTail(Exp& left);
    POLAR_PARSER_NOINLINE void membershipTail(Exp& left);
    POLAR_PARSER_NOINLINE void lookupTail(Exp& left);
    POLAR_PARSER_NOINLINE Exp parenthesised();
    POLAR_PARSER_NOINLINE Exp call();
    POLAR_PARSER_NOINLINE Exp construction();  // new Foo(...)
    POLAR_PARSER_NOINLINE Exp builtinCall();   // print(...), debug(...)
    POLAR_PARSER_NOINLINE Exp forall();
    POLAR_PARSER_NOINLINE Exp atom();
    Node value(Exp e);
    Node logical(Exp e);
    Node valueExp1() { return value(exp1()); }

    Node parseCallArgs(Node call);
    Node parseList(bool pattern);
    Node parseDict(bool pattern);
    // What follows a key's colon: an expression (a dictionary), a pattern,
    // or a class name (a resource block's relations).
    enum class FieldValue { Term, Pattern, ClassName };
    Node parseFields(NodeKind kind, FieldValue what);
    Node fieldValue(FieldValue what);
    Node parsePattern(bool classNameAllowed);
    Node parseDotField();
    // `at` is where a too-deep tree is reported: the operator or bracket
    // that went one level too far.
    Node makeOp(Operator op, std::vector<Node> args, std::uint32_t start, std::uint32_t at);
    void measure(Node& node, std::uint32_t at);
    [[noreturn]] void tooDeep(std::uint32_t at);

    struct NestingGuard {
        Parser& p;
        NestingGuard(Parser& parser, std::uint32_t offset);
        ~NestingGuard() { --p.m_depth; }
    };

    // Tokens are read from the lexer on demand (peek looks at most 2 ahead)
    // and those of finished lines dropped (parsePolicy): holding every token
    // of a 1,000,000-fact file took 72 bytes x 7 tokens per fact, half the
    // peak memory of loading it. Kept in fixed chunks that are never freed
    // or moved until the parser goes: `const Token&` results of peek() and
    // advance() survive reading further tokens, and a new line reuses the
    // chunks (and their strings' buffers) of the last instead of allocating
    // (a deque freed and allocated a block per line of a file of facts).
    class TokenBuffer {
    public:
        std::size_t size() const { return m_size; }
        Token& operator[](std::size_t i) { return m_chunks[i / kChunk][i % kChunk]; }
        void push(Token&& t) {
            if (m_size == m_chunks.size() * kChunk) m_chunks.push_back(std::make_unique<Token[]>(kChunk));
            (*this)[m_size++] = std::move(t);
        }
        // Drops the first n tokens; the rest move to the front.
        void dropFront(std::size_t n) {
            for (std::size_t k = n; k < m_size; ++k) (*this)[k - n] = std::move((*this)[k]);
            m_size -= n;
        }

    private:
        static constexpr std::size_t kChunk = 64;  // one line of a typical policy
        std::vector<std::unique_ptr<Token[]>> m_chunks;
        std::size_t m_size = 0;
    };
    void fill(std::size_t index) const;
    mutable Lexer m_lexer;
    mutable TokenBuffer m_tokens;
    mutable bool m_lexedEnd = false;
    mutable const Token* m_current = nullptr;  // m_tokens[m_currentPos]; tokens never move
    mutable std::size_t m_currentPos = 0;
    const RuleSink* m_onRule = nullptr;
    mutable std::uint32_t m_lastEnd = 0;  // just past the last token before End
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace polar::detail
