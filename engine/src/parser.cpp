#include "parser.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string_view>

namespace polar::detail {
namespace {

bool isComparison(TokenKind k) {
    return k == TokenKind::Eq || k == TokenKind::Neq || k == TokenKind::Lt ||
           k == TokenKind::Leq || k == TokenKind::Gt || k == TokenKind::Geq;
}

Operator comparisonOp(TokenKind k) {
    switch (k) {
    case TokenKind::Eq: return Operator::Eq;
    case TokenKind::Neq: return Operator::Neq;
    case TokenKind::Lt: return Operator::Lt;
    case TokenKind::Leq: return Operator::Leq;
    case TokenKind::Gt: return Operator::Gt;
    default: return Operator::Geq;
    }
}

// A keyword may still name a dictionary key, a field or a method (`x.type`).
bool isWordToken(const Token& t) { return t.kind == TokenKind::Symbol || isKeyword(t.kind); }

std::string wordText(const Token& t) { return t.kind == TokenKind::Symbol ? t.text : std::string(tokenName(t.kind)); }

// Where Oso's grammar wants a plain name (a block's keyword and class, a
// declaration, the word before a relation), a few keywords are refused as
// reserved words; any other token is simply unexpected.
bool isReservedName(const Token& t) {
    return t.kind == TokenKind::KwNew || t.kind == TokenKind::KwIn || t.kind == TokenKind::KwCut ||
           t.kind == TokenKind::KwDebug;
}

// A float as Oso's messages show a token: Rust's `{}` for f64, the shortest
// digits that read back, never an exponent (`1e20` is 100000000000000000000,
// `1.0` is 1), and `inf`, `-inf`, `NaN`.
std::string rustFloatText(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    if (ec != std::errc()) return "float";
    const std::string_view sci(buf, static_cast<std::size_t>(end - buf));  // -d.ddde+XX
    const std::size_t e = sci.find('e');
    const bool negative = sci.front() == '-';
    std::string digits;
    for (char c : sci.substr(negative ? 1 : 0, e - (negative ? 1 : 0)))
        if (c != '.') digits += c;
    const int point = std::atoi(std::string(sci.substr(e + 1)).c_str()) + 1;  // digits before the point
    std::string out = negative ? "-" : "";
    const int n = static_cast<int>(digits.size());
    if (point <= 0) out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    else if (point >= n) out += digits + std::string(static_cast<std::size_t>(point - n), '0');
    else out += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
    return out;
}

Node leaf(NodeKind kind, const Token& t) {
    Node n;
    n.kind = kind;
    n.start = t.offset;
    n.end = t.offset + t.length;
    return n;
}

} // namespace

Parser::NestingGuard::NestingGuard(Parser& parser, std::uint32_t offset) : p(parser) {
    if (++p.m_depth > kMaxNesting) {
        --p.m_depth;
        p.tooDeep(offset);
    }
}

// Oso has no error of its own for this (its parser overflows the stack); the
// subkind is the one its parser gives for a token it cannot take.
void Parser::tooDeep(std::uint32_t at) {
    fail("UnrecognizedToken",
         "expression nested more than " + std::to_string(kMaxNesting) +
             " levels deep (each operator, `.` lookup, `not`, call, list, dictionary and "
             "parenthesis is a level)",
         at);
}

void Parser::measure(Node& node, std::uint32_t at) {
    int below = 0;
    for (const Node& arg : node.args) below = std::max<int>(below, arg.height);
    if (below >= kMaxNesting) tooDeep(at);
    node.height = static_cast<std::uint16_t>(below + 1);
}

Parser::Parser(std::string_view source) : m_lexer(source) {}

// Lexes until token `index` exists or the text has ended. A lexer error
// surfaces here, when the parser reaches it.
void Parser::fill(std::size_t index) const {
    while (m_tokens.size() <= index && !m_lexedEnd) {
        try {
            m_tokens.push(m_lexer.next());
        } catch (const Lexer::Failure& f) {
            throw ParseFailure{f.subkind, f.message, f.offset};
        }
        const Token& t = m_tokens[m_tokens.size() - 1];
        if (t.kind == TokenKind::End) m_lexedEnd = true;
        else m_lastEnd = t.offset + t.length;
    }
}

const Token& Parser::peekFar(std::size_t ahead) const {
    const std::size_t i = m_pos + ahead;
    fill(i);
    const Token& t = m_tokens[i < m_tokens.size() ? i : m_tokens.size() - 1];
    if (ahead == 0) {
        m_current = &t;
        m_currentPos = m_pos;
    }
    return t;
}

const Token& Parser::advance() {
    const Token& t = peek();
    if (t.kind != TokenKind::End) ++m_pos;
    return t;
}

bool Parser::accept(TokenKind kind) {
    if (peek().kind != kind) return false;
    advance();
    return true;
}

const Token& Parser::expect(TokenKind kind, const char*) {
    if (peek().kind != kind) unexpected(peek());
    return advance();
}

void Parser::fail(std::string subkind, std::string message, std::uint32_t offset) {
    throw ParseFailure{std::move(subkind), std::move(message), offset};
}

void Parser::unexpected(const Token& t) {
    if (t.kind == TokenKind::End) {
        // Point just past the last token, where the missing piece belongs.
        const std::uint32_t at = m_pos > 0 && m_lastEnd > 0 ? m_lastEnd : t.offset;
        fail("UnrecognizedEOF", "hit the end of the file unexpectedly. Did you forget a semi-colon", at);
    }
    std::string shown = (t.kind == TokenKind::Symbol || isKeyword(t.kind)) ? t.text : tokenName(t.kind);
    if (t.kind == TokenKind::String) shown = "\"" + t.text + "\"";
    if (t.kind == TokenKind::Integer) shown = std::to_string(t.integer);
    if (t.kind == TokenKind::Float) shown = rustFloatText(t.number);
    if (t.kind == TokenKind::Boolean) shown = t.boolean ? "true" : "false";
    if (shown.size() > 2 && shown.front() == '\'' && shown.back() == '\'')
        shown = shown.substr(1, shown.size() - 2);  // punctuation names come quoted
    if (t.kind == TokenKind::KwNew)
        fail("ReservedWord", "new is a reserved Polar word and cannot be used here", t.offset);
    fail("UnrecognizedToken", "did not expect to find the token '" + shown + "'", t.offset);
}

Node Parser::makeOp(Operator op, std::vector<Node> args, std::uint32_t start, std::uint32_t at) {
    Node n;
    n.kind = NodeKind::Op;
    n.op = op;
    n.start = start;
    n.end = args.empty() ? start : args.back().end;
    n.args = std::move(args);
    measure(n, at);
    return n;
}

Node Parser::value(Exp e) {
    if (e.kind == Kind::Logical)
        fail("WrongValueType", "Wrong value type. Expected a value", e.node.start);
    return std::move(e.node);
}

Node Parser::logical(Exp e) {
    if (e.kind == Kind::Value)
        fail("WrongValueType", "Wrong value type. Expected a logical expression", e.node.start);
    return std::move(e.node);
}

// ---- lines -----------------------------------------------------------------

PolicyAst Parser::parsePolicy() {
    return parsePolicy(RuleSink{});
}

PolicyAst Parser::parsePolicy(const RuleSink& onRule) {
    m_onRule = onRule ? &onRule : nullptr;
    PolicyAst policy;
    while (peek().kind != TokenKind::End) {
        parseLine(policy);
        // No reference to an earlier token outlives its line.
        m_tokens.dropFront(m_pos);
        m_pos = 0;
        m_current = nullptr;
    }
    m_onRule = nullptr;
    return policy;
}

Node Parser::parseQuery() {
    Node term = exp1().node;
    accept(TokenKind::Semicolon);
    if (peek().kind != TokenKind::End) unexpected(peek());
    return term;
}

void Parser::parseLine(PolicyAst& policy) {
    const Token& t = peek();
    if (t.kind == TokenKind::Query) {
        advance();
        InlineQueryAst q;
        q.start = t.offset;
        q.term = exp1().node;
        expect(TokenKind::Semicolon, "';'");
        policy.queries.push_back(std::move(q));
        return;
    }
    if (t.kind == TokenKind::KwType) {
        advance();
        RuleAst rule = parseRuleHead();
        rule.start = t.offset;
        rule.end = expect(TokenKind::Semicolon, "';'").offset + 1;
        rule.body = makeOp(Operator::And, {}, rule.headEnd, rule.headEnd);
        policy.ruleTypes.push_back(std::move(rule));
        return;
    }
    auto nameLike = [](const Token& n) { return n.kind == TokenKind::Symbol || isReservedName(n); };
    if ((t.kind == TokenKind::Symbol && peek(1).kind == TokenKind::LBrace) ||
        (nameLike(t) && nameLike(peek(1)) && peek(2).kind == TokenKind::LBrace)) {
        policy.resourceBlocks.push_back(parseResourceBlock());
        return;
    }
    RuleAst rule = parseRuleHead();
    if (accept(TokenKind::KwIf)) {
        Node body = exp1().node;
        if (!(body.kind == NodeKind::Op && body.op == Operator::And)) {
            // Not measured: the limit counts the levels that were written,
            // and the walks leave room for this one (kMaxNesting).
            Node conjunction;
            conjunction.kind = NodeKind::Op;
            conjunction.op = Operator::And;
            conjunction.start = body.start;
            conjunction.end = body.end;
            conjunction.height = static_cast<std::uint16_t>(body.height + 1);
            conjunction.args.push_back(std::move(body));
            body = std::move(conjunction);
        }
        rule.body = std::move(body);
    } else {
        rule.body = makeOp(Operator::And, {}, rule.headEnd, rule.headEnd);
    }
    rule.end = expect(TokenKind::Semicolon, "';'").offset + 1;
    if (m_onRule) (*m_onRule)(std::move(rule));
    else policy.rules.push_back(std::move(rule));
}

RuleAst Parser::parseRuleHead() {
    RuleAst rule;
    const Token& name = peek();
    // As a rule name `in`, `cut` and `debug` are reserved words (Oso); other keywords are just unexpected.
    if (name.kind == TokenKind::KwIn || name.kind == TokenKind::KwCut || name.kind == TokenKind::KwDebug)
        fail("ReservedWord", name.text + " is a reserved Polar word and cannot be used here", name.offset);
    if (name.kind != TokenKind::Symbol) unexpected(name);
    advance();
    rule.name = name.text;
    rule.start = name.offset;
    expect(TokenKind::LParen, "'('");
    if (peek().kind != TokenKind::RParen) {
        for (;;) {
            rule.params.push_back(parseParam());
            if (!accept(TokenKind::Comma)) break;
        }
    }
    rule.headEnd = expect(TokenKind::RParen, "')'").offset + 1;
    return rule;
}

ParamAst Parser::parseParam() {
    ParamAst p;
    if (peek().kind == TokenKind::Symbol && peek(1).kind == TokenKind::Colon) {
        p.value = leaf(NodeKind::Var, peek());
        p.value.text = advance().text;
        advance();  // ':'
        if (accept(TokenKind::LParen)) {
            // Parenthesised specializers are taken literally: no class-name translation.
            p.specializer = std::make_unique<Node>(parsePattern(false));
            expect(TokenKind::RParen, "')'");
        } else {
            p.specializer = std::make_unique<Node>(parsePattern(true));
        }
        return p;
    }
    // A lone constant or variable (`fact(1, "a", x)`: nearly every parameter
    // of a file of facts) is what exp6 would return after descending its
    // ten levels; built here directly, it is a fifth of the cost of a fact.
    const TokenKind next = peek(1).kind;
    if (next == TokenKind::Comma || next == TokenKind::RParen) {
        switch (peek().kind) {
        case TokenKind::Integer:
        case TokenKind::Float:
        case TokenKind::String:
        case TokenKind::Symbol: p.value = value(atom()); return p;
        default: break;
        }
    }
    p.value = value(exp6());
    return p;
}

void Parser::notAName(const Token& t) {
    if (isReservedName(t)) fail("ReservedWord", t.text + " is a reserved Polar word and cannot be used here", t.offset);
    unexpected(t);
}

const Token& Parser::expectName() {
    if (peek().kind != TokenKind::Symbol) notAName(peek());
    return advance();
}

ResourceBlockAst Parser::parseResourceBlock() {
    ResourceBlockAst block;
    block.start = peek().offset;
    if (peek(1).kind != TokenKind::LBrace) block.keyword = expectName().text;
    block.nameStart = peek().offset;
    block.name = expectName().text;
    expect(TokenKind::LBrace, "'{'");
    while (peek().kind != TokenKind::RBrace) {
        if (peek().kind == TokenKind::End) unexpected(peek());
        block.productions.push_back(parseProduction());
    }
    block.end = advance().offset + 1;
    return block;
}

// Oso's grammar is strict here: roles and permissions are lists of string
// literals, relations a dictionary from names to class names.
ResourceProduction Parser::parseProduction() {
    ResourceProduction p;
    p.start = peek().offset;
    if (peek().kind == TokenKind::String) {
        p.kind = ResourceProduction::Kind::Shorthand;
        const Token& head = advance();
        p.head = head.text;
        p.headEnd = head.offset + head.length;
        expect(TokenKind::KwIf, "'if'");
        if (peek().kind != TokenKind::String) unexpected(peek());
        p.implierStart = peek().offset;
        p.implier = advance().text;
        if (peek().kind == TokenKind::Symbol) {
            p.relationKeywordStart = peek().offset;
            p.relationKeyword = advance().text;
            if (peek().kind != TokenKind::String) unexpected(peek());
            p.relationStart = peek().offset;
            p.relation = advance().text;
        } else if (isReservedName(peek())) {
            notAName(peek());
        }
    } else {
        p.keyword = expectName().text;
        expect(TokenKind::Unify, "'='");
        if (peek().kind == TokenKind::LBracket) {
            const Token& open = advance();
            p.value = leaf(NodeKind::List, open);
            while (peek().kind != TokenKind::RBracket) {
                if (peek().kind != TokenKind::String) unexpected(peek());
                Node item = leaf(NodeKind::Str, peek());
                item.text = advance().text;
                p.value.args.push_back(std::move(item));
                if (!accept(TokenKind::Comma)) break;
                while (accept(TokenKind::Comma)) {}  // `["a",, "b",]`, as Oso's grammar allows
            }
            p.value.end = expect(TokenKind::RBracket, "']'").offset + 1;
        } else if (peek().kind == TokenKind::LBrace) {
            // Relations map a name to a class name: `{parent: Organization}`.
            p.value = parseFields(NodeKind::Dict, FieldValue::ClassName);
        } else {
            unexpected(peek());
        }
    }
    p.end = expect(TokenKind::Semicolon, "';'").offset + 1;
    return p;
}

// ---- expressions -----------------------------------------------------------
//
// Each level parses the next tighter one and, only when its own operator
// follows, hands the result to an out-of-line loop (`...Tail`) that builds
// the operations in place. So while brackets recurse, a level's frame holds
// no Node and no vector: the expression being built lives in the return slot
// of the outermost call (named return value), and ten levels of descent per
// parenthesis cost ten small frames, not ten frames of a few hundred bytes
// each (kMaxNesting says what a level costs).

Parser::Exp Parser::exp1() {
    Exp e = exp2();
    if (peek().kind == TokenKind::KwOr) orTail(e);
    return e;
}

Parser::Exp Parser::exp2() {
    Exp e = exp3();
    if (peek().kind == TokenKind::KwAnd) andTail(e);
    return e;
}

// `or` and `and` chains are flat, one node of n operands (as Oso builds
// them), so a long chain is one level. An operand that leaves no room for
// that level is reported at the keyword next to it.
void Parser::orTail(Exp& e) {
    const std::uint32_t start = e.node.start;
    std::vector<Node> args;
    args.push_back(logical(std::move(e)));
    while (peek().kind == TokenKind::KwOr) {
        const std::uint32_t at = advance().offset;
        if (args.back().height >= kMaxNesting) tooDeep(at);
        args.push_back(logical(exp2()));
        if (args.back().height >= kMaxNesting) tooDeep(at);
    }
    e = {makeOp(Operator::Or, std::move(args), start, start), Kind::Logical};
}

void Parser::andTail(Exp& e) {
    const std::uint32_t start = e.node.start;
    std::vector<Node> args;
    args.push_back(logical(std::move(e)));
    while (peek().kind == TokenKind::KwAnd) {
        const std::uint32_t at = advance().offset;
        if (args.back().height >= kMaxNesting) tooDeep(at);
        args.push_back(logical(exp3()));
        if (args.back().height >= kMaxNesting) tooDeep(at);
    }
    e = {makeOp(Operator::And, std::move(args), start, start), Kind::Logical};
}

Parser::Exp Parser::exp3() {
    if (peek().kind != TokenKind::KwNot) return exp4();
    return notExp();
}

Parser::Exp Parser::notExp() {
    const Token& notToken = advance();
    NestingGuard guard(*this, notToken.offset);
    std::vector<Node> args;
    args.push_back(logical(exp4()));  // `not not p` is not Polar: the operand is a level-4 expression
    return {makeOp(Operator::Not, std::move(args), notToken.offset, notToken.offset), Kind::Logical};
}

Parser::Exp Parser::exp4() {
    Exp left = exp5();
    if (peek().kind == TokenKind::Unify || peek().kind == TokenKind::Assign) unifyTail(left);
    return left;
}

void Parser::unifyTail(Exp& left) {
    for (;;) {
        if (peek().kind == TokenKind::Unify) {
            const std::uint32_t at = advance().offset;
            const std::uint32_t start = left.node.start;
            std::vector<Node> args;
            args.push_back(value(std::move(left)));
            args.push_back(value(exp5()));
            left = {makeOp(Operator::Unify, std::move(args), start, at), Kind::Logical};
        } else if (peek().kind == TokenKind::Assign) {
            const Token& op = advance();
            if (left.node.kind != NodeKind::Var) unexpected(op);
            const std::uint32_t at = op.offset;
            const std::uint32_t start = left.node.start;
            std::vector<Node> args;
            args.push_back(std::move(left.node));
            args.push_back(value(exp5()));
            left = {makeOp(Operator::Assign, std::move(args), start, at), Kind::Logical};
        } else {
            return;
        }
    }
}

Parser::Exp Parser::exp5() {
    Exp left = exp6();
    if (isComparison(peek().kind)) comparisonTail(left);
    return left;
}

void Parser::comparisonTail(Exp& left) {
    while (isComparison(peek().kind)) {
        const Token& token = advance();
        const Operator op = comparisonOp(token.kind);
        const std::uint32_t at = token.offset;
        const std::uint32_t start = left.node.start;
        std::vector<Node> args;
        args.push_back(value(std::move(left)));
        args.push_back(value(exp6()));
        left = {makeOp(op, std::move(args), start, at), Kind::Logical};
    }
}

Parser::Exp Parser::exp6() {
    Exp left = exp7();
    if (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) additionTail(left);
    return left;
}

void Parser::additionTail(Exp& left) {
    while (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) {
        const Token& token = advance();
        const Operator op = token.kind == TokenKind::Plus ? Operator::Add : Operator::Sub;
        const std::uint32_t at = token.offset;
        const std::uint32_t start = left.node.start;
        std::vector<Node> args;
        args.push_back(value(std::move(left)));
        args.push_back(value(exp7()));
        left = {makeOp(op, std::move(args), start, at), Kind::Value};
    }
}

namespace {
bool isMultiplication(TokenKind k) {
    return k == TokenKind::Star || k == TokenKind::Slash || k == TokenKind::KwMod || k == TokenKind::KwRem;
}
} // namespace

Parser::Exp Parser::exp7() {
    Exp left = exp8();
    if (isMultiplication(peek().kind)) multiplicationTail(left);
    return left;
}

void Parser::multiplicationTail(Exp& left) {
    while (isMultiplication(peek().kind)) {
        const Token& token = advance();
        const Operator op = token.kind == TokenKind::Star    ? Operator::Mul
                            : token.kind == TokenKind::Slash ? Operator::Div
                            : token.kind == TokenKind::KwMod ? Operator::Mod
                                                             : Operator::Rem;
        const std::uint32_t at = token.offset;
        const std::uint32_t start = left.node.start;
        std::vector<Node> args;
        args.push_back(value(std::move(left)));
        args.push_back(value(exp8()));
        left = {makeOp(op, std::move(args), start, at), Kind::Value};
    }
}

Parser::Exp Parser::exp8() {
    Exp left = exp9();
    if (peek().kind == TokenKind::KwIn || peek().kind == TokenKind::KwMatches) membershipTail(left);
    return left;
}

void Parser::membershipTail(Exp& left) {
    for (;;) {
        const std::uint32_t start = left.node.start;
        const std::uint32_t at = peek().offset;
        if (accept(TokenKind::KwIn)) {
            std::vector<Node> args;
            args.push_back(value(std::move(left)));
            args.push_back(value(exp9()));
            left = {makeOp(Operator::In, std::move(args), start, at), Kind::Logical};
        } else if (accept(TokenKind::KwMatches)) {
            std::vector<Node> args;
            args.push_back(value(std::move(left)));
            args.push_back(parsePattern(true));
            left = {makeOp(Operator::Isa, std::move(args), start, at), Kind::Logical};
        } else {
            return;
        }
    }
}

Parser::Exp Parser::exp9() {
    Exp left = exp10();
    if (peek().kind == TokenKind::Dot) lookupTail(left);
    return left;
}

void Parser::lookupTail(Exp& left) {
    while (peek().kind == TokenKind::Dot) {
        const std::uint32_t at = advance().offset;
        const std::uint32_t start = left.node.start;
        std::vector<Node> args;
        args.push_back(value(std::move(left)));
        args.push_back(parseDotField());
        left = {makeOp(Operator::Dot, std::move(args), start, at), Kind::Either};
    }
}

// After a '.': a method call `name(args)`, a field name (keywords allowed), or
// `(variable)` / `("string")` for keys that cannot be written as names.
Node Parser::parseDotField() {
    const Token& t = peek();
    if (isWordToken(t)) {
        advance();
        if (peek().kind == TokenKind::LParen) {
            Node call = leaf(NodeKind::Call, t);
            call.text = wordText(t);
            return parseCallArgs(std::move(call));
        }
        Node key = leaf(NodeKind::Str, t);
        key.text = wordText(t);
        return key;
    }
    if (t.kind == TokenKind::LParen) {
        advance();
        const Token& inner = advance();
        Node key;
        if (inner.kind == TokenKind::Symbol) {
            key = leaf(NodeKind::Var, inner);
        } else if (inner.kind == TokenKind::String) {
            key = leaf(NodeKind::Str, inner);
        } else {
            unexpected(inner);
        }
        key.text = inner.text;
        expect(TokenKind::RParen, "')'");
        return key;
    }
    unexpected(t);
}

// The atoms. Only dispatch here, so the frame between two levels of
// brackets stays small; each bracket's work is in its own function.
Parser::Exp Parser::exp10() {
    switch (peek().kind) {
    case TokenKind::LBracket: return {parseList(false), Kind::Value};
    case TokenKind::LBrace: return {parseDict(false), Kind::Value};
    case TokenKind::LParen: return parenthesised();
    case TokenKind::KwNew: return construction();
    case TokenKind::KwPrint:
    case TokenKind::KwDebug: return builtinCall();
    case TokenKind::KwForall: return forall();
    case TokenKind::Symbol:
        if (peek(1).kind == TokenKind::LParen) return call();
        return atom();
    default: return atom();
    }
}

Parser::Exp Parser::call() {
    const Token& name = advance();
    Node call = leaf(NodeKind::Call, name);
    call.text = name.text;
    return {parseCallArgs(std::move(call)), Kind::Logical};
}

Parser::Exp Parser::construction() {
    const Token& t = advance();
    const Token& name = peek();
    if (name.kind != TokenKind::Symbol || peek(1).kind != TokenKind::LParen) unexpected(name);
    advance();
    Node call = leaf(NodeKind::Call, name);
    call.text = name.text;
    std::vector<Node> args;
    args.push_back(parseCallArgs(std::move(call)));
    return {makeOp(Operator::New, std::move(args), t.offset, t.offset), Kind::Value};
}

// print(...) and debug(...): a trailing comma is allowed here, as in Oso's grammar.
Parser::Exp Parser::builtinCall() {
    const Token& t = advance();
    const Token& open = expect(TokenKind::LParen, "'('");
    NestingGuard guard(*this, open.offset);
    std::vector<Node> args;
    if (peek().kind != TokenKind::RParen) {
        for (;;) {
            args.push_back(valueExp1());
            if (!accept(TokenKind::Comma) || peek().kind == TokenKind::RParen) break;
        }
    }
    const Token& close = expect(TokenKind::RParen, "')'");
    Node n = makeOp(t.kind == TokenKind::KwPrint ? Operator::Print : Operator::Debug, std::move(args),
                    t.offset, t.offset);
    n.end = close.offset + 1;
    return {std::move(n), Kind::Logical};
}

Parser::Exp Parser::forall() {
    const Token& t = advance();
    const Token& open = expect(TokenKind::LParen, "'('");
    NestingGuard guard(*this, open.offset);
    std::vector<Node> args;
    args.push_back(logical(exp1()));
    expect(TokenKind::Comma, "','");
    args.push_back(logical(exp1()));
    const Token& close = expect(TokenKind::RParen, "')'");
    Node n = makeOp(Operator::ForAll, std::move(args), t.offset, t.offset);
    n.end = close.offset + 1;
    return {std::move(n), Kind::Logical};
}

Parser::Exp Parser::parenthesised() {
    const Token& open = advance();
    NestingGuard guard(*this, open.offset);
    Exp inner = exp1();
    expect(TokenKind::RParen, "')'");
    // A level of its own: the parser recursed for it (Node::height).
    if (inner.node.height >= kMaxNesting) tooDeep(open.offset);
    ++inner.node.height;
    return inner;
}

// A literal, a variable, `cut`: nothing that recurses.
Parser::Exp Parser::atom() {
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::Integer: {
        advance();
        Node n = leaf(NodeKind::Int, t);
        n.integer = t.integer;
        return {std::move(n), Kind::Value};
    }
    case TokenKind::Float: {
        advance();
        Node n = leaf(NodeKind::Float, t);
        n.number = t.number;
        return {std::move(n), Kind::Value};
    }
    case TokenKind::Plus:
    case TokenKind::Minus: {
        const Token& num = peek(1);
        if (num.kind != TokenKind::Integer && num.kind != TokenKind::Float) unexpected(t);
        const bool negative = t.kind == TokenKind::Minus;
        advance();
        advance();
        Node n = leaf(num.kind == TokenKind::Integer ? NodeKind::Int : NodeKind::Float, t);
        n.end = num.offset + num.length;
        n.integer = negative ? -num.integer : num.integer;
        n.number = negative ? -num.number : num.number;
        return {std::move(n), Kind::Value};
    }
    case TokenKind::String: {
        advance();
        Node n = leaf(NodeKind::Str, t);
        n.text = t.text;
        return {std::move(n), Kind::Value};
    }
    case TokenKind::Boolean: {
        advance();
        Node n = leaf(NodeKind::Bool, t);
        n.boolean = t.boolean;
        return {std::move(n), Kind::Either};
    }
    case TokenKind::Symbol: {
        advance();
        Node n = leaf(NodeKind::Var, t);
        n.text = t.text;
        return {std::move(n), Kind::Either};
    }
    case TokenKind::KwCut: {
        advance();
        Node n = makeOp(Operator::Cut, {}, t.offset, t.offset);
        n.end = t.offset + t.length;
        return {std::move(n), Kind::Logical};
    }
    case TokenKind::Dot:
        // `.5` is not a number; Oso reports the digits after the dot.
        if (peek(1).kind == TokenKind::Integer) unexpected(peek(1));
        unexpected(t);
    default: unexpected(t);
    }
}

// `(` already ahead: positional arguments, then keyword arguments `name: value`.
Node Parser::parseCallArgs(Node call) {
    const Token& open = expect(TokenKind::LParen, "'('");
    NestingGuard guard(*this, open.offset);
    std::vector<Node> kwargs;
    std::set<std::string> seen;
    while (peek().kind != TokenKind::RParen) {
        if (isWordToken(peek()) && peek(1).kind == TokenKind::Colon) {
            const Token& key = advance();
            advance();
            const std::string name = wordText(key);
            if (!seen.insert(name).second)
                fail("DuplicateKey", "Duplicate key: " + name, key.offset);
            call.keys.push_back(name);
            kwargs.push_back(valueExp1());
        } else {
            if (!kwargs.empty()) unexpected(peek());
            call.args.push_back(valueExp1());
        }
        if (!accept(TokenKind::Comma)) break;
        // Oso's grammar: a comma after a positional argument must be followed
        // by another argument (`f(1,)` is an error), while keyword arguments
        // are a list like a dictionary's fields (`f(a: 1,, b: 2,)` is fine).
        if (kwargs.empty()) {
            if (peek().kind == TokenKind::RParen) unexpected(peek());
        } else {
            while (accept(TokenKind::Comma)) {}
        }
    }
    call.end = expect(TokenKind::RParen, "')'").offset + 1;
    for (auto& kw : kwargs) call.args.push_back(std::move(kw));
    measure(call, open.offset);
    return call;
}

Node Parser::parseList(bool pattern) {
    const Token& open = expect(TokenKind::LBracket, "'['");
    NestingGuard guard(*this, open.offset);
    Node list = leaf(NodeKind::List, open);
    while (peek().kind != TokenKind::RBracket) {
        if (peek().kind == TokenKind::Star) {
            const Token& star = advance();
            const Token& name = peek();
            if (name.kind != TokenKind::Symbol) unexpected(name);
            advance();
            Node rest = leaf(NodeKind::RestVar, star);
            rest.text = name.text;
            rest.end = name.offset + name.length;
            list.args.push_back(std::move(rest));
            break;  // the rest variable is always last
        }
        list.args.push_back(pattern ? parsePattern(false) : value(exp6()));
        if (!accept(TokenKind::Comma)) break;
        while (accept(TokenKind::Comma)) {}  // Oso's grammar: `[1,, 2,,]` is [1, 2]
    }
    list.end = expect(TokenKind::RBracket, "']'").offset + 1;
    measure(list, open.offset);
    return list;
}

Node Parser::parseDict(bool pattern) {
    return parseFields(pattern ? NodeKind::DictPattern : NodeKind::Dict,
                       pattern ? FieldValue::Pattern : FieldValue::Term);
}

Node Parser::fieldValue(FieldValue what) {
    switch (what) {
    case FieldValue::Term: return value(exp5());
    case FieldValue::Pattern: return parsePattern(false);
    case FieldValue::ClassName: break;
    }
    Node cls = leaf(NodeKind::Var, peek());
    cls.text = expectName().text;
    return cls;
}

// `{key: value, key, ...}`, shared by dictionaries, dictionary patterns and
// a resource block's relations: keys are names (keywords allowed), `{a}`
// means `{a: a}`, commas may repeat after a field (`{a: 1,, b: 2,}`: Oso's
// grammar makes each field after a comma optional), and a repeated key is
// an error reported at the first field, as Oso does. `what` says what
// follows a key's colon.
Node Parser::parseFields(NodeKind kind, FieldValue what) {
    const Token& open = expect(TokenKind::LBrace, "'{'");
    NestingGuard guard(*this, open.offset);
    Node dict = leaf(kind, open);
    std::set<std::string> seen;
    const std::uint32_t firstKey = peek().offset;
    while (peek().kind != TokenKind::RBrace) {
        const Token& key = peek();
        if (!isWordToken(key)) unexpected(key);
        advance();
        const std::string name = wordText(key);
        if (!seen.insert(name).second)
            fail("DuplicateKey", "Duplicate key: " + name, dict.keys.empty() ? key.offset : firstKey);
        dict.keys.push_back(name);
        if (accept(TokenKind::Colon)) {
            dict.args.push_back(fieldValue(what));
        } else {
            if (key.kind != TokenKind::Symbol) unexpected(peek());
            Node var = leaf(NodeKind::Var, key);
            var.text = name;
            dict.args.push_back(std::move(var));
        }
        if (!accept(TokenKind::Comma)) break;
        while (accept(TokenKind::Comma)) {}
    }
    dict.end = expect(TokenKind::RBrace, "'}'").offset + 1;
    measure(dict, open.offset);
    return dict;
}

// A specializer or the right side of `matches`. At the top level a bare name
// is a class (`x: Integer`); inside a pattern it is a variable, as in Oso.
Node Parser::parsePattern(bool classNameAllowed) {
    const Token& t = peek();
    switch (t.kind) {
    case TokenKind::Integer:
    case TokenKind::Float:
    case TokenKind::Plus:
    case TokenKind::Minus:
    case TokenKind::String:
    case TokenKind::Boolean: return exp10().node;
    case TokenKind::LBrace: return parseDict(true);
    case TokenKind::LBracket: return parseList(true);
    case TokenKind::Symbol: {
        advance();
        if (peek().kind == TokenKind::LBrace) {
            Node fields = parseDict(true);
            fields.kind = NodeKind::InstancePattern;
            fields.text = t.text;
            fields.start = t.offset;
            return fields;
        }
        Node n = leaf(classNameAllowed ? NodeKind::InstancePattern : NodeKind::Var, t);
        n.text = t.text;
        return n;
    }
    default: unexpected(t);
    }
}

} // namespace polar::detail
