// The parser: precedence as Oso's grammar, the value/logical distinction,
// rule heads with specializers, and the nesting limit.
#include <catch2/catch.hpp>

#include <cmath>

#include "parser.hpp"

using namespace polar::detail;

namespace {
Node parse(std::string_view q) { return Parser(q).parseQuery(); }
std::string failure(std::string_view src) {
    try {
        Parser(src).parsePolicy();
    } catch (const ParseFailure& f) {
        return f.subkind;
    }
    return "no error";
}
} // namespace

TEST_CASE("Parser follows Oso's precedence", "[parser]") {
    SECTION("and binds tighter than or") {
        Node n = parse("a and b or c");
        REQUIRE(n.kind == NodeKind::Op);
        CHECK(n.op == Operator::Or);
        CHECK(n.args[0].op == Operator::And);
    }
    SECTION("multiplication binds tighter than addition, both left-associative") {
        Node n = parse("x = 1 + 2 * 3 - 4");
        const Node& rhs = n.args[1];
        CHECK(rhs.op == Operator::Sub);
        CHECK(rhs.args[0].op == Operator::Add);
        CHECK(rhs.args[0].args[1].op == Operator::Mul);
    }
    SECTION("not applies to the next unification") {
        Node n = parse("not x = 1 and y = 2");
        CHECK(n.op == Operator::And);
        CHECK(n.args[0].op == Operator::Not);
        CHECK(n.args[0].args[0].op == Operator::Unify);
    }
    SECTION("dots chain left to right") {
        Node n = parse("x = a.b.c");
        const Node& rhs = n.args[1];
        CHECK(rhs.op == Operator::Dot);
        CHECK(rhs.args[0].op == Operator::Dot);
        CHECK(rhs.args[1].text == "c");
    }
    SECTION("a negative literal is a number, not a subtraction") {
        Node n = parse("x = -5");
        CHECK(n.args[1].kind == NodeKind::Int);
        CHECK(n.args[1].integer == -5);
    }
}

TEST_CASE("Parser distinguishes values from logical expressions", "[parser]") {
    CHECK_THROWS_AS(parse("x = 1 in [1]"), ParseFailure);
    CHECK_THROWS_AS(parse("x = (1 == 1)"), ParseFailure);
    CHECK_NOTHROW(parse("x = y and y"));
    CHECK(failure("f(x) if 1 and x;") == "WrongValueType");
}

TEST_CASE("Parser reads rules, rule types and inline queries", "[parser]") {
    PolicyAst p = Parser(R"(
        type f(x: Integer);
        f(x: Integer, {a: 1}, y: {b: 2}, z: Foo{c: 3}) if x > 0 and y = z;
        g();
        ?= g();
    )").parsePolicy();
    REQUIRE(p.ruleTypes.size() == 1);
    REQUIRE(p.rules.size() == 2);
    REQUIRE(p.queries.size() == 1);
    const RuleAst& f = p.rules[0];
    CHECK(f.name == "f");
    REQUIRE(f.params.size() == 4);
    CHECK(f.params[0].specializer->kind == NodeKind::InstancePattern);
    CHECK(f.params[0].specializer->text == "Integer");
    CHECK(f.params[1].value.kind == NodeKind::Dict);
    CHECK(f.params[2].specializer->kind == NodeKind::DictPattern);
    CHECK(f.params[3].specializer->kind == NodeKind::InstancePattern);
    CHECK(f.params[3].specializer->keys == std::vector<std::string>{"c"});
    CHECK(p.rules[1].body.args.empty());
}

TEST_CASE("Parser expands dictionary shorthand and rest variables", "[parser]") {
    Node n = parse("d = {a, b: 2} and l = [1, *rest]");
    const Node& dict = n.args[0].args[1];
    CHECK(dict.keys == std::vector<std::string>{"a", "b"});
    CHECK(dict.args[0].kind == NodeKind::Var);
    CHECK(dict.args[0].text == "a");
    const Node& list = n.args[1].args[1];
    CHECK(list.args.back().kind == NodeKind::RestVar);
}

TEST_CASE("Parser reads inf and nan as numbers, as Oso does", "[parser]") {
    SECTION("a signed inf is a literal, not a subtraction") {
        Node n = parse("x = -inf");
        REQUIRE(n.args[1].kind == NodeKind::Float);
        CHECK(std::isinf(n.args[1].number));
        CHECK(n.args[1].number < 0);
        CHECK(parse("x = +inf").args[1].number > 0);
        CHECK(std::isnan(parse("x = nan").args[1].number));
    }
    SECTION("in a rule head, as a parameter or a specializer") {
        PolicyAst p = Parser("f(inf, _x: nan);").parsePolicy();
        REQUIRE(p.rules.size() == 1);
        CHECK(p.rules[0].params[0].value.kind == NodeKind::Float);
        REQUIRE(p.rules[0].params[1].specializer);
        CHECK(p.rules[0].params[1].specializer->kind == NodeKind::Float);
    }
    SECTION("where a name is expected they are unexpected, shown as Oso shows a float") {
        auto message = [](std::string_view q) {
            try {
                parse(q);
            } catch (const ParseFailure& f) {
                return f.message;
            }
            return std::string("no error");
        };
        CHECK(message("x = {inf: 1}") == "did not expect to find the token 'inf'");
        CHECK(message("x = {nan: 1}") == "did not expect to find the token 'NaN'");
        CHECK(message("x = y.inf") == "did not expect to find the token 'inf'");
        CHECK(failure("inf(1);") == "UnrecognizedToken");
        // Rust's Display for f64: the shortest digits that read back, no exponent.
        CHECK(message("x = {1e20: 1}") == "did not expect to find the token '100000000000000000000'");
        CHECK(message("x = {1.0: 1}") == "did not expect to find the token '1'");
        CHECK(message("x = {1e-7: 1}") == "did not expect to find the token '0.0000001'");
        CHECK(message("x = {123456789.123456789: 1}") ==
              "did not expect to find the token '123456789.12345679'");
    }
}

TEST_CASE("Parser takes commas as Oso's grammar does", "[parser]") {
    SECTION("lists, dictionaries and patterns: commas may trail and repeat after an element") {
        CHECK(parse("x = [1,, 2,,]").args[1].args.size() == 2);
        CHECK(parse("x = {a: 1,, b: 2,}").args[1].keys == std::vector<std::string>{"a", "b"});
        CHECK(parse("x matches [1,, *r]").args[1].args.back().kind == NodeKind::RestVar);
        CHECK_THROWS_AS(parse("x = [,1]"), ParseFailure);
        CHECK_THROWS_AS(parse("x = {,}"), ParseFailure);
        CHECK_THROWS_AS(parse("x = [1, *r,]"), ParseFailure);
    }
    SECTION("positional arguments take no trailing comma; keyword arguments do") {
        CHECK(failure("f(x) if g(x,);") == "UnrecognizedToken");
        CHECK(failure("f(x) if x = new Foo(1,);") == "UnrecognizedToken");
        CHECK(failure("f(x) if x.m(1,);") == "UnrecognizedToken");
        CHECK(failure("f(x) if g(x,, 1);") == "UnrecognizedToken");
        Node call = parse("x = y.m(1, a: 2,, b: 3,)").args[1].args[1];
        CHECK(call.keys == std::vector<std::string>{"a", "b"});
        CHECK(call.args.size() == 3);
    }
    SECTION("print and debug take a trailing comma; rule heads and forall do not") {
        CHECK_NOTHROW(parse("print(1,)"));
        CHECK_THROWS_AS(parse("print(1,,)"), ParseFailure);
        CHECK(failure("f(x, y,) if x = y;") == "UnrecognizedToken");
        CHECK_THROWS_AS(parse("forall(x = 1, x = 1,)"), ParseFailure);
    }
    SECTION("a resource block's lists and relations follow lists and dictionaries") {
        PolicyAst p = Parser(R"(resource R { roles = ["a",, "b",]; relations = {p: R,}; })").parsePolicy();
        REQUIRE(p.resourceBlocks.size() == 1);
        CHECK(p.resourceBlocks[0].productions[0].value.args.size() == 2);
        CHECK(p.resourceBlocks[0].productions[1].value.keys == std::vector<std::string>{"p"});
    }
}

TEST_CASE("Parser reports errors by kind", "[parser]") {
    CHECK(failure("f(x) if x = 1") == "UnrecognizedEOF");
    CHECK(failure("f(x) if x = = 1;") == "UnrecognizedToken");
    CHECK(failure("f({a: 1, a: 2});") == "DuplicateKey");
    CHECK(failure("f(x) if x = 1;;") == "UnrecognizedToken");
}

TEST_CASE("Parser refuses nesting beyond its limit instead of overflowing", "[parser]") {
    std::string deep = "x = " + std::string(5000, '[') + std::string(5000, ']');
    CHECK_THROWS_AS(parse(deep), ParseFailure);
    std::string ok = "x = " + std::string(100, '[') + std::string(100, ']');
    CHECK_NOTHROW(parse(ok));
}
