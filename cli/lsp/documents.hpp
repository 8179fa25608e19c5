// cli/lsp/documents.hpp — the texts the editor has open, and what is known of them.
//
// With full text sync the editor sends the whole text on every change, so
// a document is just its latest text, version, diagnostics and outline,
// recomputed together on each change. The outline comes from a parse alone
// (polar/outline.hpp); when the text stops parsing mid-edit the last good
// outline is kept, so symbols, hover and go-to-definition keep working
// (at slightly stale lines) while the user types.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "polar/outline.hpp"

namespace polar::cli::lsp {

struct Document {
    std::string uri;
    std::string text;
    long long version = 0;
    nlohmann::json diagnostics = nlohmann::json::array();
    std::vector<polar::OutlineEntry> outline;
};

class DocumentStore {
public:
    // Opens or replaces a document and analyses it.
    const Document& update(const std::string& uri, std::string text, long long version);
    void close(const std::string& uri);
    const Document* find(const std::string& uri) const;
    const std::map<std::string, Document>& all() const { return m_documents; }

private:
    std::map<std::string, Document> m_documents;  // ordered: stable cross-document answers
};

// The name errors are reported under: the path of a file: URI, else the URI.
std::string displayName(const std::string& uri);

} // namespace polar::cli::lsp
