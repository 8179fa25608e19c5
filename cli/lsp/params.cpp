// cli/lsp/params.cpp — see params.hpp.
#include "lsp/params.hpp"

#include <limits>

namespace polar::cli::lsp {
namespace {

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) throw RpcError(kInvalidParams, std::string("expected an object holding '") + key + "'");
    const auto it = object.find(key);
    if (it == object.end()) throw RpcError(kInvalidParams, std::string("missing '") + key + "'");
    return *it;
}

} // namespace

const nlohmann::json& objectMember(const nlohmann::json& object, const char* key) {
    const nlohmann::json& value = member(object, key);
    if (!value.is_object()) throw RpcError(kInvalidParams, std::string("'") + key + "' must be an object");
    return value;
}

std::string stringMember(const nlohmann::json& object, const char* key) {
    const nlohmann::json& value = member(object, key);
    if (!value.is_string()) throw RpcError(kInvalidParams, std::string("'") + key + "' must be a string");
    return value.get<std::string>();
}

long long integerMember(const nlohmann::json& object, const char* key) {
    const nlohmann::json& value = member(object, key);
    if (!value.is_number_integer()) throw RpcError(kInvalidParams, std::string("'") + key + "' must be an integer");
    return value.get<long long>();
}

std::string documentUri(const nlohmann::json& params) {
    return stringMember(objectMember(params, "textDocument"), "uri");
}

Position positionOf(const nlohmann::json& params) {
    const nlohmann::json& position = objectMember(params, "position");
    const long long line = integerMember(position, "line");
    const long long character = integerMember(position, "character");
    constexpr long long top = std::numeric_limits<int>::max();
    if (line < 0 || character < 0 || line > top || character > top)
        throw RpcError(kInvalidParams, "position out of range");
    return {static_cast<int>(line), static_cast<int>(character)};
}

} // namespace polar::cli::lsp
