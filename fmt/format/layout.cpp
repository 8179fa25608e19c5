// layout.cpp — how each construct breaks when it does not fit.
//
// Everything bracketed — arguments, parameters, lists, dictionaries,
// patterns, parentheses — is one group: flat if it fits, otherwise the
// opening bracket ends the line, the elements follow one per line one
// indent deeper (lists of plain literals are filled instead: as many per
// line as fit), and the closing bracket gets a line of its own. A rule
// body is a group of its own too: `head if a and b;` when it fits, else
// `head if` and then one conjunct (or disjunct) per line. Operators other
// than `and`/`or` never break: Polar expressions are short, and breaking
// inside `x.y = z` reads worse than a long line.
//
// Parentheses are printed where they were written, never added or
// removed, so the grouping — and with it the meaning — is the source's.
#include "layout.hpp"

namespace polar::fmt {
namespace {

using namespace doc;

Doc bracketed(const std::string& open, const std::vector<Doc>& items, const std::string& close,
              bool spaced = false, bool packed = false) {
    if (items.empty()) return text(open + close);
    const Doc sep = concat({text(","), line()});
    const Doc inner = packed ? fill(items, sep) : join(items, sep);
    const Doc edge = spaced ? line() : softline();
    return group(concat({text(open), nest(kIndent, concat({edge, inner})), edge, text(close)}));
}

std::vector<Doc> docs(const std::vector<Expr>& es) {
    std::vector<Doc> out;
    for (const Expr& e : es) out.push_back(exprDoc(e));
    return out;
}

bool allTokens(const std::vector<Expr>& es) {
    for (const Expr& e : es)
        if (e.kind != Expr::Kind::Token) return false;
    return true;
}

Doc fieldsDoc(const Expr& e, bool spaced) {
    std::vector<Doc> entries;
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        if (e.shorthand[i]) entries.push_back(text(e.keys[i]));
        else entries.push_back(concat({text(e.keys[i] + ": "), exprDoc(e.kids[i])}));
    }
    return concat({text(e.text), bracketed("{", entries, "}", spaced)});
}

Doc chainDoc(const std::vector<Expr>& kids, const std::string& op) {
    return join(docs(kids), concat({text(" " + op), line()}));
}

Doc paramsDoc(const Item& item) {
    std::vector<Doc> params;
    for (const Param& p : item.params) {
        if (p.specializer) params.push_back(concat({exprDoc(p.value), text(": "), exprDoc(*p.specializer)}));
        else params.push_back(exprDoc(p.value));
    }
    return concat({text(item.name), bracketed("(", params, ")")});
}

} // namespace

Doc exprDoc(const Expr& e) {
    switch (e.kind) {
    case Expr::Kind::Token:
    case Expr::Kind::Rest: return text(e.text);
    case Expr::Kind::Prefix: return concat({text(e.text + " "), exprDoc(e.kids[0])});
    case Expr::Kind::Binary:
        if (e.text == ".") return concat({exprDoc(e.kids[0]), text("."), exprDoc(e.kids[1])});
        return concat({exprDoc(e.kids[0]), text(" " + e.text + " "), exprDoc(e.kids[1])});
    case Expr::Kind::Chain: return group(chainDoc(e.kids, e.text));
    case Expr::Kind::Call: {
        std::vector<Doc> args;
        for (std::size_t i = 0; i < e.kids.size(); ++i) {
            if (e.keys[i].empty()) args.push_back(exprDoc(e.kids[i]));
            else args.push_back(concat({text(e.keys[i] + ": "), exprDoc(e.kids[i])}));
        }
        return concat({text(e.text), bracketed("(", args, ")")});
    }
    case Expr::Kind::List: return bracketed("[", docs(e.kids), "]", false, allTokens(e.kids));
    case Expr::Kind::Fields: return fieldsDoc(e, false);
    case Expr::Kind::Paren:
        return group(concat({text("("), nest(kIndent, concat({softline(), exprDoc(e.kids[0])})), softline(),
                             text(")")}));
    }
    return text("");
}

Doc itemDoc(const Item& item) {
    switch (item.kind) {
    case Item::Kind::Type: return concat({text("type "), paramsDoc(item), text(";")});
    case Item::Kind::Query:
        return group(concat({text("?="), nest(kIndent, concat({line(), exprDoc(*item.body)})), text(";")}));
    case Item::Kind::Rule: break;
    case Item::Kind::Block: return text("");  // printer.cpp lays blocks out
    }
    if (!item.body) return concat({paramsDoc(item), text(";")});
    const Expr& body = *item.body;
    // The top-level chain shares the rule's group: when the rule breaks,
    // every conjunct goes on its own line.
    const Doc conjuncts = body.kind == Expr::Kind::Chain ? chainDoc(body.kids, body.text) : exprDoc(body);
    return group(concat({paramsDoc(item), text(" if"), nest(kIndent, concat({line(), conjuncts})), text(";")}));
}

Doc productionDoc(const Production& p) {
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
    const Doc value = p.value.kind == Expr::Kind::Fields ? fieldsDoc(p.value, true) : exprDoc(p.value);
    return concat({text(p.keyword + " = "), value, text(";")});
}

} // namespace polar::fmt
