// cli/lsp/formatting.cpp — see formatting.hpp: the stub until `polar fmt` exists.
#include "lsp/formatting.hpp"

namespace polar::cli::lsp {

std::optional<std::string> formatPolicyText(std::string_view, int) { return std::nullopt; }

} // namespace polar::cli::lsp
