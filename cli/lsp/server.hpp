// cli/lsp/server.hpp — JSON-RPC 2.0 dispatch for the language server.
//
// The server is a function from one incoming message to the messages it
// causes (responses, publishDiagnostics notifications), with no I/O, so the
// unit tests drive it directly and the stdio loop (lsp_command.cpp) only
// moves bytes. Dispatch is one table from method name to handler, like the
// VM's dispatch of a goal to its instruction: a request handler returns its
// result, a notification handler returns nothing, and both report bad
// parameters by throwing RpcError. The lifecycle rules of the spec sit in
// front of the table: requests before `initialize` get ServerNotInitialized,
// requests after `shutdown` InvalidRequest, and `exit` ends the session
// with 0 after a shutdown and 1 without.
#pragma once

#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/documents.hpp"

namespace polar::cli::lsp {

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
    kParseError = -32700,
    kInvalidRequest = -32600,
    kMethodNotFound = -32601,
    kInvalidParams = -32602,
    kInternalError = -32603,
    kServerNotInitialized = -32002,
};

struct RpcError : std::runtime_error {
    RpcError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
    int code;
};

class Server {
public:
    explicit Server(std::ostream& log);

    // One message body as received; the messages to send back, in order.
    std::vector<nlohmann::json> handleText(std::string_view body);
    std::vector<nlohmann::json> handle(const nlohmann::json& message);

    bool exited() const { return m_exited; }
    int exitCode() const { return m_shutdown ? 0 : 1; }
    const DocumentStore& documents() const { return m_documents; }

private:
    using RequestHandler = nlohmann::json (Server::*)(const nlohmann::json& params);
    using NotificationHandler = void (Server::*)(const nlohmann::json& params);

    nlohmann::json dispatchRequest(const std::string& method, const nlohmann::json& params);
    void dispatchNotification(const std::string& method, const nlohmann::json& params);

    // Requests.
    nlohmann::json initialize(const nlohmann::json& params);
    nlohmann::json shutdown(const nlohmann::json& params);
    nlohmann::json documentSymbol(const nlohmann::json& params);
    nlohmann::json hoverRequest(const nlohmann::json& params);
    nlohmann::json definitionRequest(const nlohmann::json& params);
    nlohmann::json formattingRequest(const nlohmann::json& params);
    // Notifications.
    void initialized(const nlohmann::json& params);
    void exit(const nlohmann::json& params);
    void didOpen(const nlohmann::json& params);
    void didChange(const nlohmann::json& params);
    void didClose(const nlohmann::json& params);

    void publish(const Document& doc);
    const Document& documentOf(const nlohmann::json& params) const;

    std::ostream& m_log;
    std::map<std::string, RequestHandler, std::less<>> m_requests;
    std::map<std::string, NotificationHandler, std::less<>> m_notifications;
    DocumentStore m_documents;
    int m_formatWidth = 80;  // initializationOptions.width (lsp/formatting.hpp)
    std::vector<nlohmann::json> m_outbox;  // notifications raised while handling a message
    bool m_initialized = false;
    bool m_shutdown = false;
    bool m_exited = false;
};

} // namespace polar::cli::lsp
