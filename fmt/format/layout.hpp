// layout.hpp — the layouts of expressions and items as fmt/doc Docs.
#pragma once

#include "../doc/doc.hpp"
#include "cst.hpp"

namespace polar::fmt {

inline constexpr int kIndent = 4;

doc::Doc exprDoc(const Expr& e);
// `name(params) if body;`, `type name(params);`, `?= term;` (no comments:
// printer.cpp places those).
doc::Doc itemDoc(const Item& item);
doc::Doc productionDoc(const Production& p);
// The pieces of a rule, for printer.cpp's layout of a rule with comments
// between its conjuncts: `name(params)`, and the body's top-level operands
// with their operator ("and"/"or"; "" for a single one).
doc::Doc headDoc(const Item& rule);
std::vector<doc::Doc> bodyOperands(const Item& rule, std::string& op);

} // namespace polar::fmt
