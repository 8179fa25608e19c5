// Error and warning formatting: compiler-style "file:line:col: error: msg",
// then the source line and a caret under the column, so a policy author
// finds the spot without counting characters.
#include "polar/error.hpp"

#include <algorithm>
#include <string>

namespace polar {
namespace {

// The most of a source line an error shows: about two terminal widths.
constexpr std::size_t kMaxShownLine = 160;

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
        // A line longer than a terminal (a generated policy, a 20,000-long
        // chain) is shown as a window around the column, "..." marking
        // what is left out, so an error is a few lines, not 80 KB.
        const std::string& line = where->lineText;
        const std::size_t column = static_cast<std::size_t>(std::max(where->column, 1)) - 1;
        std::size_t begin = 0, end = line.size();
        if (line.size() > kMaxShownLine) {
            begin = column > kMaxShownLine / 2 ? column - kMaxShownLine / 2 : 0;
            begin = std::min(begin, line.size() - kMaxShownLine);
            end = begin + kMaxShownLine;
        }
        const std::string before = begin > 0 ? "..." : "";
        out += "\n    " + before + line.substr(begin, end - begin) + (end < line.size() ? "..." : "") + "\n    ";
        out += std::string(before.size(), ' ');
        // Tabs stay tabs so the caret lines up in a terminal.
        for (std::size_t i = begin; i < column && i < end; ++i) out += line[i] == '\t' ? '\t' : ' ';
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
    case ErrorKind::Authorization: return "AuthorizationError";
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

// Oso's own messages (oso/exceptions.py), so logs read the same.
NotFoundError::NotFoundError()
    : AuthorizationError("NotFound",
                         "Oso NotFoundError -- The current user does not have permission to read the given "
                         "resource. You should handle this error by returning a 404 error to the client.") {}

ForbiddenError::ForbiddenError()
    : AuthorizationError("Forbidden",
                         "Oso ForbiddenError -- The requested action was not allowed for the given resource. "
                         "You should handle this error by returning a 403 error to the client.") {}

std::string Error::format() const { return formatWithCaret("error", m_message, m_location); }

std::string Warning::format() const { return formatWithCaret("warning", message, location); }

} // namespace polar
