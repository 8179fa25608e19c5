// cli/lsp/server.cpp — see server.hpp.
#include "lsp/server.hpp"

#include <new>
#include <ostream>

#include "lsp/formatting.hpp"
#include "lsp/navigation.hpp"
#include "lsp/params.hpp"

namespace polar::cli::lsp {
namespace {

using json = nlohmann::json;

json response(const json& id, json result) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json errorResponse(const json& id, int code, const std::string& message) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

// LSP messages nest a few levels; nlohmann's parser would take a million,
// but copying or printing such a value recurses once per level and would
// overflow the stack. Brackets are counted outside strings before parsing.
constexpr int kMaxNesting = 128;

bool nestedTooDeep(std::string_view body) {
    int depth = 0;
    bool inString = false;
    for (std::size_t k = 0; k < body.size(); ++k) {
        const char c = body[k];
        if (inString) {
            if (c == '\\') ++k;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

Server::Server(std::ostream& log)
    : m_log(log),
      m_requests{{"initialize", &Server::initialize},
                 {"shutdown", &Server::shutdown},
                 {"textDocument/documentSymbol", &Server::documentSymbol},
                 {"textDocument/hover", &Server::hoverRequest},
                 {"textDocument/definition", &Server::definitionRequest},
                 {"textDocument/formatting", &Server::formattingRequest}},
      m_notifications{{"initialized", &Server::initialized},
                      {"exit", &Server::exit},
                      {"textDocument/didOpen", &Server::didOpen},
                      {"textDocument/didChange", &Server::didChange},
                      {"textDocument/didClose", &Server::didClose}} {}

std::vector<json> Server::handleText(std::string_view body) {
    if (nestedTooDeep(body)) {
        m_log << "polar lsp: message nested deeper than " << kMaxNesting << " levels\n";
        return {errorResponse(nullptr, kInvalidRequest, "message nested too deeply")};
    }
    // No exceptions: a body that is not JSON is answered, not thrown.
    json message = json::parse(body, nullptr, false);
    if (message.is_discarded()) {
        m_log << "polar lsp: message is not JSON (" << body.size() << " bytes)\n";
        return {errorResponse(nullptr, kParseError, "message is not JSON")};
    }
    return handle(message);
}

std::vector<json> Server::handle(const json& message) {
    m_outbox.clear();
    const auto method = message.is_object() ? message.find("method") : message.end();
    if (!message.is_object() || method == message.end() || !method->is_string()) {
        // A response from the client (we send no requests) or junk: only a
        // message that could be a request deserves an answer.
        if (message.is_object() && message.contains("result")) return {};
        m_log << "polar lsp: not a JSON-RPC request or notification\n";
        return {errorResponse(nullptr, kInvalidRequest, "not a JSON-RPC request or notification")};
    }
    const std::string name = method->get<std::string>();
    static const json kNoParams;  // null: a reference, never a copy of what was sent
    const auto paramsIt = message.find("params");
    const json& params = paramsIt == message.end() ? kNoParams : *paramsIt;
    const auto idIt = message.find("id");
    if (idIt == message.end()) {  // a notification: never answered, even when it fails
        try {
            dispatchNotification(name, params);
        } catch (const std::exception& error) {
            m_log << "polar lsp: " << name << ": " << error.what() << '\n';
        }
        return std::move(m_outbox);
    }
    const json& id = *idIt;
    if (!id.is_string() && !id.is_number_integer()) {
        return {errorResponse(nullptr, kInvalidRequest, "id must be a string or an integer")};
    }
    std::vector<json> out;
    try {
        json result = dispatchRequest(name, params);
        out.push_back(response(id, std::move(result)));
    } catch (const RpcError& error) {
        out.push_back(errorResponse(id, error.code, error.what()));
    } catch (const json::exception& error) {
        out.push_back(errorResponse(id, kInvalidParams, error.what()));
    } catch (const std::bad_alloc&) {
        out.push_back(errorResponse(id, kInternalError, "out of memory"));
    } catch (const std::exception& error) {
        out.push_back(errorResponse(id, kInternalError, error.what()));
    }
    out.insert(out.end(), m_outbox.begin(), m_outbox.end());
    return out;
}

json Server::dispatchRequest(const std::string& method, const json& params) {
    if (!m_initialized && method != "initialize") throw RpcError(kServerNotInitialized, "server not initialized");
    if (m_shutdown) throw RpcError(kInvalidRequest, "server is shut down");
    const auto it = m_requests.find(method);
    if (it == m_requests.end()) throw RpcError(kMethodNotFound, "method not found: " + method);
    return (this->*(it->second))(params);
}

void Server::dispatchNotification(const std::string& method, const json& params) {
    // Before initialize only exit counts (spec); after shutdown, only exit.
    if (method != "exit" && (!m_initialized || m_shutdown)) return;
    const auto it = m_notifications.find(method);
    if (it == m_notifications.end()) {
        // `$/` notifications may be ignored (spec); others are logged once each.
        if (method.rfind("$/", 0) != 0) m_log << "polar lsp: ignored notification " << method << '\n';
        return;
    }
    (this->*(it->second))(params);
}

json Server::initialize(const json& params) {
    if (m_initialized) throw RpcError(kInvalidRequest, "initialize sent twice");
    m_formatWidth = formatWidthOf(params);
    m_initialized = true;
    return {{"capabilities",
             {{"textDocumentSync", {{"openClose", true}, {"change", 1}}},
              {"documentSymbolProvider", true},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"documentFormattingProvider", true}}},
            {"serverInfo", {{"name", "polar lsp"}, {"version", POLAR_AV_VERSION}}}};
}

json Server::shutdown(const json&) {
    m_shutdown = true;
    return nullptr;
}

void Server::initialized(const json&) {}

void Server::exit(const json&) { m_exited = true; }

void Server::didOpen(const json& params) {
    const json& item = objectMember(params, "textDocument");
    publish(m_documents.update(stringMember(item, "uri"), stringMember(item, "text"), integerMember(item, "version")));
}

void Server::didChange(const json& params) {
    const json& doc = objectMember(params, "textDocument");
    const std::string uri = stringMember(doc, "uri");
    const auto changes = params.find("contentChanges");
    if (changes == params.end() || !changes->is_array() || changes->empty())
        throw RpcError(kInvalidParams, "'contentChanges' must be a non-empty array");
    // Full sync: the last change holds the whole text.
    publish(m_documents.update(uri, stringMember(changes->back(), "text"), integerMember(doc, "version")));
}

void Server::didClose(const json& params) {
    const std::string uri = documentUri(params);
    m_documents.close(uri);
    // Clear what the editor still shows for a file no longer watched.
    m_outbox.push_back({{"jsonrpc", "2.0"},
                        {"method", "textDocument/publishDiagnostics"},
                        {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::publish(const Document& doc) {
    m_outbox.push_back({{"jsonrpc", "2.0"},
                        {"method", "textDocument/publishDiagnostics"},
                        {"params", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", doc.diagnostics}}}});
}

const Document& Server::documentOf(const json& params) const {
    const std::string uri = documentUri(params);
    const Document* doc = m_documents.find(uri);
    if (!doc) throw RpcError(kInvalidParams, "document not open: " + uri);
    return *doc;
}

json Server::documentSymbol(const json& params) { return documentSymbols(documentOf(params)); }

json Server::hoverRequest(const json& params) {
    return hover(m_documents, documentOf(params), positionOf(params));
}

json Server::definitionRequest(const json& params) {
    return definition(m_documents, documentOf(params), positionOf(params));
}

json Server::formattingRequest(const json& params) { return formattingEdits(documentOf(params).text, m_formatWidth); }

} // namespace polar::cli::lsp
