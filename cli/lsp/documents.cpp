// cli/lsp/documents.cpp — see documents.hpp.
#include "lsp/documents.hpp"

#include "lsp/diagnostics.hpp"
#include "polar/error.hpp"

namespace polar::cli::lsp {

std::string displayName(const std::string& uri) {
    constexpr std::string_view scheme = "file://";
    return uri.rfind(scheme, 0) == 0 ? uri.substr(scheme.size()) : uri;
}

const Document& DocumentStore::update(const std::string& uri, std::string text, long long version) {
    Document& doc = m_documents[uri];
    doc.uri = uri;
    doc.text = std::move(text);
    doc.version = version;
    doc.diagnostics = checkText(doc.text, displayName(uri));
    try {
        doc.outline = polar::outlinePolicy(doc.text, displayName(uri));
    } catch (const polar::Error&) {
        // Already among the diagnostics; keep the last good outline.
    }
    return doc;
}

void DocumentStore::close(const std::string& uri) { m_documents.erase(uri); }

const Document* DocumentStore::find(const std::string& uri) const {
    const auto it = m_documents.find(uri);
    return it == m_documents.end() ? nullptr : &it->second;
}

} // namespace polar::cli::lsp
