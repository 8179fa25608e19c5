// random_policy.cpp — see random_policy.hpp.
//
// The policy is first written with two kinds of marks where whitespace may
// go: kSpace where a space is needed between tokens, kSoft where nothing
// is (just inside brackets). A last pass turns each mark into a space,
// nothing, a newline, or a comment and its newline, so comments land
// everywhere the lexer allows and nowhere it does not (never inside a
// string, which the marks never enter).
#include "random_policy.hpp"

#include <array>
#include <random>
#include <string_view>
#include <vector>

namespace polar::testing {
namespace {

constexpr char kSpace = '\x01';
constexpr char kSoft = '\x02';

// Small depths: enough for every operator to meet every other inside and
// around it, small enough that a policy stays readable when a test fails.
constexpr int kMaxValueDepth = 3;
constexpr int kMaxLogicDepth = 3;

constexpr std::array kRuleNames{"f", "g", "allow", "has_role", "has_permission", "member_of", "p",
                                "a_rule_with_a_name_long_enough_to_crowd_a_narrow_line"};
constexpr std::array kVariables{"x", "y", "z", "actor", "resource", "_", "_ignored", "rest",
                                "a_variable_whose_name_alone_is_over_forty_chars"};
constexpr std::array kClasses{"Integer", "String", "List", "Dictionary", "Boolean", "Foo", "Repository",
                              "Organization", "User"};
constexpr std::array kFields{"name", "org", "id", "roles", "if", "in", "new", "a_long_field_name_for_width"};
constexpr std::array kStrings{"\"read\"", "\"admin\"", "\"\"", "\"\xC3\xA9\xF0\x9F\x98\x80\"", "\"with \\\"quotes\\\"\"",
                              "\"tab\\tand\\nnewline\"",
                              "\"a string of some seventy characters, which no narrow width can hold at all\""};
constexpr std::array kNumbers{"0", "1", "42", "-3", "9223372036854775807", "1.5", "-0.25", "1e10", "2.5e-3"};
constexpr std::array kCommentTexts{"", " why this rule exists", " TODO: tighten",
                                   " caf\xC3\xA9 \xE2\x80\x94 notes in UTF-8",
                                   " a comment long enough that it would never fit within a narrow width, ever"};

class Generator {
public:
    explicit Generator(std::uint32_t seed) : m_rng(seed) {}

    std::string policy() {
        std::string out;
        const int items = 1 + below(10);
        for (int i = 0; i < items; ++i) {
            if (i > 0) out += betweenItems();
            out += item();
        }
        if (chance(30)) out += " # a trailing comment at the end";
        if (chance(80)) out += "\n";
        return finish(out);
    }

private:
    // Draws from the generator's own arithmetic: the same on every standard library.
    int below(int n) { return static_cast<int>(m_rng() % static_cast<std::uint32_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <std::size_t N>
    std::string pick(const std::array<const char*, N>& from) {
        return from[static_cast<std::size_t>(below(static_cast<int>(N)))];
    }

    std::string comment() {
        return "# c" + std::to_string(m_comments++) + pick(kCommentTexts);
    }

    std::string betweenItems() {
        std::string out = chance(15) ? std::string(1, kSpace) : std::string(1 + below(3), '\n');
        if (out[0] == kSpace) return out;  // two items on one line
        while (chance(25)) out += comment() + "\n" + (chance(30) ? "\n" : "");
        return out;
    }

    std::string item() {
        const int roll = below(100);
        if (roll < 66) return rule();
        if (roll < 74) return ruleType();
        if (roll < 80) {
            // An inline query runs when the policy loads: nothing printed.
            m_inQuery = true;
            std::string query = "?=" + std::string(1, kSpace) + logic(1) + ";";
            m_inQuery = false;
            return query;
        }
        if (roll < 92) return resourceBlock();
        return "actor" + std::string(1, kSpace) + pick(kClasses) + kSpace + "{" + kSoft + "}";
    }

    std::string rule() {
        std::string out = head();
        if (chance(75)) out += std::string(1, kSpace) + "if" + kSpace + logic(0);
        return out + ";";
    }

    std::string head() {
        std::string out = pick(kRuleNames) + "(" + kSoft;
        const int params = below(4);
        for (int i = 0; i < params; ++i) {
            if (i > 0) out += "," + std::string(1, kSpace);
            out += param();
        }
        return out + kSoft + ")";
    }

    std::string param() {
        std::string value;
        const int roll = below(10);
        if (roll < 6) value = pick(kVariables);
        else if (roll < 8) value = literal();
        else if (roll < 9) value = list(kMaxValueDepth - 1);
        else value = dict(kMaxValueDepth - 1);
        // Only a variable takes a specializer (`x: Foo`; `1: Foo` does not parse).
        if (roll < 6 && chance(50)) value += ":" + std::string(1, kSpace) + pattern(true);
        return value;
    }

    std::string ruleType() {
        std::string out = "type" + std::string(1, kSpace) + pick(kRuleNames) + "(" + kSoft;
        const int params = below(4);
        for (int i = 0; i < params; ++i) {
            if (i > 0) out += "," + std::string(1, kSpace);
            out += pick(kVariables) + ":" + kSpace + pick(kClasses);
        }
        return out + kSoft + ");";
    }

    std::string resourceBlock() {
        const char* keyword = chance(80) ? "resource" : "actor";
        std::string out = keyword + std::string(1, kSpace) + pick(kClasses) + kSpace + "{";
        const int productions = below(6);
        for (int i = 0; i < productions; ++i) out += std::string(1, kSpace) + production() + ";";
        return out + kSpace + "}";
    }

    std::string production() {
        switch (below(5)) {
        case 0: return "roles" + std::string(1, kSpace) + "=" + kSpace + stringList();
        case 1: return "permissions" + std::string(1, kSpace) + "=" + kSpace + stringList();
        case 2: {
            std::string out = "relations" + std::string(1, kSpace) + "=" + kSpace + "{" + kSoft;
            const int n = 1 + below(3);
            for (int i = 0; i < n; ++i) {
                if (i > 0) out += "," + std::string(1, kSpace);
                out += std::string(kFields[static_cast<std::size_t>(i)]) + ":" + kSpace + pick(kClasses);
            }
            return out + kSoft + "}";
        }
        default: {
            std::string out = pick(kStrings) + kSpace + "if" + kSpace + pick(kStrings);
            if (chance(40)) out += std::string(1, kSpace) + "on" + kSpace + pick(kStrings);
            return out;
        }
        }
    }

    std::string stringList() {
        std::string out = "[" + std::string(1, kSoft);
        const int n = below(6);
        for (int i = 0; i < n; ++i) {
            if (i > 0) out += "," + std::string(1, kSpace);
            out += pick(kStrings);
        }
        return out + kSoft + "]";
    }

    std::string literal() {
        const int roll = below(10);
        if (roll < 4) return pick(kNumbers);
        if (roll < 8) return pick(kStrings);
        return chance(50) ? "true" : "false";
    }

    // Specializers and the right side of `matches`.
    std::string pattern(bool topLevel) {
        const int roll = below(10);
        if (roll < 4) return pick(kClasses);
        if (roll < 7) return pick(kClasses) + fieldsPattern();
        if (roll < 9) return fieldsPattern();
        return topLevel ? literal() : pick(kVariables);
    }

    std::string fieldsPattern() {
        std::string out = "{" + std::string(1, kSoft);
        const int n = below(3);
        for (int i = 0; i < n; ++i) {
            if (i > 0) out += "," + std::string(chance(10) ? "," : "") + std::string(1, kSpace);
            out += std::string(kFields[static_cast<std::size_t>(i)]) + ":" + kSpace + (chance(50) ? literal() : pattern(false));
        }
        if (n > 0 && chance(15)) out += ",";
        return out + kSoft + "}";
    }

    std::string value(int depth) {
        if (depth >= kMaxValueDepth) return chance(50) ? pick(kVariables) : literal();
        switch (below(12)) {
        case 0:
        case 1: return pick(kVariables);
        case 2: return literal();
        case 3: return list(depth + 1);
        case 4: return dict(depth + 1);
        case 5: return "new" + std::string(1, kSpace) + pick(kClasses) + arguments(depth + 1, true);
        case 6: return pick(kVariables) + "." + pick(kFields);
        case 7: return pick(kVariables) + "." + pick(kFields) + arguments(depth + 1, true);
        case 8: return "(" + std::string(1, kSoft) + value(depth + 1) + kSoft + ")";
        default: {
            constexpr std::array kArithmetic{"+", "-", "*", "/", "mod", "rem"};
            return value(depth + 1) + kSpace + pick(kArithmetic) + kSpace + value(depth + 1);
        }
        }
    }

    std::string arguments(int depth, bool keywords) {
        std::string out = "(" + std::string(1, kSoft);
        const int n = below(4);
        for (int i = 0; i < n; ++i) {
            if (i > 0) out += "," + std::string(1, kSpace);
            out += value(depth);
        }
        if (keywords && chance(30)) {
            if (n > 0) out += "," + std::string(1, kSpace);
            out += std::string(kFields[static_cast<std::size_t>(below(3))]) + ":" + kSpace + value(depth);
        }
        return out + kSoft + ")";
    }

    std::string list(int depth) {
        std::string out = "[" + std::string(1, kSoft);
        const int n = below(5);
        for (int i = 0; i < n; ++i) {
            if (i > 0) out += "," + std::string(1, kSpace);
            out += value(depth);
        }
        if (chance(20)) out += std::string(n > 0 ? "," + std::string(1, kSpace) : "") + "*" + pick(kVariables);
        return out + kSoft + "]";
    }

    std::string dict(int depth) {
        std::string out = "{" + std::string(1, kSoft);
        const int n = below(4);
        for (int i = 0; i < n; ++i) {
            if (i > 0) out += "," + std::string(chance(10) ? "," : "") + std::string(1, kSpace);
            const std::string key = kFields[static_cast<std::size_t>(i)];
            // `{name}` is `{name: name}`; only a plain name can be shorthand.
            out += (chance(20) && key != "if" && key != "in" && key != "new") ? key
                                                                                 : key + ":" + kSpace + value(depth);
        }
        if (n > 0 && chance(15)) out += ",";
        return out + kSoft + "}";
    }

    // The left operand of `in`: `in` binds tighter than arithmetic, so
    // `a * b in l` is `a * (b in l)`, which does not parse: a compound
    // operand is parenthesised.
    std::string member(int depth) {
        const std::string v = value(depth);
        return v.find(kSpace) == std::string::npos ? v : "(" + v + ")";
    }

    std::string term(int depth) {
        if (depth >= kMaxLogicDepth) return pick(kRuleNames) + arguments(kMaxValueDepth - 1, false);
        const std::string s(1, kSpace);
        switch (below(14)) {
        case 0:
        case 1:
        case 2: return pick(kRuleNames) + arguments(1, false);
        case 3: return value(1) + s + "=" + s + value(1);
        case 4: return pick(kVariables) + s + ":=" + s + value(1);
        case 5: {
            constexpr std::array kComparisons{"==", "!=", "<", "<=", ">", ">="};
            return value(1) + s + pick(kComparisons) + s + value(1);
        }
        case 6: return member(1) + s + "in" + s + (chance(60) ? list(1) : pick(kVariables));
        case 7: return pick(kVariables) + s + "matches" + s + pattern(false);
        case 8: {
            // `not not x` does not parse (nor in Oso): `not (not x)` does.
            const std::string t = term(depth + 1);
            return "not" + s + (t.rfind("not", 0) == 0 ? "(" + t + ")" : t);
        }
        case 9: return "forall(" + std::string(1, kSoft) + logic(depth + 1) + "," + s + logic(depth + 1) + kSoft + ")";
        case 10: return "cut";
        case 11: return m_inQuery ? "cut" : "print" + arguments(1, false);
        default: return "(" + std::string(1, kSoft) + logic(depth + 1) + kSoft + ")";
        }
    }

    std::string logic(int depth) {
        std::string out = term(depth);
        const int more = depth >= kMaxLogicDepth ? 0 : below(4);
        for (int i = 0; i < more; ++i)
            out += std::string(1, kSpace) + (chance(70) ? "and" : "or") + kSpace + term(depth + 1);
        return out;
    }

    // The marks become whitespace, newlines and comments.
    std::string finish(const std::string& marked) {
        std::string out;
        out.reserve(marked.size() * 2);
        for (const char c : marked) {
            if (c != kSpace && c != kSoft) {
                out += c;
                continue;
            }
            const int roll = below(100);
            if (roll < 6) {
                out += (c == kSpace ? " " : "") + comment() + "\n" + std::string(below(9), ' ');
            } else if (roll < 9) {
                out += "\n" + comment() + "\n" + std::string(below(9), ' ');
            } else if (roll < 16) {
                out += "\n" + std::string(below(9), ' ');
            } else if (c == kSpace) {
                out += chance(95) ? " " : "   ";
            }
        }
        return out;
    }

    std::mt19937 m_rng;
    int m_comments = 0;
    bool m_inQuery = false;
};

} // namespace

std::string randomPolicy(std::uint32_t seed) { return Generator(seed).policy(); }

} // namespace polar::testing
