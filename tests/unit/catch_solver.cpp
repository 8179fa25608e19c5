// The solver through the public API: unification, backtracking, cut,
// negation, limits, and the deep recursion the C++ stack could not hold.
#include <catch2/catch.hpp>

#include <polar/polar.hpp>

namespace {
std::vector<std::string> answers(polar::Polar& p, const std::string& q) {
    std::vector<std::string> out;
    for (const auto& r : p.query(q)) out.push_back(r.toJson());
    return out;
}
using Answers = std::vector<std::string>;
} // namespace

TEST_CASE("Solver unifies lists, rest variables and dictionaries", "[solver]") {
    polar::Polar p;
    CHECK(answers(p, "[1, 2, 3] = [a, *b]") == Answers{R"({"a":1,"b":[2,3]})"});
    CHECK(answers(p, "[x, *r] = [1] and r = []") == Answers{R"({"x":1,"r":[]})"});
    CHECK(answers(p, "{a: 1, b: x} = {b: 2, a: 1}") == Answers{R"({"x":2})"});
    CHECK(answers(p, "{a: 1} = {a: 1, b: 2}").empty());
    CHECK(answers(p, "1 = 1.0") == Answers{"{}"});
    CHECK(answers(p, "x = y and y = 3") == Answers{R"({"x":3,"y":3})"});
}

TEST_CASE("Solver backtracks through rules in order", "[solver]") {
    polar::Polar p;
    p.loadString("edge(1, 2); edge(2, 3); edge(3, 4);"
                 "path(a, b) if edge(a, b);"
                 "path(a, b) if edge(a, c) and path(c, b);");
    CHECK(answers(p, "path(1, x)") == Answers{R"({"x":2})", R"({"x":3})", R"({"x":4})"});
    CHECK(answers(p, "path(x, 4)") == Answers{R"({"x":3})", R"({"x":1})", R"({"x":2})"});
}

TEST_CASE("Cut commits to the current rule", "[solver][cut]") {
    polar::Polar p;
    p.loadString("f(x) if x = 1 and cut; f(x) if x = 2;"
                 "g(x) if x in [1, 2, 3] and cut; g(4);"
                 "h(x) if g(x); h(5);");
    CHECK(answers(p, "f(x)") == Answers{R"({"x":1})"});
    CHECK(answers(p, "g(x)") == Answers{R"({"x":1})"});
    SECTION("a cut inside a called rule does not prune the caller's choices") {
        CHECK(answers(p, "h(x)") == Answers{R"({"x":1})", R"({"x":5})"});
    }
}

TEST_CASE("Negation and forall", "[solver]") {
    polar::Polar p;
    p.loadString("f(1); f(2);");
    CHECK(answers(p, "not f(3)") == Answers{"{}"});
    CHECK(answers(p, "not f(1)").empty());
    CHECK(answers(p, "x = 3 and not f(x)") == Answers{R"({"x":3})"});
    CHECK(answers(p, "forall(x in [1, 2], f(x))") == Answers{"{}"});
    CHECK(answers(p, "forall(x in [1, 2, 3], f(x))").empty());
    CHECK(answers(p, "forall(x in [], false)") == Answers{"{}"});
}

TEST_CASE("Deep recursion and long lists do not touch the C++ stack", "[solver][limits]") {
    polar::Polar p;
    p.loadString("count(0); count(n) if n > 0 and count(n - 1);"
                 "build(0, []); build(n, [n, *t]) if n > 0 and build(n - 1, t);"
                 "len([], 0); len([_, *t], n) if len(t, m) and n = m + 1;");
    CHECK(answers(p, "count(1000000)") == Answers{"{}"});
    CHECK(answers(p, "build(200000, l) and len(l, n) and l = m")[0].size() > 0);
}

TEST_CASE("Limits stop runaway queries with named errors", "[solver][limits]") {
    polar::Polar p;
    p.loadString("loop(n) if loop(n + 1);");
    SECTION("depth") {
        p.limits().maxDepth = 1000;
        try {
            p.query("loop(0)").next();
            FAIL("expected an error");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "RuntimeError::StackOverflow");
        }
    }
    SECTION("steps") {
        p.limits().maxSteps = 5000;
        try {
            p.query("loop(0)").next();
            FAIL("expected an error");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "RuntimeError::StepLimit");
        }
    }
    SECTION("time") {
        p.limits().maxDepth = 0;
        p.limits().timeout = std::chrono::milliseconds(50);
        p.loadString("spin(n) if spin(n) or true;");
        try {
            p.query("spin(1)").next();
            FAIL("expected an error");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "RuntimeError::QueryTimeout");
        }
    }
    SECTION("the Polar object keeps serving after a failed query") {
        p.limits().maxDepth = 100;
        CHECK_THROWS_AS(p.query("loop(0)").next(), polar::Error);
        CHECK(answers(p, "x = 1") == Answers{R"({"x":1})"});
    }
}

TEST_CASE("Large fact sets are indexed on a constant argument", "[solver][index]") {
    polar::Polar p;
    std::string facts;
    for (int k = 0; k < 20000; ++k) facts += "fact(" + std::to_string(k) + ", \"v" + std::to_string(k) + "\");\n";
    p.loadString(facts);
    auto q = p.query("fact(19999, v)");
    auto r = q.next();
    REQUIRE(r);
    CHECK(r->at("v").asString() == "v19999");
    CHECK_FALSE(q.next());
    // An indexed call looks at one clause, so it needs a handful of steps, not 20,000.
    CHECK(q.steps() < 20);
    SECTION("the second argument is indexed too") {
        auto q2 = p.query("fact(n, \"v7\")");
        REQUIRE(q2.next()->at("n").asInt() == 7);
        CHECK_FALSE(q2.next());
        CHECK(q2.steps() < 20);
    }
}

// The parser reads tokens as it needs them (so loading 1,000,000 facts does
// not hold 7,000,000 tokens at once): a file with two errors reports the
// first one in the text, as Oso does (its LALRPOP parser pulls tokens from
// the lexer lazily too), even when the later one is the lexer's.
TEST_CASE("Loading reports the first error in the text", "[solver][load]") {
    polar::Polar p;
    try {
        p.loadString("f(1) if ;\ng(\"abc\n", "two_errors.polar");
        FAIL("expected a parse error");
    } catch (const polar::Error& e) {
        CHECK(e.name() == "ParseError::UnrecognizedToken");
        REQUIRE(e.location());
        CHECK(e.location()->line == 1);
    }
    // A lexer error alone is still found, wherever it is.
    CHECK_THROWS_AS(p.loadString("f(1);\ng(x) if x = \"abc\n", "lex.polar"), polar::Error);
    // An unfinished last line points just past its last token.
    try {
        p.loadString("f(1);\ng(x) if x = 1", "eof.polar");
        FAIL("expected a parse error");
    } catch (const polar::Error& e) {
        CHECK(e.name() == "ParseError::UnrecognizedEOF");
        REQUIRE(e.location());
        CHECK(e.location()->line == 2);
        CHECK(e.location()->column == 14);
    }
}

// `in` over a list passes over the members that cannot equal an integer or
// string element without a choice point each (Machine::skipUnmatchable);
// the answers must be those of trying every member.
TEST_CASE("in skips members that cannot match, with the same answers", "[solver][in]") {
    polar::Polar p;
    CHECK(answers(p, "2 in [1, 2, 3, 2]") == Answers{"{}", "{}"});
    CHECK(answers(p, "x = 2 and x in [1, 2, 3]") == Answers{R"({"x":2})"});
    CHECK(answers(p, "\"b\" in [\"a\", 1, \"b\"]") == Answers{"{}"});
    CHECK(answers(p, "1 in [2, 1.0, 3]") == Answers{"{}"});  // numbers by value
    CHECK(answers(p, "1 in [2, y, 3, 1]") == Answers{R"({"y":1})", "{}"});
    CHECK(answers(p, "5 in [1, 2, 3]").empty());
    CHECK(answers(p, "3 in [1, 2, 3]") == Answers{"{}"});  // the last member
    p.loadString("range(0, []); range(n, [n, *t]) if n > 0 and range(n - 1, t);");
    CHECK(answers(p, "range(1000, l) and 1 in l and 1000 in l and not 0 in l").size() == 1);
}

TEST_CASE("Rule selection and head matching agree with unification on every parameter shape",
          "[solver][select]") {
    polar::Polar p;
    SECTION("a rule of more than 64 parameters is selected on all of them") {
        // Parameters past the 64th are outside Clause::selective's mask:
        // the selection then looks at every one (shallowMatchWide).
        auto params = [](const std::string& last) {
            std::string text;
            for (int k = 0; k < 69; ++k) text += "_, ";
            return text + last;
        };
        p.loadString("wide(" + params("1") + ", \"one\"); wide(" + params("2") + ", \"two\");");
        CHECK(answers(p, "wide(" + params("2") + ", x)") == Answers{R"({"x":"two"})"});
        CHECK(answers(p, "wide(" + params("3") + ", x)").empty());
        CHECK(answers(p, "wide(" + params("y") + ", x)").size() == 2);
    }
    SECTION("a list parameter [h, *t] in every mode") {
        p.loadString("first([h, *_], h); rest([_, *t], t); same([h, *t], [h, *t]);");
        CHECK(answers(p, "first([1, 2], x)") == Answers{R"({"x":1})"});          // a list argument
        CHECK(answers(p, "first(l, 5) and l = [a, *b]").size() == 1);             // unbound: the list is built
        CHECK(answers(p, "first([], x)").empty());                                // the empty list
        CHECK(answers(p, "first(\"ab\", x)").empty());                            // not a list
        CHECK(answers(p, "rest([1], t)") == Answers{R"({"t":[]})"});
        CHECK(answers(p, "same([1, 2], [1, *t])") == Answers{R"({"t":[2]})"});   // a slot seen before unifies
        CHECK(answers(p, "same([1, 2], [2, *t])").empty());
        const auto cyclic = answers(p, "x = [1, *x] and first(x, h)");        // a cyclic list: no hang
        REQUIRE(cyclic.size() == 1);
        CHECK_THAT(cyclic.front(), Catch::Contains(R"("h":1)"));
    }
    SECTION("constant parameters unify as constants: 1 matches 1.0, never \"1\"") {
        p.loadString("k(1, \"int\"); k(\"1\", \"str\"); k(true, \"bool\");");
        CHECK(answers(p, "k(1.0, x)") == Answers{R"({"x":"int"})"});
        CHECK(answers(p, "k(\"1\", x)") == Answers{R"({"x":"str"})"});
        CHECK(answers(p, "k(true, x)") == Answers{R"({"x":"bool"})"});
        CHECK(answers(p, "k(y, \"bool\")") == Answers{R"({"y":true})"});
    }
}

TEST_CASE("queryRule converts any number of host arguments, nested lists and variables",
          "[solver][api]") {
    polar::Polar p;
    p.loadString("ten(a, _b, _c, _d, _e, _f, _g, _h, i, j) if j = a + i;"
                 "pair([x, y], x, y);");
    // More than the eight arguments startRule converts without allocating.
    auto q = p.queryRule("ten", 1, 2, 3, 4, 5, 6, 7, 8, 9, polar::Value::Variable{"j"});
    auto r = q.next();
    REQUIRE(r);
    CHECK(r->at("j") == polar::Value(10));
    // A host list holding a list and a variable: not ground, so unification
    // still binds the variable inside it.
    polar::Value::List inner{polar::Value(1), polar::Value(2)};
    polar::Value::List outer{polar::Value(inner), polar::Value::Variable{"v"}};
    auto s = p.queryRule("pair", polar::Value(outer), polar::Value(inner), 3).next();
    REQUIRE(s);
    CHECK(s->at("v") == polar::Value(3));
}
