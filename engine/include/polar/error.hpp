// polar/error.hpp — the one error type of the Polar engine.
//
// Every failure the engine reports — a policy that does not parse, a rule
// that breaks its rule type, a runtime type error, a query that runs past its
// limits — is a `polar::Error`. It carries a kind (the broad family), a
// subkind naming the exact problem with the same names Oso 0.27.3 uses
// ("RuntimeError::ArithmeticError"), a message, and, where the problem has a
// place in a policy, the file, line and column with the text of that line so
// it can be printed compiler-style with a caret:
//
//   policy.polar:3:14: error: Arithmetic error: 9223372036854775807 + 1
//       x = 9223372036854775807 + 1;
//           ^
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace polar {

enum class ErrorKind {
    Parse,       // the text is not Polar
    Validation,  // it parses, but breaks a rule of the language (types, resource blocks)
    Runtime,     // evaluation failed (types, arithmetic, limits, host errors)
    Operational,  // misuse of the API (file not found, knowledge base changed mid-query)
    Authorization // Polar::authorize said no: NotFound or Forbidden (AuthorizationError below)
};

// Where in a policy something happened. Lines and columns count from 1.
struct SourceLocation {
    std::string file;      // "<query>" for query strings, "<string>" for unnamed sources
    int line = 0;
    int column = 0;
    std::string lineText;  // the whole source line, without its newline
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string subkind, std::string message,
          std::optional<SourceLocation> location = std::nullopt);

    ErrorKind kind() const { return m_kind; }
    // The exact problem, e.g. "ArithmeticError", "UnrecognizedToken".
    const std::string& subkind() const { return m_subkind; }
    // "RuntimeError::ArithmeticError" — the name Oso gives the same error.
    std::string name() const;
    // The message alone, without position.
    const std::string& message() const { return m_message; }
    const std::optional<SourceLocation>& location() const { return m_location; }

    // "file:line:col: error: message" followed by the source line and a caret
    // under the column; just "error: message" when there is no location.
    std::string format() const;

private:
    ErrorKind m_kind;
    std::string m_subkind;
    std::string m_message;
    std::optional<SourceLocation> m_location;
};

const char* kindName(ErrorKind kind);

// What Polar::authorize throws when the policy does not allow the action,
// with Oso's two answers and messages. Catch AuthorizationError for both, or
// each subclass for its HTTP status:
//   NotFoundError  (404) the actor may not even read the resource: to them it does not exist;
//   ForbiddenError (403) the actor may read it, but not do this action.
// Both are polar::Errors of kind Authorization, named
// "AuthorizationError::NotFound" and "AuthorizationError::Forbidden".
class AuthorizationError : public Error {
protected:
    AuthorizationError(std::string subkind, std::string message)
        : Error(ErrorKind::Authorization, std::move(subkind), std::move(message)) {}
};

class NotFoundError : public AuthorizationError {
public:
    NotFoundError();
};

class ForbiddenError : public AuthorizationError {
public:
    ForbiddenError();
};

// A problem that does not stop loading (Oso prints these as warnings), e.g.
// a variable used only once in a rule.
struct Warning {
    std::string kind;  // e.g. "SingletonVariable"
    std::string message;
    std::optional<SourceLocation> location;
    std::string format() const;  // same layout as Error::format, with "warning:"
};

} // namespace polar
