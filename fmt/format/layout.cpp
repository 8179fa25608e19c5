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

Doc bracketed(const std::string& open, const std::vector<Doc>& items, const std::string& close,
              bool spaced = false, bool packed = false) {
    if (items.empty()) return text(open + close);
    const Doc sep = concat({text(","), line()});
    const Doc inner = packed ? fill(items, sep) : join(items, sep);
    const Doc edge = spaced ? line() : softline();
    return group(concat({text(open), nest(kIndent, concat({edge, inner})), edge, text(close)}));
}

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

// `e` where the grammar reads an expression of level `need` or tighter.
Doc operand(const Expr& e, int need) {
    const Expr& inner = unparenthesised(e);
    return level(inner) < need ? parenthesised(exprDoc(inner)) : exprDoc(inner);
}

std::vector<Doc> docs(const std::vector<Expr>& es, int need) {
    std::vector<Doc> out;
    for (const Expr& e : es) out.push_back(operand(e, need));
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
        else entries.push_back(concat({text(e.keys[i] + ": "), operand(e.kids[i], 5)}));
    }
    return concat({text(e.text), bracketed("{", entries, "}", spaced)});
}

Doc chainDoc(const std::vector<Expr>& kids, const std::string& op) {
    // An `or` operand is an `and` level expression, an `and` operand a `not` level one.
    return join(docs(kids, op == "or" ? 2 : 3), concat({text(" " + op), line()}));
}

Doc paramsDoc(const Item& item) {
    std::vector<Doc> params;
    for (const Param& p : item.params) {
        if (p.specializer) params.push_back(concat({exprDoc(p.value), text(": "), exprDoc(*p.specializer)}));
        else params.push_back(operand(p.value, 6));
    }
    return concat({text(item.name), bracketed("(", params, ")")});
}

} // namespace

Doc exprDoc(const Expr& e) {
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
            const Doc leftDoc = number ? parenthesised(exprDoc(left)) : operand(e.kids[0], at);
            return concat({leftDoc, text("."), exprDoc(e.kids[1])});
        }
        // A pattern after `matches` is printed as written (cst_parser's pattern()).
        const Doc right = e.text == "matches" ? exprDoc(e.kids[1]) : operand(e.kids[1], at + 1);
        return concat({operand(e.kids[0], at), text(" " + e.text + " "), right});
    }
    case Expr::Kind::Chain: return group(chainDoc(e.kids, e.text));
    case Expr::Kind::Call: {
        std::vector<Doc> args;
        for (std::size_t i = 0; i < e.kids.size(); ++i) {
            if (e.keys[i].empty()) args.push_back(operand(e.kids[i], 1));
            else args.push_back(concat({text(e.keys[i] + ": "), operand(e.kids[i], 1)}));
        }
        return concat({text(e.text), bracketed("(", args, ")")});
    }
    case Expr::Kind::List: return bracketed("[", docs(e.kids, 6), "]", false, allTokens(e.kids));
    case Expr::Kind::Fields: return fieldsDoc(e, false);
    case Expr::Kind::Paren: return parenthesised(exprDoc(e.kids[0]));  // syntax, not grouping (see operand)
    }
    return text("");
}

Doc itemDoc(const Item& item) {
    switch (item.kind) {
    case Item::Kind::Type: return concat({text("type "), paramsDoc(item), text(";")});
    case Item::Kind::Query:
        return group(concat({text("?="), nest(kIndent, concat({line(), operand(*item.body, 1)})), text(";")}));
    case Item::Kind::Rule: break;
    case Item::Kind::Block: return text("");  // printer.cpp lays blocks out
    }
    if (!item.body) return concat({paramsDoc(item), text(";")});
    const Expr& body = *item.body;
    // The top-level chain shares the rule's group: when the rule breaks,
    // every conjunct goes on its own line.
    const Expr& top = unparenthesised(body);
    const Doc conjuncts = top.kind == Expr::Kind::Chain ? chainDoc(top.kids, top.text) : exprDoc(top);
    return group(concat({paramsDoc(item), text(" if"), nest(kIndent, concat({line(), conjuncts})), text(";")}));
}

Doc headDoc(const Item& rule) { return paramsDoc(rule); }

std::vector<Doc> bodyOperands(const Item& rule, std::string& op) {
    const Expr& body = *rule.body;
    if (body.kind != Expr::Kind::Chain) {
        op.clear();
        return {exprDoc(body)};
    }
    op = body.text;
    return docs(body.kids, op == "or" ? 2 : 3);
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
