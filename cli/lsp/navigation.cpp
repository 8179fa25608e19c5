// cli/lsp/navigation.cpp — see navigation.hpp.
#include "lsp/navigation.hpp"

#include <string>
#include <vector>

#include "lsp/diagnostics.hpp"

namespace polar::cli::lsp {
namespace {

using Kind = polar::OutlineEntry::Kind;

// LSP SymbolKind values.
constexpr int kSymbolClass = 5;
constexpr int kSymbolInterface = 11;
constexpr int kSymbolFunction = 12;

// The documents to search: this one first, then the others in URI order.
std::vector<const Document*> searchOrder(const DocumentStore& store, const Document& doc) {
    std::vector<const Document*> out{&doc};
    for (const auto& [uri, other] : store.all())
        if (uri != doc.uri) out.push_back(&other);
    return out;
}

} // namespace

Range entryRange(const Document& doc, const polar::OutlineEntry& entry) {
    return {toLspPosition(doc.text, entry.line, entry.column), toLspPosition(doc.text, entry.endLine, entry.endColumn)};
}

Range nameRange(const Document& doc, const polar::OutlineEntry& entry) {
    const Position start = toLspPosition(doc.text, entry.nameLine, entry.nameColumn);
    return {start, {start.line, start.character + utf16Length(entry.name)}};
}

nlohmann::json documentSymbols(const Document& doc) {
    nlohmann::json out = nlohmann::json::array();
    for (const polar::OutlineEntry& entry : doc.outline) {
        std::string name;
        int kind = kSymbolFunction;
        switch (entry.kind) {
        case Kind::Rule:
            name = entry.name + "/" + std::to_string(entry.arity);
            break;
        case Kind::RuleType:
            name = "type " + entry.name + "/" + std::to_string(entry.arity);
            kind = kSymbolInterface;
            break;
        case Kind::ResourceBlock:
            name = entry.head;
            kind = kSymbolClass;
            break;
        }
        out.push_back({{"name", name},
                       {"detail", entry.head},
                       {"kind", kind},
                       {"range", toJson(entryRange(doc, entry))},
                       {"selectionRange", toJson(nameRange(doc, entry))}});
    }
    return out;
}

nlohmann::json hover(const DocumentStore& store, const Document& doc, Position at) {
    const Word word = wordAt(doc.text, at);
    if (word.text.empty()) return nullptr;
    std::string lines;
    for (const Document* d : searchOrder(store, doc)) {
        for (const polar::OutlineEntry& entry : d->outline) {
            if (entry.kind == Kind::ResourceBlock || entry.name != word.text) continue;
            lines += "    " + entry.head + "    # line " + std::to_string(entry.line);
            if (d != &doc) lines += " of " + displayName(d->uri);
            lines += "\n";
        }
    }
    if (lines.empty()) return nullptr;
    // Indented lines: a code block in Markdown, readable as plain text too.
    return {{"contents", {{"kind", "markdown"}, {"value", "Rules `" + word.text + "`:\n\n" + lines}}},
            {"range", toJson(word.range)}};
}

nlohmann::json definition(const DocumentStore& store, const Document& doc, Position at) {
    nlohmann::json out = nlohmann::json::array();
    const Word word = wordAt(doc.text, at);
    if (word.text.empty()) return out;
    for (const Document* d : searchOrder(store, doc))
        for (const polar::OutlineEntry& entry : d->outline)
            if (entry.kind != Kind::RuleType && entry.name == word.text)
                out.push_back({{"uri", d->uri}, {"range", toJson(nameRange(*d, entry))}});
    return out;
}

} // namespace polar::cli::lsp
