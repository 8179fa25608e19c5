#include "lexer.hpp"

#include <charconv>

#include <cstdlib>
#include <limits>

namespace polar::detail {
namespace {

bool isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;  // UTF-8 letters, as Oso allows
}
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

struct Keyword {
    std::string_view text;
    TokenKind kind;
};
constexpr Keyword kKeywords[] = {
    {"new", TokenKind::KwNew},       {"mod", TokenKind::KwMod},
    {"rem", TokenKind::KwRem},       {"cut", TokenKind::KwCut},
    {"debug", TokenKind::KwDebug},   {"print", TokenKind::KwPrint},
    {"in", TokenKind::KwIn},         {"forall", TokenKind::KwForall},
    {"if", TokenKind::KwIf},         {"and", TokenKind::KwAnd},
    {"or", TokenKind::KwOr},         {"not", TokenKind::KwNot},
    {"matches", TokenKind::KwMatches}, {"type", TokenKind::KwType},
};

} // namespace

const char* tokenName(TokenKind kind) {
    switch (kind) {
    case TokenKind::Integer: return "integer";
    case TokenKind::Float: return "float";
    case TokenKind::String: return "string";
    case TokenKind::Boolean: return "boolean";
    case TokenKind::Symbol: return "symbol";
    case TokenKind::Colon: return "':'";
    case TokenKind::Comma: return "','";
    case TokenKind::LBracket: return "'['";
    case TokenKind::RBracket: return "']'";
    case TokenKind::LParen: return "'('";
    case TokenKind::RParen: return "')'";
    case TokenKind::LBrace: return "'{'";
    case TokenKind::RBrace: return "'}'";
    case TokenKind::Dot: return "'.'";
    case TokenKind::Star: return "'*'";
    case TokenKind::Slash: return "'/'";
    case TokenKind::Plus: return "'+'";
    case TokenKind::Minus: return "'-'";
    case TokenKind::Eq: return "'=='";
    case TokenKind::Neq: return "'!='";
    case TokenKind::Leq: return "'<='";
    case TokenKind::Geq: return "'>='";
    case TokenKind::Lt: return "'<'";
    case TokenKind::Gt: return "'>'";
    case TokenKind::Unify: return "'='";
    case TokenKind::Assign: return "':='";
    case TokenKind::Pipe: return "'|'";
    case TokenKind::Semicolon: return "';'";
    case TokenKind::Query: return "'?='";
    case TokenKind::Bang: return "'!'";
    case TokenKind::End: return "end of input";
    default:
        for (const auto& kw : kKeywords)
            if (kw.kind == kind) return kw.text.data();
        return "token";
    }
}

bool isKeyword(TokenKind kind) { return kind >= TokenKind::KwNew && kind <= TokenKind::KwType; }

void Lexer::fail(std::string subkind, std::string message, std::uint32_t offset) {
    throw Failure{std::move(subkind), std::move(message), offset};
}

std::vector<Token> Lexer::tokenize() {
    std::vector<Token> tokens;
    for (;;) {
        tokens.push_back(next());
        if (tokens.back().kind == TokenKind::End) return tokens;
    }
}

void Lexer::skipSpaceAndComments() {
    while (m_pos < m_src.size()) {
        const char c = m_src[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++m_pos;
        } else if (c == '#') {
            while (m_pos < m_src.size() && m_src[m_pos] != '\n') ++m_pos;
        } else {
            return;
        }
    }
}

// Walks the same characters skipSpaceAndComments() skips, counting
// newlines so each comment and the token know whether they start a line
// and how many empty lines precede them. A separate function, so the
// parser's path pays nothing for it.
TriviaToken Lexer::nextWithTrivia() {
    TriviaToken out;
    std::uint32_t newlines = m_pos == 0 ? 1 : 0;  // the start of the text counts as a line start
    const bool atStart = m_pos == 0;
    auto blank = [&] { return newlines > 1 ? newlines - 1 : 0; };
    while (m_pos < m_src.size()) {
        const char c = m_src[m_pos];
        if (c == '\n') {
            ++newlines;
            ++m_pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++m_pos;
        } else if (c == '#') {
            Comment comment;
            comment.offset = static_cast<std::uint32_t>(m_pos);
            comment.ownLine = newlines > 0;
            comment.blankLinesBefore = atStart && out.comments.empty() ? 0 : blank();
            while (m_pos < m_src.size() && m_src[m_pos] != '\n') ++m_pos;
            comment.length = static_cast<std::uint32_t>(m_pos) - comment.offset;
            out.comments.push_back(comment);
            newlines = 0;
        } else {
            break;
        }
    }
    out.ownLine = newlines > 0 || (atStart && out.comments.empty());
    out.blankLinesBefore = atStart && out.comments.empty() ? 0 : blank();
    out.token = scan();
    return out;
}

Token Lexer::scan() {
    Token t;
    t.offset = static_cast<std::uint32_t>(m_pos);
    if (m_pos >= m_src.size()) return t;
    const char c = m_src[m_pos];
    const char n = m_pos + 1 < m_src.size() ? m_src[m_pos + 1] : '\0';
    if (isDigit(c)) return number();
    if (c == '"') return string();
    if (isIdentStart(c)) return symbolOrKeyword();

    auto one = [&](TokenKind k) { t.kind = k; t.length = 1; ++m_pos; return t; };
    auto two = [&](TokenKind k) { t.kind = k; t.length = 2; m_pos += 2; return t; };
    switch (c) {
    case ':': return n == '=' ? two(TokenKind::Assign) : one(TokenKind::Colon);
    case ',': return one(TokenKind::Comma);
    case '[': return one(TokenKind::LBracket);
    case ']': return one(TokenKind::RBracket);
    case '(': return one(TokenKind::LParen);
    case ')': return one(TokenKind::RParen);
    case '{': return one(TokenKind::LBrace);
    case '}': return one(TokenKind::RBrace);
    case '.': return one(TokenKind::Dot);
    case '*': return one(TokenKind::Star);
    case '/': return one(TokenKind::Slash);
    case '+': return one(TokenKind::Plus);
    case '-': return one(TokenKind::Minus);
    case '|': return one(TokenKind::Pipe);
    case ';': return one(TokenKind::Semicolon);
    case '=': return n == '=' ? two(TokenKind::Eq) : one(TokenKind::Unify);
    case '!': return n == '=' ? two(TokenKind::Neq) : one(TokenKind::Bang);
    case '<': return n == '=' ? two(TokenKind::Leq) : one(TokenKind::Lt);
    case '>': return n == '=' ? two(TokenKind::Geq) : one(TokenKind::Gt);
    case '?':
        if (n == '=') return two(TokenKind::Query);
        break;
    default: break;
    }
    fail("InvalidTokenCharacter",
         std::string("'") + (static_cast<unsigned char>(c) < 0x20 ? std::string("\\x") +
                             std::to_string(static_cast<int>(c)) : std::string(1, c)) +
             "' is not a valid character",
         t.offset);
}

Token Lexer::number() {
    Token t;
    t.offset = static_cast<std::uint32_t>(m_pos);
    const std::size_t start = m_pos;
    bool isFloat = false;
    while (m_pos < m_src.size() && isDigit(m_src[m_pos])) ++m_pos;
    // Oso accepts "5." and "5.e2" as floats; "5.foo" stays a lookup.
    if (m_pos < m_src.size() && m_src[m_pos] == '.') {
        const char after = m_pos + 1 < m_src.size() ? m_src[m_pos + 1] : '\0';
        const char after2 = m_pos + 2 < m_src.size() ? m_src[m_pos + 2] : '\0';
        const bool exponent = (after == 'e' || after == 'E') &&
                              (isDigit(after2) || after2 == '+' || after2 == '-');
        // Oso reads every '.' after digits as part of the number, so "1.e"
        // and "1.ex" are invalid floats (Oso's buffer up to the 'e' and an
        // optional sign), not lookups of a field "e...".
        if ((after == 'e' || after == 'E') && !exponent) {
            const std::size_t end = m_pos + 2 + ((after2 == '+' || after2 == '-') ? 1 : 0);
            fail("InvalidFloat",
                 std::string(m_src.substr(start, end - start)) + " was parsed as a float, but is invalid",
                 static_cast<std::uint32_t>(start));
        }
        if (isDigit(after) || exponent || !isIdentStart(after)) {
            isFloat = true;
            ++m_pos;
            while (m_pos < m_src.size() && isDigit(m_src[m_pos])) ++m_pos;
        }
    }
    if (m_pos < m_src.size() && (m_src[m_pos] == 'e' || m_src[m_pos] == 'E')) {
        std::size_t p = m_pos + 1;
        if (p < m_src.size() && (m_src[p] == '+' || m_src[p] == '-')) ++p;
        if (p < m_src.size() && isDigit(m_src[p])) {
            isFloat = true;
            m_pos = p;
            while (m_pos < m_src.size() && isDigit(m_src[m_pos])) ++m_pos;
        } else {
            std::size_t end = m_pos + 1;
            while (end < m_src.size() && isIdentChar(m_src[end])) ++end;
            fail("InvalidFloat",
                 std::string(m_src.substr(start, end - start)) + " was parsed as a float, but is invalid",
                 static_cast<std::uint32_t>(start));
        }
    }
    const std::string_view digits = m_src.substr(start, m_pos - start);
    t.length = static_cast<std::uint32_t>(digits.size());
    if (isFloat) {
        t.kind = TokenKind::Float;
        t.number = std::strtod(std::string(digits).c_str(), nullptr);
    } else {
        // from_chars: no copy of the digits and no locale, which made
        // strtoll most of the cost of lexing a file of facts.
        t.kind = TokenKind::Integer;
        long long v = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (error == std::errc::result_out_of_range)
            fail("IntegerOverflow", "'" + std::string(digits) + "' caused an integer overflow", t.offset);
        t.integer = v;
    }
    return t;
}

Token Lexer::string() {
    Token t;
    t.kind = TokenKind::String;
    t.offset = static_cast<std::uint32_t>(m_pos);
    ++m_pos;  // opening quote
    for (;;) {
        if (m_pos >= m_src.size())
            fail("UnrecognizedEOF", "hit the end of the file unexpectedly in a string", t.offset);
        const char c = m_src[m_pos++];
        if (c == '"') break;
        if (c == '\n')
            fail("InvalidTokenCharacter", "'\\n' is not a valid character. Found in a string",
                 static_cast<std::uint32_t>(m_pos - 1));
        if (c != '\\') {
            t.text += c;
            continue;
        }
        if (m_pos >= m_src.size())
            fail("UnrecognizedEOF", "hit the end of the file unexpectedly in a string", t.offset);
        const char e = m_src[m_pos++];
        switch (e) {
        case 'n': t.text += '\n'; break;
        case 't': t.text += '\t'; break;
        case 'r': t.text += '\r'; break;
        case '0': t.text += '\0'; break;
        case '\\': t.text += '\\'; break;
        case '"': t.text += '"'; break;
        default: t.text += e;  // as Oso: any other escaped character stands for itself
        }
    }
    t.length = static_cast<std::uint32_t>(m_pos - t.offset);
    return t;
}

Token Lexer::symbolOrKeyword() {
    Token t;
    t.offset = static_cast<std::uint32_t>(m_pos);
    const std::size_t start = m_pos;
    while (m_pos < m_src.size()) {
        if (isIdentChar(m_src[m_pos])) {
            ++m_pos;
        } else if (m_src[m_pos] == ':' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] == ':') {
            // Namespaced class names: Foo::Bar. As in Oso, "::" joins the
            // symbol whatever follows, and a symbol may not end in "::"
            // (`foo:::bar` is an error at the second colon).
            if (m_pos + 2 >= m_src.size() || !isIdentChar(m_src[m_pos + 2]))
                fail("InvalidTokenCharacter",
                     "':' is not a valid character. Found in " +
                         std::string(m_src.substr(start, m_pos + 2 - start)),
                     static_cast<std::uint32_t>(m_pos + 1));
            m_pos += 2;
        } else if (m_src[m_pos] == '?') {
            ++m_pos;  // as Oso: a name may end in one '?' (`foo?`), which ends it
            break;
        } else {
            break;
        }
    }
    const std::string_view word = m_src.substr(start, m_pos - start);
    t.length = static_cast<std::uint32_t>(word.size());
    if (word == "true" || word == "false") {
        t.kind = TokenKind::Boolean;
        t.boolean = word == "true";
        return t;
    }
    // Oso's lexer reads these two words as float literals, so `x = inf`,
    // `-inf` and `f(nan)` are numbers, and neither word can name a variable,
    // a rule, a field or a key (`information`, `Inf`, `NaN` still can).
    if (word == "inf" || word == "nan") {
        t.kind = TokenKind::Float;
        t.number = word == "inf" ? std::numeric_limits<double>::infinity()
                                 : std::numeric_limits<double>::quiet_NaN();
        t.text = std::string(word);
        return t;
    }
    for (const auto& kw : kKeywords) {
        if (kw.text == word) {
            t.kind = kw.kind;
            t.text = std::string(word);
            return t;
        }
    }
    t.kind = TokenKind::Symbol;
    t.text = std::string(word);
    return t;
}

} // namespace polar::detail
