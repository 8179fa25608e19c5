// cli/lsp/params.hpp — typed access to request parameters, or InvalidParams.
//
// Clients (and hostile input) may send any JSON: every member a handler
// reads goes through these, which throw RpcError(kInvalidParams) naming the
// member instead of letting a wrong type reach nlohmann's own exceptions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lsp/server.hpp"
#include "lsp/text_position.hpp"

namespace polar::cli::lsp {

const nlohmann::json& objectMember(const nlohmann::json& object, const char* key);
std::string stringMember(const nlohmann::json& object, const char* key);
long long integerMember(const nlohmann::json& object, const char* key);
// params.textDocument.uri
std::string documentUri(const nlohmann::json& params);
// params.position, with non-negative line and character that fit an int
Position positionOf(const nlohmann::json& params);

} // namespace polar::cli::lsp
