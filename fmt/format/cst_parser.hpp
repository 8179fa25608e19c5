// cst_parser.hpp — the recursive-descent parser behind parseFile()
// (cst.hpp); private to fmt/format.
//
// One function per level of the engine's grammar (engine/src/parser.cpp,
// exp1..exp10), in the same order and with the same loops, so an
// expression groups here exactly as the engine groups it, and the
// printer's minimal parentheses (layout.cpp) keep that grouping. `and`/`or` chains are flat, as in the engine. The engine's
// parser has already accepted the text (format.cpp), so errors here are
// internal and thrown as std::logic_error.
//
// Its functions live in two files: cst_parser.cpp (the file, its items,
// resource blocks) and cst_expressions.cpp (exp1..exp10, calls, lists,
// dictionaries, patterns).
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>

#include "cst.hpp"

namespace polar::fmt {

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

    Item item();

    void head(Item& it);

    void block(Item& it);

    // ---- expressions: the engine's exp1..exp10 ----
    Expr chain(const char* op, TokenKind k, Expr (CstParser::*next)());
    Expr exp1() { return chain("or", TokenKind::KwOr, &CstParser::exp2); }
    Expr exp2() { return chain("and", TokenKind::KwAnd, &CstParser::exp3); }
    Expr exp3();
    Expr binary(Expr left, Expr right, std::string op) {
        return Expr{Expr::Kind::Binary, std::move(op), {std::move(left), std::move(right)}, {}, {}, {}};
    }
    Expr exp4();
    static bool isComparison(TokenKind k) {
        return k == TokenKind::Eq || k == TokenKind::Neq || k == TokenKind::Lt || k == TokenKind::Leq ||
               k == TokenKind::Gt || k == TokenKind::Geq;
    }
    Expr exp5();
    Expr exp6();
    Expr exp7();
    Expr exp8();
    Expr exp9();
    Expr dotField();
    Expr exp10();
    Expr token() { return Expr{Expr::Kind::Token, take(), {}, {}, {}, {}}; }

    // name(args, key: value): the engine's parseCallArgs, and print/debug/
    // forall, whose arguments are written the same way.
    Expr call();

    Expr list(bool isPattern);

    enum class FieldValue { Term, Pattern, ClassName };
    Expr fields(FieldValue what);

    Expr pattern();

    File& m_file;
    std::size_t m_pos = 0;
};

} // namespace polar::fmt
