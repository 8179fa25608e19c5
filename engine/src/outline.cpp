// outline.cpp — polar/outline.hpp: the parser's offsets as lines and columns.
//
// The parse tree already carries byte offsets for every rule and block
// (ast.hpp); this file only turns them into 1-based line/column pairs. The
// line of an offset is found by binary search over the line starts, so a
// policy of 100,000 rules is outlined in one pass, not in 100,000 scans.
#include "polar/outline.hpp"

#include <algorithm>
#include <cstdint>

#include "parser.hpp"
#include "polar/error.hpp"

namespace polar {
namespace {

class LineIndex {
public:
    explicit LineIndex(std::string_view text) : m_text(text) {
        m_starts.push_back(0);
        for (std::size_t k = 0; k < text.size(); ++k)
            if (text[k] == '\n') m_starts.push_back(k + 1);
    }

    // 1-based line and character column of a byte offset.
    void locate(std::uint32_t offset, int& line, int& column) const {
        const std::size_t at = std::min<std::size_t>(offset, m_text.size());
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), at);
        const std::size_t index = static_cast<std::size_t>(it - m_starts.begin()) - 1;
        line = static_cast<int>(index + 1);
        column = 1;
        for (std::size_t k = m_starts[index]; k < at; ++k)
            if ((static_cast<unsigned char>(m_text[k]) & 0xc0) != 0x80) ++column;  // skip UTF-8 continuation bytes
    }

    SourceLocation location(std::string_view file, std::uint32_t offset) const {
        SourceLocation loc;
        loc.file = std::string(file);
        locate(offset, loc.line, loc.column);
        const std::size_t start = m_starts[static_cast<std::size_t>(loc.line - 1)];
        std::size_t end = m_text.find('\n', start);
        if (end == std::string_view::npos) end = m_text.size();
        loc.lineText = std::string(m_text.substr(start, end - start));
        if (!loc.lineText.empty() && loc.lineText.back() == '\r') loc.lineText.pop_back();
        return loc;
    }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

std::string slice(std::string_view text, std::uint32_t start, std::uint32_t end) {
    if (start >= text.size() || end <= start) return {};
    return std::string(text.substr(start, std::min<std::size_t>(end, text.size()) - start));
}

OutlineEntry ruleEntry(const detail::RuleAst& rule, OutlineEntry::Kind kind, std::string_view text,
                       const LineIndex& lines) {
    OutlineEntry e;
    e.kind = kind;
    e.name = rule.name;
    e.arity = static_cast<int>(rule.params.size());
    e.head = slice(text, rule.start, rule.headEnd);
    lines.locate(rule.start, e.line, e.column);
    lines.locate(rule.end, e.endLine, e.endColumn);
    // A rule type's span starts at `type`; its name is the first word after it.
    std::uint32_t nameAt = rule.start;
    if (kind == OutlineEntry::Kind::RuleType) {
        const std::size_t found = text.find(rule.name, rule.start);
        if (found != std::string_view::npos && found < rule.headEnd) nameAt = static_cast<std::uint32_t>(found);
    }
    lines.locate(nameAt, e.nameLine, e.nameColumn);
    return e;
}

} // namespace

std::vector<OutlineEntry> outlinePolicy(std::string_view text, std::string_view file) {
    const LineIndex lines(text);
    detail::PolicyAst policy;
    try {
        policy = detail::Parser(text).parsePolicy();
    } catch (const detail::ParseFailure& f) {
        throw Error(ErrorKind::Parse, f.subkind, f.message, lines.location(file, f.offset));
    }

    std::vector<OutlineEntry> out;
    out.reserve(policy.rules.size() + policy.ruleTypes.size() + policy.resourceBlocks.size());
    for (const detail::RuleAst& rule : policy.rules)
        out.push_back(ruleEntry(rule, OutlineEntry::Kind::Rule, text, lines));
    for (const detail::RuleAst& rule : policy.ruleTypes)
        out.push_back(ruleEntry(rule, OutlineEntry::Kind::RuleType, text, lines));
    for (const detail::ResourceBlockAst& block : policy.resourceBlocks) {
        OutlineEntry e;
        e.kind = OutlineEntry::Kind::ResourceBlock;
        e.name = block.name;
        e.keyword = block.keyword.value_or("");
        e.head = e.keyword.empty() ? e.name : e.keyword + " " + e.name;
        lines.locate(block.start, e.line, e.column);
        lines.locate(block.end, e.endLine, e.endColumn);
        lines.locate(block.nameStart, e.nameLine, e.nameColumn);
        out.push_back(std::move(e));
    }
    // The parser keeps rules, types and blocks apart; an outline reads in source order.
    std::stable_sort(out.begin(), out.end(), [](const OutlineEntry& a, const OutlineEntry& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

} // namespace polar
