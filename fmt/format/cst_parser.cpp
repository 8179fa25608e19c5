// cst_parser.cpp — recursive descent over the trivia token stream.
//
// One function per level of the engine's grammar (engine/src/parser.cpp,
// exp1..exp10), in the same order and with the same loops, so an
// expression groups here exactly as the engine groups it: the printer
// then only has to keep the written parentheses for the meaning to stay
// the same. `and`/`or` chains are flat, as in the engine. The engine's
// parser has already accepted the text (format.cpp), so errors here are
// internal and thrown as std::logic_error.
#include <stdexcept>

#include "cst.hpp"

namespace polar::fmt {
namespace {

using detail::TokenKind;

class CstParser {
public:
    explicit CstParser(File& file) : m_file(file) {}

    void parse() {
        while (kind() != TokenKind::End) m_file.items.push_back(item());
    }

private:
    TokenKind kind(std::size_t ahead = 0) const {
        const std::size_t i = std::min(m_pos + ahead, m_file.tokens.size() - 1);
        return m_file.tokens[i].token.kind;
    }
    std::string text() const { return std::string(m_file.textOf(m_pos)); }
    std::string take() { return std::string(m_file.textOf(m_pos++)); }
    void expect(TokenKind k) {
        if (kind() != k) throw std::logic_error("polar fmt: unexpected token at offset " +
                                                std::to_string(m_file.tokens[m_pos].token.offset));
        ++m_pos;
    }
    bool accept(TokenKind k) {
        if (kind() != k) return false;
        ++m_pos;
        return true;
    }
    static bool nameLike(TokenKind k) {
        return k == TokenKind::Symbol || k == TokenKind::KwNew || k == TokenKind::KwIn ||
               k == TokenKind::KwCut || k == TokenKind::KwDebug;
    }
    static bool isWord(TokenKind k) { return k == TokenKind::Symbol || detail::isKeyword(k); }

    Item item() {
        Item it;
        it.first = m_pos;
        if (accept(TokenKind::Query)) {
            it.kind = Item::Kind::Query;
            it.body = exp1();
        } else if (accept(TokenKind::KwType)) {
            it.kind = Item::Kind::Type;
            head(it);
        } else if ((kind() == TokenKind::Symbol && kind(1) == TokenKind::LBrace) ||
                   (nameLike(kind()) && nameLike(kind(1)) && kind(2) == TokenKind::LBrace)) {
            block(it);
            it.last = m_pos - 1;
            return it;
        } else {
            head(it);
            if (accept(TokenKind::KwIf)) {
                it.bodyStart = m_pos;
                it.body = exp1();
            }
        }
        it.last = m_pos;
        expect(TokenKind::Semicolon);
        return it;
    }

    void head(Item& it) {
        it.name = take();
        expect(TokenKind::LParen);
        while (kind() != TokenKind::RParen) {
            it.paramStarts.push_back(m_pos);
            Param p;
            if (kind() == TokenKind::Symbol && kind(1) == TokenKind::Colon) {
                p.value = token();
                ++m_pos;  // ':'
                if (kind() == TokenKind::LParen) {
                    ++m_pos;
                    Expr paren{Expr::Kind::Paren, "", {pattern()}, {}, {}, {}};
                    expect(TokenKind::RParen);
                    p.specializer = std::move(paren);
                } else {
                    p.specializer = pattern();
                }
            } else {
                p.value = exp6();
            }
            it.params.push_back(std::move(p));
            if (!accept(TokenKind::Comma)) break;
        }
        it.paramStarts.push_back(m_pos);
        expect(TokenKind::RParen);
    }

    void block(Item& it) {
        it.kind = Item::Kind::Block;
        if (kind(1) != TokenKind::LBrace) it.keyword = take();
        it.name = take();
        expect(TokenKind::LBrace);
        while (kind() != TokenKind::RBrace) {
            Production p;
            p.first = m_pos;
            if (kind() == TokenKind::String) {
                p.shorthand = true;
                p.head = take();
                expect(TokenKind::KwIf);
                p.implier = take();
                if (kind() == TokenKind::Symbol) {
                    p.relKeyword = take();
                    p.relation = take();
                }
            } else {
                p.keyword = take();
                expect(TokenKind::Unify);
                if (kind() == TokenKind::LBracket) {
                    p.value = list(false);
                } else {
                    p.value = fields(FieldValue::ClassName);
                }
            }
            p.last = m_pos;
            expect(TokenKind::Semicolon);
            it.productions.push_back(std::move(p));
        }
        expect(TokenKind::RBrace);
    }

    // ---- expressions: the engine's exp1..exp10 ----
    Expr chain(const char* op, TokenKind k, Expr (CstParser::*next)()) {
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
    Expr exp1() { return chain("or", TokenKind::KwOr, &CstParser::exp2); }
    Expr exp2() { return chain("and", TokenKind::KwAnd, &CstParser::exp3); }
    Expr exp3() {
        if (!accept(TokenKind::KwNot)) return exp4();
        return Expr{Expr::Kind::Prefix, "not", {exp4()}, {}, {}, {}};
    }
    Expr binary(Expr left, Expr right, std::string op) {
        return Expr{Expr::Kind::Binary, std::move(op), {std::move(left), std::move(right)}, {}, {}, {}};
    }
    Expr exp4() {
        Expr left = exp5();
        while (kind() == TokenKind::Unify || kind() == TokenKind::Assign) {
            std::string op = take();
            left = binary(std::move(left), exp5(), std::move(op));
        }
        return left;
    }
    static bool isComparison(TokenKind k) {
        return k == TokenKind::Eq || k == TokenKind::Neq || k == TokenKind::Lt || k == TokenKind::Leq ||
               k == TokenKind::Gt || k == TokenKind::Geq;
    }
    Expr exp5() {
        Expr left = exp6();
        while (isComparison(kind())) {
            std::string op = take();
            left = binary(std::move(left), exp6(), std::move(op));
        }
        return left;
    }
    Expr exp6() {
        Expr left = exp7();
        while (kind() == TokenKind::Plus || kind() == TokenKind::Minus) {
            std::string op = take();
            left = binary(std::move(left), exp7(), std::move(op));
        }
        return left;
    }
    Expr exp7() {
        Expr left = exp8();
        while (kind() == TokenKind::Star || kind() == TokenKind::Slash || kind() == TokenKind::KwMod ||
               kind() == TokenKind::KwRem) {
            std::string op = take();
            left = binary(std::move(left), exp8(), std::move(op));
        }
        return left;
    }
    Expr exp8() {
        Expr left = exp9();
        for (;;) {
            if (accept(TokenKind::KwIn)) left = binary(std::move(left), exp9(), "in");
            else if (accept(TokenKind::KwMatches)) left = binary(std::move(left), pattern(), "matches");
            else return left;
        }
    }
    Expr exp9() {
        Expr left = exp10();
        while (accept(TokenKind::Dot)) left = binary(std::move(left), dotField(), ".");
        return left;
    }
    Expr dotField() {
        if (isWord(kind())) {
            if (kind(1) == TokenKind::LParen) return call();
            return token();
        }
        expect(TokenKind::LParen);
        Expr paren{Expr::Kind::Paren, "", {token()}, {}, {}, {}};
        expect(TokenKind::RParen);
        return paren;
    }
    Expr exp10() {
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
    Expr token() { return Expr{Expr::Kind::Token, take(), {}, {}, {}, {}}; }

    // name(args, key: value): the engine's parseCallArgs, and print/debug/
    // forall, whose arguments are written the same way.
    Expr call() {
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

    Expr list(bool isPattern) {
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

    enum class FieldValue { Term, Pattern, ClassName };
    Expr fields(FieldValue what) {
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

    Expr pattern() {
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

    File& m_file;
    std::size_t m_pos = 0;
};

} // namespace

File parseFile(std::string_view source) {
    File file;
    file.source = source;
    detail::Lexer lexer(source);
    for (;;) {
        file.tokens.push_back(lexer.nextWithTrivia());
        if (file.tokens.back().token.kind == TokenKind::End) break;
    }
    CstParser(file).parse();
    return file;
}

} // namespace polar::fmt
