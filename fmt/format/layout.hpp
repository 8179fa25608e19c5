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

} // namespace polar::fmt
