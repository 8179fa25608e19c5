// printer.cpp — items, blocks and where the comments go.
//
// Comments live in the trivia of the token that follows them (lexer.hpp,
// TriviaToken). An own-line comment belongs to the item (or resource-block
// production) whose first token it precedes and is printed on its own
// line above it; a comment on the same line as the end of an item trails
// it, two spaces after the `;`; comments before a block's `}` stay at the
// end of the block, and those before the end of the file at the end.
// Blank lines between items are kept, at most one.
//
// Comments between the conjuncts of a rule body (own-line ones before a
// conjunct, or one after `if`/`and` on its line) are laid out: the body
// is broken one conjunct per line, each conjunct's comments above it.
// Comments between the elements of brackets are laid out by layout.cpp.
// Any other comment *inside* an item (within an operator expression,
// before a comma, in a block's header) has no place in a layout: it moves
// above the smallest thing that can carry it — the conjunct it was in, or
// else the item — as an own-line comment, and with it every other comment
// of that conjunct or item, so their order never changes. That conjunct or
// item is then laid out as if it had no comments (m_plain), and a second
// run finds every comment in its place: idempotent. This is how gofmt and
// prettier treat a comment they cannot attach where it was.
#include "printer.hpp"

#include "../doc/doc.hpp"
#include "layout.hpp"

#include <set>

namespace polar::fmt {
namespace {

using namespace doc;

class Printer {
public:
    explicit Printer(const File& file) : m_file(file), m_layout(file), m_plain(file, false) {}

    Doc fileDoc() {
        std::vector<Doc> lines;
        for (std::size_t i = 0; i < m_file.items.size(); ++i) {
            const Item& item = m_file.items[i];
            commentLines(lines, item.first, i == 0);
            lines.push_back(concat({itemBody(item), trailing(item.last + 1)}));
        }
        commentLines(lines, m_file.tokens.size() - 1, m_file.items.empty());
        if (lines.empty()) return text("");
        return concat({join(lines, hardline()), hardline()});
    }

private:
    // The own-line comments before token `tok`, a line each, and an empty
    // line wherever the source had one or more (except at the start of a
    // file or block).
    void commentLines(std::vector<Doc>& lines, std::size_t tok, bool atStart) const {
        const detail::TriviaToken& t = m_file.tokens[tok];
        bool first = atStart;
        for (const detail::Comment& c : t.comments) {
            if (!c.ownLine) continue;
            if (!first && c.blankLinesBefore > 0) lines.push_back(text(""));
            lines.push_back(text(m_file.commentText(c)));
            first = false;
        }
        if (!first && t.blankLinesBefore > 0) lines.push_back(text(""));
    }

    // The comment on the same line just before token `tok`, if any.
    Doc trailing(std::size_t tok) const {
        if (tok >= m_file.tokens.size()) return text("");
        const auto& comments = m_file.tokens[tok].comments;
        if (comments.empty() || comments.front().ownLine) return text("");
        return text("  " + m_file.commentText(comments.front()));
    }

    // Every comment on the tokens (first, last], in order.
    std::vector<std::string> commentsIn(std::size_t first, std::size_t last) const {
        std::vector<std::string> out;
        for (std::size_t i = first + 1; i <= last; ++i)
            for (const detail::Comment& c : m_file.tokens[i].comments) out.push_back(m_file.commentText(c));
        return out;
    }

    // `body` with `comments` on lines of their own above it.
    static Doc withCommentsAbove(const std::vector<std::string>& comments, Doc body) {
        std::vector<Doc> parts;
        for (const std::string& c : comments) {
            parts.push_back(text(c));
            parts.push_back(hardline());
        }
        parts.push_back(std::move(body));
        return concat(std::move(parts));
    }

    // Whether every comment on the tokens (first, last] is on one of `ok`.
    bool commentsOnlyAt(std::size_t first, std::size_t last, const std::set<std::size_t>& ok) const {
        for (std::size_t i = first + 1; i <= last; ++i)
            if (!m_file.tokens[i].comments.empty() && !ok.count(i)) return false;
        return true;
    }

    Doc itemBody(const Item& item) const {
        if (item.kind == Item::Kind::Block) return blockDoc(item);
        std::set<std::size_t> brackets;
        m_layout.bracketTokens(item, brackets);
        if (commentsOnlyAt(item.first, item.last, brackets)) return m_layout.item(item);
        if (item.kind == Item::Kind::Rule && item.body) return commentedRule(item, brackets);
        return withCommentsAbove(commentsIn(item.first, item.last), m_plain.item(item));
    }

    // The first token of each top-level operand of the body (of the chain
    // inside, when parentheses wrap the whole body: layout.cpp drops those).
    static std::vector<std::size_t> conjunctStarts(const Item& rule) {
        const Expr* body = &*rule.body;
        while (body->kind == Expr::Kind::Paren) body = &body->kids[0];
        if (body->kind == Expr::Kind::Chain) return body->starts;
        return {rule.bodyStart};
    }

    // `head if  # c`, then per conjunct its own-line comments and itself,
    // ending in ` and  # c` — always broken: a comment ends its line. A
    // comment written before the `and` (`x = 1  # c` / `and ...`) moves
    // after it, on the same line; own-line ones go above the next conjunct.
    // A conjunct with a comment inside that no bracket layout places has
    // all its inner comments moved above it; a head with one, all the
    // head's, above the rule.
    Doc commentedRule(const Item& rule, const std::set<std::size_t>& brackets) const {
        std::string op;
        const std::vector<Doc> operands = m_layout.bodyOperands(rule, op);
        const std::vector<Doc> plainOperands = m_plain.bodyOperands(rule, op);
        const std::vector<std::size_t> starts = conjunctStarts(rule);
        const std::size_t ifToken = rule.bodyStart - 1;
        const bool headPlaced = commentsOnlyAt(rule.first, ifToken, brackets);
        // Comments in the head only: above the rule, which then has none
        // and is laid out as any other (as the next run will see it).
        if (!headPlaced && commentsIn(ifToken, rule.last).empty())
            return withCommentsAbove(commentsIn(rule.first, ifToken), m_plain.item(rule));
        std::vector<Doc> body;
        std::vector<std::string> above;  // own-line comments for the next conjunct
        auto collect = [&](std::size_t tok, bool trailingAllowed, std::vector<Doc>& line) {
            for (const detail::Comment& c : m_file.tokens[tok].comments) {
                if (!c.ownLine && trailingAllowed && above.empty()) {  // else order would change
                    line.push_back(text("  " + m_file.commentText(c)));
                    trailingAllowed = false;
                } else {
                    above.push_back(m_file.commentText(c));
                }
            }
        };
        // Comments between `if` and the first operand (on the dropped
        // parentheses of `if (a and b)`) go above the first conjunct.
        above = commentsIn(ifToken, starts[0] - 1);
        std::vector<Doc> headLine;
        collect(starts[0], true, headLine);
        for (std::size_t k = 0; k < operands.size(); ++k) {
            // The conjunct's inner tokens: up to its `and`/`or`, or the `;`.
            const std::size_t end = k + 1 < operands.size() ? starts[k + 1] - 2 : rule.last;
            const bool placed = commentsOnlyAt(starts[k], end, brackets);
            if (!placed) {
                const std::vector<std::string> inner = commentsIn(starts[k], end);
                above.insert(above.end(), inner.begin(), inner.end());
            }
            body.push_back(hardline());
            for (const std::string& c : above) {
                body.push_back(text(c));
                body.push_back(hardline());
            }
            above.clear();
            body.push_back(placed ? operands[k] : plainOperands[k]);
            if (k + 1 < operands.size()) {
                body.push_back(text(" " + op));
                std::vector<Doc> endOfLine;
                collect(starts[k + 1] - 1, true, endOfLine);
                collect(starts[k + 1], endOfLine.empty(), endOfLine);
                for (Doc& d : endOfLine) body.push_back(std::move(d));
            }
        }
        const Doc ruleDoc = concat({headPlaced ? m_layout.head(rule) : m_plain.head(rule), text(" if"),
                                    concat(std::move(headLine)), nest(kIndent, concat(std::move(body))), text(";")});
        return headPlaced ? ruleDoc : withCommentsAbove(commentsIn(rule.first, ifToken), ruleDoc);
    }

    Doc blockDoc(const Item& item) const {
        const std::size_t open = item.first + (item.keyword.empty() ? 1 : 2);
        const std::string header = (item.keyword.empty() ? "" : item.keyword + " ") + item.name + " {";
        std::vector<Doc> inner;
        for (std::size_t k = 0; k < item.productions.size(); ++k) {
            const Production& p = item.productions[k];
            commentLines(inner, p.first, k == 0);
            std::set<std::size_t> brackets;
            m_layout.bracketTokens(p.value, brackets);
            const Doc body = commentsOnlyAt(p.first, p.last, brackets)
                                 ? m_layout.production(p)
                                 : withCommentsAbove(commentsIn(p.first, p.last), m_plain.production(p));
            inner.push_back(concat({body, trailing(p.last + 1)}));
        }
        commentLines(inner, item.last, item.productions.empty());
        const Doc afterOpen = trailing(open + 1);
        // Comments inside the header (`resource # c` / `Foo {`) go above the block.
        const std::vector<std::string> headerComments = commentsIn(item.first, open);
        if (inner.empty() && afterOpen->text.empty()) return withCommentsAbove(headerComments, text(header + "}"));
        return withCommentsAbove(headerComments,
                                 concat({text(header), afterOpen, nest(kIndent, concat({hardline(), join(inner, hardline())})),
                                         hardline(), text("}")}));
    }

    const File& m_file;
    Layout m_layout;
    Layout m_plain;  // the same layouts, blind to comments
};

} // namespace

std::string printFile(const File& file, int width) {
    return render(Printer(file).fileDoc(), width);
}

} // namespace polar::fmt
