// cli/lsp/navigation.hpp — outline, hover and go-to-definition answers.
//
// All three read the documents' outlines (polar/outline.hpp), never a
// loaded knowledge base: they must work on a policy that does not validate
// yet. A name is looked up textually (the identifier under the cursor), the
// way a reader of the policy would: every rule of that name, in this
// document first, then in the other open documents.
#pragma once

#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"
#include "lsp/text_position.hpp"

namespace polar::cli::lsp {

// DocumentSymbol[]: rules as `name/arity`, rule types, resource and actor blocks.
nlohmann::json documentSymbols(const Document& doc);
// Hover: the heads of the rules named under the cursor with their lines; null when none.
nlohmann::json hover(const DocumentStore& store, const Document& doc, Position at);
// Location[]: the rules (or the resource block) named under the cursor.
nlohmann::json definition(const DocumentStore& store, const Document& doc, Position at);

// The range of an outline entry, and of its name, in LSP terms.
Range entryRange(const Document& doc, const polar::OutlineEntry& entry);
Range nameRange(const Document& doc, const polar::OutlineEntry& entry);

} // namespace polar::cli::lsp
