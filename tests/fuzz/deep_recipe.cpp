// deep_recipe.cpp — see deep_recipe.hpp.
//
// Layout of a recipe (the input after its leading NUL):
//
//   byte 0      where the expression E goes (mod 8):
//                 0 query `x = E`          4 policy `f(_x: E);`, query `f(1)`
//                 1 query `E`              5 policy `?= E;`
//                 2 policy `f(x) if x = E;`, query `f(x)`
//                 3 policy `f(E);`, query `f(x)`
//                 6 policy `f(x) if E;`, query `f(1)`
//                 7 query `x matches E`
//   then steps of 3 bytes: OP, COUNT low byte, COUNT high byte (0..65,535)
//     OP & 7 is the construct, OP >> 3 (0..31) picks a variant from its table:
//       0 chain     E := E op a, COUNT times (`+ - * / mod rem == != < <= > >= = and or in`)
//       1 lookups   E := E.a / E.m() / ..., COUNT times
//       2 wrap      E := open^COUNT E close^COUNT (parentheses, lists, dicts,
//                   calls, new, not, methods, print, forall, patterns, ...)
//       3 open      E := open^COUNT E          (unbalanced)
//       4 close     E := E close^COUNT         (unbalanced)
//       5 flat      E := [E, E, ...] / E and E and ... / E or ... / {k0: E, ...}, COUNT copies
//                   (at most kMaxFlatText long, unless E alone is longer)
//       6 raw       append the next COUNT mod 64 recipe bytes to E as text
//       7 atom      E := a fresh atom (1, x, inf, -nan, "s", [], new Foo(), ...)
//
// E starts as `1`. Counts are clamped so the text stays within
// kMaxRecipeText. Broken recipes (a missing byte) just end early: every byte
// string is a recipe.
#include "deep_recipe.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace polar::fuzz {
namespace {

constexpr std::array<std::string_view, 16> kBinary = {"+", "-", "*", "/", "mod", "rem", "==", "!=",
                                                     "<", "<=", ">", ">=", "=", "and", "or", "in"};
constexpr std::array<std::string_view, 2> kOperands = {"1", "y"};
constexpr std::array<std::string_view, 8> kLookups = {".a", ".m()", ".m(1)", ".(k)", ".type",
                                                      ".m(a: 1)", ".m(y.a)", ".inf"};
struct Wrapper {
    std::string_view open, close;
};
constexpr std::array<Wrapper, 16> kWrappers = {{
    {"(", ")"},
    {"[", "]"},
    {"{a: ", "}"},
    {"f(", ")"},
    {"new Foo(", ")"},
    {"not (", ")"},
    {"y.m(", ")"},
    {"[1, ", "]"},
    {"{a: 1, b: ", "}"},
    {"print(", ")"},
    {"forall(x = 1, ", ")"},
    {"Foo{a: ", "}"},
    {"x matches {a: ", "}"},
    {"(1 = 1 and ", ")"},
    {"(1 = 2 or ", ")"},
    {"[1,, ", ",]"},
}};
constexpr std::array<std::string_view, 16> kAtoms = {
    "1", "x", "y", "inf", "-nan", "\"s\"", "[]", "{}", "new Foo()", "y.m()", "_", "true", "nil",
    "1e400", "[1, *r]", "9223372036854775807"};

// How many more `unit`-byte pieces fit.
std::size_t room(const std::string& text, std::size_t unit) {
    if (unit == 0 || text.size() >= kMaxRecipeText) return 0;
    return (kMaxRecipeText - text.size()) / unit;
}

void appendRepeated(std::string& out, std::string_view piece, std::size_t times) {
    out.reserve(out.size() + piece.size() * times);
    for (std::size_t k = 0; k < times; ++k) out += piece;
}

// The longest text one flat construct makes. Depth is what recipes are
// for: a deep input stops at the depth limit after a few hundred levels,
// however long it is, but a long flat one parses, compiles and runs in
// full — 64 KiB of it cost up to 0.2 s under ASan and cut fuzzing speed by
// three. The unit tests cover 100,000-long `and` chains and a
// 1,000,000-element list instead.
constexpr std::size_t kMaxFlatText = 8 * 1024;

std::string flat(const std::string& e, unsigned variant, std::size_t count) {
    count = std::max<std::size_t>(count, 1);
    std::string out;
    switch (variant % 4) {
    case 0:
    case 1:
    case 2: {
        const std::string_view open = variant % 4 == 0 ? "[" : "(";
        const std::string_view sep = variant % 4 == 0 ? ", " : variant % 4 == 1 ? " and " : " or ";
        const std::string_view close = variant % 4 == 0 ? "]" : ")";
        count = std::min(count, std::max<std::size_t>(1, kMaxFlatText / (e.size() + sep.size())));
        out += open;
        for (std::size_t k = 0; k < count; ++k) {
            if (k) out += sep;
            out += e;
        }
        out += close;
        return out;
    }
    default: {
        count = std::min(count, std::max<std::size_t>(1, kMaxFlatText / (e.size() + 10)));
        out += "{";
        for (std::size_t k = 0; k < count; ++k) {
            if (k) out += ", ";
            out += "k" + std::to_string(k) + ": " + e;
        }
        out += "}";
        return out;
    }
    }
}

} // namespace

RecipeOutput buildFromRecipe(std::string_view recipe) {
    RecipeOutput result;
    const unsigned placement = recipe.empty() ? 0 : static_cast<unsigned char>(recipe[0]) % 8;
    std::size_t pos = recipe.empty() ? 0 : 1;
    std::string e = "1";
    while (pos + 3 <= recipe.size()) {
        const auto op = static_cast<unsigned char>(recipe[pos]);
        const std::size_t count = static_cast<unsigned char>(recipe[pos + 1]) |
                                  (static_cast<std::size_t>(static_cast<unsigned char>(recipe[pos + 2])) << 8);
        pos += 3;
        const unsigned variant = op >> 3;
        switch (op & 7) {
        case 0: {
            const std::string_view binary = kBinary[variant % kBinary.size()];
            const std::string piece = " " + std::string(binary) + " " + std::string(kOperands[variant / kBinary.size()]);
            std::size_t n = std::min(count, room(e, piece.size()));
            // `and` and `or` chains are flat, so they parse, compile and run
            // at any length: held to kMaxFlatText like the flat construct.
            const bool flatChain = binary == "and" || binary == "or";
            if (flatChain) n = std::min(n, kMaxFlatText / piece.size());
            appendRepeated(e, piece, n);
            result.requestedDepth += flatChain ? 1 : n;
            break;
        }
        case 1: {
            const std::string_view piece = kLookups[variant % kLookups.size()];
            const std::size_t n = std::min(count, room(e, piece.size()));
            appendRepeated(e, piece, n);
            result.requestedDepth += n;
            break;
        }
        case 2: {
            const Wrapper& w = kWrappers[variant % kWrappers.size()];
            const std::size_t n = std::min(count, room(e, w.open.size() + w.close.size()));
            std::string wrapped;
            appendRepeated(wrapped, w.open, n);
            wrapped += e;
            appendRepeated(wrapped, w.close, n);
            e = std::move(wrapped);
            result.requestedDepth += n;
            break;
        }
        case 3: {
            const Wrapper& w = kWrappers[variant % kWrappers.size()];
            const std::size_t n = std::min(count, room(e, w.open.size()));
            std::string opened;
            appendRepeated(opened, w.open, n);
            e = opened + e;
            result.requestedDepth += n;
            break;
        }
        case 4: {
            const Wrapper& w = kWrappers[variant % kWrappers.size()];
            appendRepeated(e, w.close, std::min(count, room(e, w.close.size())));
            break;
        }
        case 5:
            e = flat(e, variant, count);
            result.requestedDepth += 1;
            break;
        case 6: {
            const std::size_t n = std::min({count % 64, recipe.size() - pos, room(e, 1)});
            e.append(recipe.substr(pos, n));
            pos += n;
            break;
        }
        default: e = std::string(kAtoms[variant % kAtoms.size()]); break;
        }
    }
    switch (placement) {
    case 0: result.query = "x = " + e; break;
    case 1: result.query = e; break;
    case 2: result.policy = "f(x) if x = " + e + ";"; result.query = "f(x)"; break;
    case 3: result.policy = "f(" + e + ");"; result.query = "f(x)"; break;
    case 4: result.policy = "f(_x: " + e + ");"; result.query = "f(1)"; break;
    case 5: result.policy = "?= " + e + ";"; result.query = "1 = 1"; break;
    case 6: result.policy = "f(x) if " + e + ";"; result.query = "f(1)"; break;
    default: result.query = "x matches " + e; break;
    }
    return result;
}

} // namespace polar::fuzz
