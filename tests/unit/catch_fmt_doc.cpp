// catch_fmt_doc.cpp — the document algebra (fmt/doc) on its own: groups
// that fit stay flat, groups that do not break, nesting indents broken
// lines, fill packs, hard lines force breaks, and the width boundary is
// exact (a line of exactly `width` columns fits, one more does not).
#include <catch2/catch.hpp>

#include "doc/doc.hpp"

using namespace polar::fmt::doc;

namespace {

// f(aaa, bbb, ccc) as a bracketed group.
Doc call(const std::vector<std::string>& args) {
    std::vector<Doc> items;
    for (const auto& a : args) items.push_back(text(a));
    return group(concat({text("f("), nest(4, concat({softline(), join(items, concat({text(","), line()}))})),
                         softline(), text(")")}));
}

} // namespace

TEST_CASE("a group that fits is printed flat", "[fmt]") {
    CHECK(render(call({"a", "b", "c"}), 80) == "f(a, b, c)");
    CHECK(render(group(concat({text("x"), line(), text("y")})), 3) == "x y");
}

TEST_CASE("a group that does not fit breaks every line of its own, nested lines indented", "[fmt]") {
    CHECK(render(call({"alpha", "beta", "gamma"}), 12) == "f(\n    alpha,\n    beta,\n    gamma\n)");
}

TEST_CASE("inner groups decide on their own once the outer one broke", "[fmt]") {
    const Doc d = group(concat({text("["), nest(2, concat({softline(), call({"a", "b"}), text(","), line(),
                                                           call({"cccccc", "dddddd"})})),
                                softline(), text("]")}));
    CHECK(render(d, 16) == "[\n  f(a, b),\n  f(\n      cccccc,\n      dddddd\n  )\n]");
}

TEST_CASE("a hard line breaks its enclosing groups", "[fmt]") {
    CHECK(render(group(concat({text("a"), line(), text("b"), hardline(), text("c")})), 80) == "a\nb\nc");
}

TEST_CASE("what follows a group counts when it is tried flat", "[fmt]") {
    // "f(a, b)" is 7 columns; with the ";" after it, 8 do not fit in 7.
    CHECK(render(concat({call({"a", "b"}), text(";")}), 8) == "f(a, b);");
    CHECK(render(concat({call({"a", "b"}), text(";")}), 7) == "f(\n    a,\n    b\n);");
}

TEST_CASE("fill packs items onto a line until the next does not fit", "[fmt]") {
    std::vector<Doc> items;
    for (int i = 0; i < 6; ++i) items.push_back(text("item" + std::to_string(i)));
    const Doc d = fill(items, concat({text(","), line()}));
    CHECK(render(d, 80) == "item0, item1, item2, item3, item4, item5");
    CHECK(render(d, 20) == "item0, item1, item2,\nitem3, item4, item5");
    CHECK(render(d, 5) == "item0,\nitem1,\nitem2,\nitem3,\nitem4,\nitem5");
}

TEST_CASE("the width boundary: 79 and 80 columns fit in 80, 81 do not", "[fmt]") {
    auto twoWords = [](std::size_t total) {
        const std::string a(10, 'a');
        return group(concat({text(a), line(), text(std::string(total - a.size() - 1, 'b'))}));
    };
    CHECK(render(twoWords(79), 80).find('\n') == std::string::npos);
    CHECK(render(twoWords(80), 80).find('\n') == std::string::npos);
    CHECK(render(twoWords(81), 80) == std::string(10, 'a') + "\n" + std::string(70, 'b'));
}

TEST_CASE("lines never end in spaces", "[fmt]") {
    CHECK(render(concat({text("a"), nest(4, concat({hardline(), hardline(), text("b")}))}), 80) == "a\n\n    b");
}

TEST_CASE("width counts UTF-8 characters, not bytes", "[fmt]") {
    // "héllo wörld": 11 characters, 13 bytes.
    const Doc d = group(concat({text("h\xc3\xa9llo"), line(), text("w\xc3\xb6rld")}));
    CHECK(render(d, 11) == "h\xc3\xa9llo w\xc3\xb6rld");
    CHECK(render(d, 10) == "h\xc3\xa9llo\nw\xc3\xb6rld");
}

TEST_CASE("fill counts the separator's comma after the next item", "[fmt]") {
    std::vector<Doc> items;
    for (int i = 0; i < 6; ++i) items.push_back(text("item" + std::to_string(i)));
    const Doc d = fill(items, concat({text(","), line()}));
    // "item0, item1, item2" is 19 columns, but its "," would be the 20th.
    CHECK(render(d, 19) == "item0, item1,\nitem2, item3,\nitem4, item5");
    // After the last item, what follows the fill counts: "];" here.
    CHECK(render(concat({text("["), fill({text("aaaa"), text("bbbb")}, concat({text(","), line()})), text("];")}), 12) ==
          "[aaaa,\nbbbb];");
}

TEST_CASE("hug keeps a bracket on its operator's line while that line fits", "[fmt]") {
    auto assign = [](const std::string& name) {
        const Doc body = call({"alpha", "beta"});
        return hug(text(name + " = "), body, group(concat({text(name + " ="), nest(4, concat({line(), body}))})));
    };
    SECTION("flat when the whole fits") { CHECK(render(assign("x"), 80) == "x = f(alpha, beta)"); }
    SECTION("broken inside the bracket when only the line up to it fits") {
        CHECK(render(assign("x"), 12) == "x = f(\n    alpha,\n    beta\n)");
    }
    SECTION("broken after the operator when not even that line fits") {
        // "variable = f(" is 13 columns: it fits in 13, not in 12.
        CHECK(render(assign("variable"), 12) == "variable =\n    f(\n        alpha,\n        beta\n    )");
        CHECK(render(assign("variable"), 13) == "variable = f(\n    alpha,\n    beta\n)");
    }
}
