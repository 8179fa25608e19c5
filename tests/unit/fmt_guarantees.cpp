// fmt_guarantees.cpp — see fmt_guarantees.hpp.
#include "fmt_guarantees.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

#include "format/format.hpp"
#include "lexer.hpp"
#include "parser.hpp"
#include "polar/polar.hpp"

namespace polar::testing {

using namespace polar::detail;

namespace {

bool sameNode(const Node& a, const Node& b) {
    if (a.kind != b.kind || a.text != b.text || a.keys != b.keys || a.args.size() != b.args.size())
        return false;
    if (a.kind == NodeKind::Op && a.op != b.op) return false;
    if (a.kind == NodeKind::Int && a.integer != b.integer) return false;
    if (a.kind == NodeKind::Bool && a.boolean != b.boolean) return false;
    if (a.kind == NodeKind::Float && !(a.number == b.number || (std::isnan(a.number) && std::isnan(b.number))))
        return false;
    for (std::size_t i = 0; i < a.args.size(); ++i)
        if (!sameNode(a.args[i], b.args[i])) return false;
    return true;
}

bool sameRules(const std::vector<RuleAst>& a, const std::vector<RuleAst>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].params.size() != b[i].params.size() || !sameNode(a[i].body, b[i].body))
            return false;
        for (std::size_t k = 0; k < a[i].params.size(); ++k) {
            const ParamAst &p = a[i].params[k], &q = b[i].params[k];
            if (!sameNode(p.value, q.value) || bool(p.specializer) != bool(q.specializer)) return false;
            if (p.specializer && !sameNode(*p.specializer, *q.specializer)) return false;
        }
    }
    return true;
}

bool sameProgram(const PolicyAst& a, const PolicyAst& b) {
    if (!sameRules(a.rules, b.rules) || !sameRules(a.ruleTypes, b.ruleTypes)) return false;
    if (a.queries.size() != b.queries.size() || a.resourceBlocks.size() != b.resourceBlocks.size()) return false;
    for (std::size_t i = 0; i < a.queries.size(); ++i)
        if (!sameNode(a.queries[i].term, b.queries[i].term)) return false;
    for (std::size_t i = 0; i < a.resourceBlocks.size(); ++i) {
        const auto &x = a.resourceBlocks[i], &y = b.resourceBlocks[i];
        if (x.keyword != y.keyword || x.name != y.name || x.productions.size() != y.productions.size()) return false;
        for (std::size_t k = 0; k < x.productions.size(); ++k) {
            const auto &p = x.productions[k], &q = y.productions[k];
            if (p.kind != q.kind || p.keyword != q.keyword || p.head != q.head || p.implier != q.implier ||
                p.relation != q.relation || p.relationKeyword != q.relationKeyword || !sameNode(p.value, q.value))
                return false;
        }
    }
    return true;
}

// UTF-8 characters, as the renderer counts columns.
int columnsOf(std::string_view text) {
    int columns = 0;
    for (const char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return columns;
}

// Tokens that end a line when the layouts break around them, and so
// cannot start one: binary operators, `if`, `and`, `or`, `in`, `matches`.
bool endsLines(TokenKind k) {
    switch (k) {
    case TokenKind::Star: case TokenKind::Slash: case TokenKind::Plus: case TokenKind::Minus:
    case TokenKind::Eq: case TokenKind::Neq: case TokenKind::Leq: case TokenKind::Geq:
    case TokenKind::Lt: case TokenKind::Gt: case TokenKind::Unify: case TokenKind::Assign:
    case TokenKind::KwMod: case TokenKind::KwRem: case TokenKind::KwIn: case TokenKind::KwIf:
    case TokenKind::KwAnd: case TokenKind::KwOr: case TokenKind::KwMatches: return true;
    default: return false;
    }
}

// Tokens that the layouts never end a line with: `key:` and `x:` stay
// with their value, `not` and `new` with their operand, `on` (resource
// shorthand) with its relation.
bool holdsNext(const Token& t) {
    return t.kind == TokenKind::Colon || t.kind == TokenKind::KwNot || t.kind == TokenKind::KwNew ||
           (t.kind == TokenKind::Symbol && t.text == "on");
}

// The widest unit of a line that no layout breaks: a run of tokens with
// no space between them (a token, a `.` chain, `"x";`), joined across a
// space to an operator that follows it or to the value after `key:`.
// In columns; the whole line when it is not a line of whole tokens.
std::size_t longestUnbreakable(const std::string& line) {
    std::size_t longest = 0;
    try {
        Lexer lexer(line);
        std::size_t unitStart = 0, unitEnd = 0;
        bool holding = false;
        for (Token t = lexer.next(); t.kind != TokenKind::End; t = lexer.next()) {
            if (t.offset != unitEnd && !holding && !endsLines(t.kind)) unitStart = t.offset;
            unitEnd = t.offset + t.length;
            holding = holdsNext(t);
            longest = std::max<std::size_t>(longest, columnsOf(std::string_view(line).substr(unitStart, unitEnd - unitStart)));
        }
    } catch (const Lexer::Failure&) {
        return static_cast<std::size_t>(columnsOf(line));  // nothing to judge
    }
    return longest;
}

} // namespace

std::vector<std::string> commentsOf(const std::string& source) {
    std::vector<std::string> out;
    Lexer lexer(source);
    for (;;) {
        const TriviaToken t = lexer.nextWithTrivia();
        for (const Comment& c : t.comments) {
            std::string s = source.substr(c.offset, c.length);
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
            out.push_back(s);
        }
        if (t.token.kind == TokenKind::End) return out;
    }
}

// "" when the policy loads, else the error's kind and subkind.
std::string loadOutcome(const std::string& source, std::uint64_t maxSteps) {
    try {
        polar::Polar polar;
        polar.limits().maxSteps = maxSteps;
        polar.loadString(source, "x.polar");
        return "";
    } catch (const polar::Error& e) {
        return e.name() + "/" + e.subkind();
    }
}

bool checkFormatGuarantees(const std::string& source, const std::string& name, int width, bool checkWidth) {
    INFO(name << " at width " << width);
    PolicyAst original;
    try {
        original = Parser(source).parsePolicy();
    } catch (const ParseFailure&) {
        CHECK_THROWS_AS(polar::fmt::formatPolar(source, {width}), polar::fmt::FormatError);
        return false;
    }
    const std::string out = polar::fmt::formatPolar(source, {width});
    INFO("formatted:\n" << out);
    PolicyAst again;
    REQUIRE_NOTHROW(again = Parser(out).parsePolicy());
    CHECK(sameProgram(original, again));
    CHECK(polar::fmt::formatPolar(out, {width}) == out);
    CHECK(commentsOf(out) == commentsOf(source));
    if (!checkWidth) return true;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (columnsOf(line) <= width || line.find('#') != std::string::npos) continue;
        // Over the width only if it cannot be helped: an unbreakable unit
        // does not fit even on a line of its own at this indentation.
        const std::size_t indent = line.find_first_not_of(' ');
        INFO("line: " << line);
        CHECK(static_cast<int>(indent + longestUnbreakable(line)) > width);
    }
    return true;
}

} // namespace polar::testing
