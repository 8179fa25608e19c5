// layout.hpp — the layouts of expressions and items as fmt/doc Docs.
//
// A Layout knows the file, so a bracketed construct (arguments,
// parameters, lists, dictionaries, patterns) can lay out the comments
// between its elements (see layout.cpp); `bracketTokens` tells the
// printer where those places are, so it can move any other comment above
// its conjunct or item and lay that out with a Layout blind to comments.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "../doc/doc.hpp"
#include "cst.hpp"

namespace polar::fmt {

inline constexpr int kIndent = 4;

class Layout {
public:
    // withComments false: lay out as if the item had no comments (the
    // printer has moved them above it; see printer.cpp).
    explicit Layout(const File& file, bool withComments = true) : m_file(file), m_withComments(withComments) {}

    doc::Doc expr(const Expr& e) const;
    // `name(params) if body;`, `type name(params);`, `?= term;`.
    doc::Doc item(const Item& item) const;
    doc::Doc production(const Production& p) const;
    // The pieces of a rule, for printer.cpp's layout of a rule with comments
    // between its conjuncts: `name(params)`, and the body's top-level
    // operands with their operator ("and"/"or"; "" for a single one),
    // parentheses around the whole body dropped.
    doc::Doc head(const Item& rule) const;
    std::vector<doc::Doc> bodyOperands(const Item& rule, std::string& op) const;
    // Adds the tokens before which the bracket layouts place comments.
    void bracketTokens(const Expr& e, std::set<std::size_t>& out) const;
    void bracketTokens(const Item& item, std::set<std::size_t>& out) const;

private:
    doc::Doc bracketed(const std::string& open, const std::vector<doc::Doc>& items, const std::string& close,
                       const std::vector<std::size_t>& starts, bool spaced = false, bool packed = false) const;
    doc::Doc commentedBracket(const std::string& open, const std::vector<doc::Doc>& items, const std::string& close,
                              const std::vector<std::size_t>& starts) const;
    doc::Doc operand(const Expr& e, int need) const;
    std::vector<doc::Doc> operands(const std::vector<Expr>& es, int need) const;
    doc::Doc fields(const Expr& e, bool spaced) const;
    doc::Doc chain(const std::vector<Expr>& kids, const std::string& op) const;

    const File& m_file;
    bool m_withComments;
};

} // namespace polar::fmt
