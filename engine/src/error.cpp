// Error and warning formatting: compiler-style "file:line:col: error: msg",
// then the source line and a caret under the column, so a policy author
// finds the spot without counting characters.
#include "polar/error.hpp"

#include <string>

namespace polar {
namespace {

std::string formatWithCaret(const char* label, const std::string& message,
                            const std::optional<SourceLocation>& where) {
    std::string out;
    if (where) {
        out += where->file + ":" + std::to_string(where->line) + ":" +
               std::to_string(where->column) + ": ";
    }
    out += label;
    out += ": ";
    out += message;
    if (where && !where->lineText.empty()) {
        out += "\n    " + where->lineText + "\n    ";
        // Tabs stay tabs so the caret lines up in a terminal.
        for (int i = 1; i < where->column && i <= static_cast<int>(where->lineText.size()); ++i)
            out += where->lineText[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ';
        out += '^';
    }
    return out;
}

} // namespace

const char* kindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Parse: return "ParseError";
    case ErrorKind::Validation: return "ValidationError";
    case ErrorKind::Runtime: return "RuntimeError";
    case ErrorKind::Operational: return "OperationalError";
    }
    return "Error";
}

Error::Error(ErrorKind kind, std::string subkind, std::string message,
             std::optional<SourceLocation> location)
    : std::runtime_error(message),
      m_kind(kind),
      m_subkind(std::move(subkind)),
      m_message(std::move(message)),
      m_location(std::move(location)) {}

std::string Error::name() const {
    std::string n = kindName(m_kind);
    if (!m_subkind.empty()) n += "::" + m_subkind;
    return n;
}

std::string Error::format() const { return formatWithCaret("error", m_message, m_location); }

std::string Warning::format() const { return formatWithCaret("warning", message, location); }

} // namespace polar
