// cst_parser.cpp — the file and its items: rules, rule types, inline
// queries, resource blocks (the engine's parseLine, parseRuleHead,
// parseParam, parseResourceBlock, parseProduction); cst_parser.hpp says
// why this parser exists.
#include "cst_parser.hpp"

namespace polar::fmt {

Item CstParser::item() {
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

void CstParser::head(Item& it) {
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

void CstParser::block(Item& it) {
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
