// cli/lsp/lsp_command.hpp — `polar lsp`: the language server on stdin/stdout.
//
// Editors start `polar lsp` and talk LSP to it over its stdin and stdout
// (cli/README.md shows VS Code, Neovim and Helix set-ups). stdout carries
// only protocol frames; everything for humans goes to stderr, which
// editors keep as the server's log.
#pragma once

#include <iosfwd>

namespace CLI {
class App;
} // namespace CLI

namespace polar::cli {

struct LspOptions {
    bool stdio = true;  // `--stdio`, which some clients always pass; the only transport
};

CLI::App& addLspCommand(CLI::App& app, LspOptions& options);
// Serves until `exit` or the end of input: 0 after shutdown + exit, 1 otherwise.
int runLsp(int inputFd, std::ostream& out, std::ostream& log);

} // namespace polar::cli
