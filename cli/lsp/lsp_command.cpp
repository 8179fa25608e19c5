// cli/lsp/lsp_command.cpp — see lsp_command.hpp: bytes in, frames out.
//
// The loop reads whatever the pipe has with read(2) (not iostreams: a
// message must be handled as soon as its last byte arrives, without
// waiting for a buffer to fill), feeds the framing reader, and writes
// every answer at once with a flush, since the client waits for it.
#include "lsp/lsp_command.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <ostream>
#include <unistd.h>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace polar::cli {

CLI::App& addLspCommand(CLI::App& app, LspOptions& options) {
    CLI::App* command = app.add_subcommand(
        "lsp", "Language server (LSP) on stdin/stdout: diagnostics as you type, formatting, outline, hover, go to definition");
    command->add_flag("--stdio", options.stdio, "Talk over stdin/stdout (the default and only transport)");
    return *command;
}

int runLsp(int inputFd, std::ostream& out, std::ostream& log) {
    // An editor that quits without `exit` closes our stdout: a failed write
    // then ends the loop below instead of SIGPIPE killing the process.
    std::signal(SIGPIPE, SIG_IGN);
    lsp::Server server(log);
    lsp::MessageReader reader;
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(inputFd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // end of input (or a broken pipe): the client is gone
        reader.feed(std::string_view(chunk, static_cast<std::size_t>(n)));
        while (std::optional<std::string> body = reader.next()) {
            for (const std::string& error : reader.takeErrors()) log << "polar lsp: " << error << '\n';
            for (const nlohmann::json& message : server.handleText(*body)) {
                // Invalid UTF-8 from a document is replaced, never thrown on.
                out << lsp::encodeMessage(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            }
            out.flush();
            if (server.exited()) return server.exitCode();
        }
        for (const std::string& error : reader.takeErrors()) log << "polar lsp: " << error << '\n';
        if (!out) break;  // nobody reads our answers any more
    }
    if (reader.midMessage()) log << "polar lsp: input ended inside a message\n";
    // Ending without `exit` is an abnormal end (spec: exit code 1).
    return 1;
}

} // namespace polar::cli
