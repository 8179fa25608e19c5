// cst_expressions.cpp — expressions, one function per level of the
// engine's grammar (engine/src/parser.cpp exp1..exp10) with the same loops,
// so an expression groups here exactly as the engine groups it; and the
// bracketed forms: calls, lists, dictionaries, patterns. Each records
// where its elements start (Expr::starts) for the comments.
#include "cst_parser.hpp"

namespace polar::fmt {

Expr CstParser::chain(const char* op, TokenKind k, Expr (CstParser::*next)()) {
    const std::size_t start = m_pos;
    Expr e = (this->*next)();
    if (kind() != k) return e;
    Expr c{Expr::Kind::Chain, op, {std::move(e)}, {}, {}, {start}};
    while (accept(k)) {
        c.starts.push_back(m_pos);
        c.kids.push_back((this->*next)());
    }
    return c;
}

Expr CstParser::exp3() {
    if (!accept(TokenKind::KwNot)) return exp4();
    return Expr{Expr::Kind::Prefix, "not", {exp4()}, {}, {}, {}};
}

Expr CstParser::exp4() {
    Expr left = exp5();
    while (kind() == TokenKind::Unify || kind() == TokenKind::Assign) {
        std::string op = take();
        left = binary(std::move(left), exp5(), std::move(op));
    }
    return left;
}

Expr CstParser::exp5() {
    Expr left = exp6();
    while (isComparison(kind())) {
        std::string op = take();
        left = binary(std::move(left), exp6(), std::move(op));
    }
    return left;
}

Expr CstParser::exp6() {
    Expr left = exp7();
    while (kind() == TokenKind::Plus || kind() == TokenKind::Minus) {
        std::string op = take();
        left = binary(std::move(left), exp7(), std::move(op));
    }
    return left;
}

Expr CstParser::exp7() {
    Expr left = exp8();
    while (kind() == TokenKind::Star || kind() == TokenKind::Slash || kind() == TokenKind::KwMod ||
           kind() == TokenKind::KwRem) {
        std::string op = take();
        left = binary(std::move(left), exp8(), std::move(op));
    }
    return left;
}

Expr CstParser::exp8() {
    Expr left = exp9();
    for (;;) {
        if (accept(TokenKind::KwIn)) left = binary(std::move(left), exp9(), "in");
        else if (accept(TokenKind::KwMatches)) left = binary(std::move(left), pattern(), "matches");
        else return left;
    }
}

Expr CstParser::exp9() {
    Expr left = exp10();
    while (accept(TokenKind::Dot)) left = binary(std::move(left), dotField(), ".");
    return left;
}

Expr CstParser::dotField() {
    if (isWord(kind())) {
        if (kind(1) == TokenKind::LParen) return call();
        return token();
    }
    expect(TokenKind::LParen);
    Expr paren{Expr::Kind::Paren, "", {token()}, {}, {}, {}};
    expect(TokenKind::RParen);
    return paren;
}

Expr CstParser::exp10() {
    switch (kind()) {
    case TokenKind::LBracket: return list(false);
    case TokenKind::LBrace: return fields(FieldValue::Term);
    case TokenKind::LParen: {
        ++m_pos;
        Expr paren{Expr::Kind::Paren, "", {exp1()}, {}, {}, {}};
        expect(TokenKind::RParen);
        return paren;
    }
    case TokenKind::KwNew:
        ++m_pos;
        return Expr{Expr::Kind::Prefix, "new", {call()}, {}, {}, {}};
    case TokenKind::KwPrint:
    case TokenKind::KwDebug:
    case TokenKind::KwForall: return call();
    case TokenKind::Symbol:
        if (kind(1) == TokenKind::LParen) return call();
        return token();
    case TokenKind::Plus:
    case TokenKind::Minus: {
        std::string sign = take();  // `- 1` is the literal -1: written without the space
        return Expr{Expr::Kind::Token, sign + take(), {}, {}, {}, {}};
    }
    default: return token();
    }
}

Expr CstParser::call() {
    Expr c{Expr::Kind::Call, take(), {}, {}, {}, {}};
    expect(TokenKind::LParen);
    while (kind() != TokenKind::RParen) {
        c.starts.push_back(m_pos);
        if (isWord(kind()) && kind(1) == TokenKind::Colon) {
            c.keys.push_back(take());
            ++m_pos;
        } else {
            c.keys.emplace_back();
        }
        c.kids.push_back(exp1());
        if (!accept(TokenKind::Comma)) break;
        while (accept(TokenKind::Comma)) {}
    }
    c.starts.push_back(m_pos);
    expect(TokenKind::RParen);
    return c;
}

Expr CstParser::list(bool isPattern) {
    Expr l{Expr::Kind::List, "", {}, {}, {}, {}};
    expect(TokenKind::LBracket);
    while (kind() != TokenKind::RBracket) {
        l.starts.push_back(m_pos);
        if (accept(TokenKind::Star)) {
            l.kids.push_back(Expr{Expr::Kind::Rest, "*" + take(), {}, {}, {}, {}});
            break;
        }
        l.kids.push_back(isPattern ? pattern() : exp6());
        if (!accept(TokenKind::Comma)) break;
        while (accept(TokenKind::Comma)) {}
    }
    l.starts.push_back(m_pos);
    expect(TokenKind::RBracket);
    return l;
}

Expr CstParser::fields(FieldValue what) {
    Expr f{Expr::Kind::Fields, "", {}, {}, {}, {}};
    expect(TokenKind::LBrace);
    while (kind() != TokenKind::RBrace) {
        f.starts.push_back(m_pos);
        f.keys.push_back(take());
        if (accept(TokenKind::Colon)) {
            f.shorthand.push_back(false);
            f.kids.push_back(what == FieldValue::Term      ? exp5()
                             : what == FieldValue::Pattern ? pattern()
                                                           : token());
        } else {
            f.shorthand.push_back(true);
            f.kids.push_back(Expr{Expr::Kind::Token, f.keys.back(), {}, {}, {}, {}});
        }
        if (!accept(TokenKind::Comma)) break;
        while (accept(TokenKind::Comma)) {}
    }
    f.starts.push_back(m_pos);
    expect(TokenKind::RBrace);
    return f;
}

Expr CstParser::pattern() {
    switch (kind()) {
    case TokenKind::LBrace: return fields(FieldValue::Pattern);
    case TokenKind::LBracket: return list(true);
    case TokenKind::Symbol: {
        std::string name = take();
        if (kind() != TokenKind::LBrace) return Expr{Expr::Kind::Token, name, {}, {}, {}, {}};
        Expr f = fields(FieldValue::Pattern);
        f.text = std::move(name);
        return f;
    }
    default: return exp10();
    }
}

} // namespace polar::fmt
