// layout.cpp — how each construct breaks when it does not fit.
//
// Everything bracketed — arguments, parameters, lists, dictionaries,
// patterns, parentheses — is one group: flat if it fits, otherwise the
// opening bracket ends the line, the elements follow one per line one
// indent deeper (lists of plain literals are filled instead: as many per
// line as fit), and the closing bracket gets a line of its own. A rule
// body is a group of its own too: `head if a and b;` when it fits, else
// `head if` and then one conjunct (or disjunct) per line. Other binary
// operators break after the operator as a last resort (the outermost
// first), except before a bracketed operand, which breaks inside its
// brackets instead; `.` lookups never break.
//
// A comment between the elements of a bracketed construct (before an
// element, after a comma, before the closing bracket) breaks it one
// element per line, the comment above its element or at the end of the
// line it trailed.
//
// Parentheses are minimal: the tree is the source's grouping (cst_parser
// keeps it exactly), so an operand is parenthesised only when its
// operator binds looser than its place in the grammar allows (`level`,
// `need` below mirror the engine's exp1..exp10), and written parentheses
// that change nothing are dropped. Parentheses that are syntax rather
// than grouping stay: a specializer's `x: (Foo)` (taken literally), a
// lookup's `x.(key)`, and around a number before `.` (`(1).e` is not `1.e`).
#include "layout.hpp"

#include <cctype>

namespace polar::fmt {
namespace {

using namespace doc;

// How tightly an expression binds: its grammar level in the engine's
// parser (1 = or ... 10 = atoms).
int level(const Expr& e) {
    switch (e.kind) {
    case Expr::Kind::Chain: return e.text == "or" ? 1 : 2;
    case Expr::Kind::Prefix: return e.text == "not" ? 3 : 10;
    case Expr::Kind::Binary: {
        const std::string& op = e.text;
        if (op == "=" || op == ":=") return 4;
        if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return 5;
        if (op == "+" || op == "-") return 6;
        if (op == "*" || op == "/" || op == "mod" || op == "rem") return 7;
        if (op == "in" || op == "matches") return 8;
        return 9;  // "."
    }
    default: return 10;
    }
}

const Expr& unparenthesised(const Expr& e) {
    return e.kind == Expr::Kind::Paren ? unparenthesised(e.kids[0]) : e;
}

Doc parenthesised(Doc inner) {
    return group(concat({text("("), nest(kIndent, concat({softline(), std::move(inner)})), softline(), text(")")}));
}

// Whether every element is a literal or variable, once the parentheses
// that operand() drops around one are gone: `[a, (b)]` packs as `[a, b]` does.
bool allTokens(const std::vector<Expr>& es) {
    for (const Expr& e : es)
        if (unparenthesised(e).kind != Expr::Kind::Token) return false;
    return true;
}

} // namespace

Doc Layout::bracketed(const std::string& open, const std::vector<Doc>& items, const std::string& close,
                      const std::vector<std::size_t>& starts, bool spaced, bool packed) const {
    for (std::size_t tok : starts)
        if (m_withComments && !m_file.tokens[tok].comments.empty())
            return commentedBracket(open, items, close, starts);
    if (items.empty()) return text(open + close);
    const Doc sep = concat({text(","), line()});
    const Doc inner = packed ? fill(items, sep) : join(items, sep);
    const Doc edge = spaced ? line() : softline();
    return group(concat({text(open), nest(kIndent, concat({edge, inner})), edge, text(close)}));
}

// starts: each element's first token, then the closing bracket's. A
// comment on the same line before starts[k] ends the line before element
// k (after the opening bracket or the comma); own-line ones go above it.
Doc Layout::commentedBracket(const std::string& open, const std::vector<Doc>& items, const std::string& close,
                             const std::vector<std::size_t>& starts) const {
    std::vector<Doc> outer{text(open)}, inner;
    std::vector<Doc>* lineEnd = &outer;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::vector<std::string> above;
        for (const detail::Comment& c : m_file.tokens[starts[k]].comments) {
            if (!c.ownLine && above.empty()) lineEnd->push_back(text("  " + m_file.commentText(c)));
            else above.push_back(m_file.commentText(c));
        }
        for (const std::string& c : above) inner.push_back(concat({hardline(), text(c)}));
        if (k < items.size()) {
            inner.push_back(hardline());
            inner.push_back(items[k]);
            if (k + 1 < items.size()) inner.push_back(text(","));
            lineEnd = &inner;
        }
    }
    outer.push_back(nest(kIndent, concat(std::move(inner))));
    outer.push_back(hardline());
    outer.push_back(text(close));
    return concat(std::move(outer));
}

// `e` where the grammar reads an expression of level `need` or tighter.
Doc Layout::operand(const Expr& e, int need) const {
    const Expr& inner = unparenthesised(e);
    return level(inner) < need ? parenthesised(expr(inner)) : expr(inner);
}

std::vector<Doc> Layout::operands(const std::vector<Expr>& es, int need) const {
    std::vector<Doc> out;
    for (const Expr& e : es) out.push_back(operand(e, need));
    return out;
}

Doc Layout::fields(const Expr& e, bool spaced) const {
    std::vector<Doc> entries;
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        if (e.shorthand[i]) entries.push_back(text(e.keys[i]));
        else entries.push_back(concat({text(e.keys[i] + ": "), operand(e.kids[i], 5)}));
    }
    return concat({text(e.text), bracketed("{", entries, "}", e.starts, spaced)});
}

Doc Layout::chain(const std::vector<Expr>& kids, const std::string& op) const {
    // An `or` operand is an `and` level expression, an `and` operand a `not` level one.
    return join(operands(kids, op == "or" ? 2 : 3), concat({text(" " + op), line()}));
}

Doc Layout::head(const Item& rule) const {
    std::vector<Doc> params;
    for (const Param& p : rule.params) {
        if (p.specializer) params.push_back(concat({expr(p.value), text(": "), expr(*p.specializer)}));
        else params.push_back(operand(p.value, 6));
    }
    return concat({text(rule.name), bracketed("(", params, ")", rule.paramStarts)});
}

Doc Layout::expr(const Expr& e) const {
    switch (e.kind) {
    case Expr::Kind::Token:
    case Expr::Kind::Rest: return text(e.text);
    case Expr::Kind::Prefix: return concat({text(e.text + " "), operand(e.kids[0], e.text == "not" ? 4 : 10)});
    case Expr::Kind::Binary: {
        // Left-associative: the left operand may be of the same level,
        // the right one must bind tighter.
        const int at = level(e);
        if (e.text == ".") {
            const Expr& left = unparenthesised(e.kids[0]);
            const bool number = left.kind == Expr::Kind::Token && !left.text.empty() &&
                                (std::isdigit(static_cast<unsigned char>(left.text.back())) ||
                                 left.text == "inf" || left.text == "nan" || left.text.back() == '.');
            const Doc leftDoc = number ? parenthesised(expr(left)) : operand(e.kids[0], at);
            return concat({leftDoc, text("."), expr(e.kids[1])});
        }
        // A pattern after `matches` is printed as written (cst_parser's pattern()).
        const Doc right = e.text == "matches" ? expr(e.kids[1]) : operand(e.kids[1], at + 1);
        // A bracketed right operand breaks inside its brackets (`x = [` ...)
        // while the line up to its bracket fits; any other breaks after the
        // operator, one indent deeper, only when the whole does not fit.
        const Expr& r = unparenthesised(e.kids[1]);
        const bool hugs = r.kind == Expr::Kind::List || r.kind == Expr::Kind::Fields || r.kind == Expr::Kind::Call ||
                          (r.kind == Expr::Kind::Prefix && r.text == "new");
        const Doc left = operand(e.kids[0], at);
        const Doc broken = group(concat({left, text(" " + e.text), nest(kIndent, concat({line(), right}))}));
        // ...while `left op open-bracket` fits on the line; else it breaks after the operator too.
        if (hugs) return hug(concat({left, text(" " + e.text + " ")}), right, broken);
        return broken;
    }
    case Expr::Kind::Chain: return group(chain(e.kids, e.text));
    case Expr::Kind::Call: {
        std::vector<Doc> args;
        for (std::size_t i = 0; i < e.kids.size(); ++i) {
            if (e.keys[i].empty()) args.push_back(operand(e.kids[i], 1));
            else args.push_back(concat({text(e.keys[i] + ": "), operand(e.kids[i], 1)}));
        }
        return concat({text(e.text), bracketed("(", args, ")", e.starts)});
    }
    case Expr::Kind::List: return bracketed("[", operands(e.kids, 6), "]", e.starts, false, allTokens(e.kids));
    case Expr::Kind::Fields: return fields(e, false);
    case Expr::Kind::Paren: return parenthesised(expr(e.kids[0]));  // syntax, not grouping (see operand)
    }
    return text("");
}

Doc Layout::item(const Item& it) const {
    switch (it.kind) {
    case Item::Kind::Type: return concat({text("type "), head(it), text(";")});
    case Item::Kind::Query:
        return group(concat({text("?="), nest(kIndent, concat({line(), operand(*it.body, 1)})), text(";")}));
    case Item::Kind::Rule: break;
    case Item::Kind::Block: return text("");  // printer.cpp lays blocks out
    }
    if (!it.body) return concat({head(it), text(";")});
    const Expr& top = unparenthesised(*it.body);
    // The top-level chain shares the body's group: when the body breaks,
    // every conjunct goes on its own line. The head is not in that group,
    // so a head broken over lines can still be followed by a short body
    // on the line of its `) if`.
    const Doc conjuncts = top.kind == Expr::Kind::Chain ? chain(top.kids, top.text) : expr(top);
    return concat({head(it), group(concat({text(" if"), nest(kIndent, concat({line(), conjuncts})), text(";")}))});
}

std::vector<Doc> Layout::bodyOperands(const Item& rule, std::string& op) const {
    // As item(): parentheses around the whole body change nothing and go.
    const Expr& body = unparenthesised(*rule.body);
    if (body.kind != Expr::Kind::Chain) {
        op.clear();
        return {expr(body)};
    }
    op = body.text;
    return operands(body.kids, op == "or" ? 2 : 3);
}

Doc Layout::production(const Production& p) const {
    if (p.shorthand) {
        // `"read" if "reader" on "parent";`, breaking before the implier
        // and before `on` when it does not fit.
        std::vector<Doc> tail{line(), text(p.implier)};
        if (!p.relKeyword.empty()) {
            tail.push_back(line());
            tail.push_back(text(p.relKeyword + " " + p.relation));
        }
        return group(concat({text(p.head + " if"), nest(kIndent, concat(std::move(tail))), text(";")}));
    }
    const Doc value = p.value.kind == Expr::Kind::Fields ? fields(p.value, true) : expr(p.value);
    return concat({text(p.keyword + " = "), value, text(";")});
}

void Layout::bracketTokens(const Expr& e, std::set<std::size_t>& out) const {
    if (e.kind == Expr::Kind::Call || e.kind == Expr::Kind::List || e.kind == Expr::Kind::Fields)
        out.insert(e.starts.begin(), e.starts.end());
    for (const Expr& kid : e.kids) bracketTokens(kid, out);
}

void Layout::bracketTokens(const Item& it, std::set<std::size_t>& out) const {
    out.insert(it.paramStarts.begin(), it.paramStarts.end());
    for (const Param& p : it.params) {
        bracketTokens(p.value, out);
        if (p.specializer) bracketTokens(*p.specializer, out);
    }
    if (it.body) bracketTokens(*it.body, out);
    for (const Production& p : it.productions) bracketTokens(p.value, out);
}

} // namespace polar::fmt
