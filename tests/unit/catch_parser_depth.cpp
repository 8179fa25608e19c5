// The depth limit (parser.hpp, kMaxNesting): every construct that nests —
// operator chains, `.` lookups, `not`, parentheses, lists, dictionaries,
// calls, `new`, patterns, rule heads — stops at the same number of levels
// with a clean ParseError that names the limit, never a crash; long `and`
// and `or` chains and long lists stay flat and work at any length; and the
// deepest tree the parser accepts goes through loading, answering and
// destruction within 1 MiB of stack, in every build (ASan included).
//
// The stack is measured, not just survived: the deepest tree of each
// construct runs on a thread whose stack is painted first, and the test
// reads how much of it was written. A change that makes some walk costlier
// per level shows here as a number, long before it shows as a crash.
#include <catch2/catch.hpp>

#include <pthread.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "parser.hpp"
#include "polar/polar.hpp"

using polar::detail::kMaxNesting;

namespace {

std::string repeat(std::string_view text, int times) {
    std::string out;
    out.reserve(text.size() * static_cast<std::size_t>(times));
    for (int k = 0; k < times; ++k) out += text;
    return out;
}

// One way to nest: the text for `n` repetitions, as a query or a policy.
struct Construct {
    const char* name;
    std::function<std::string(int)> text;
    bool policy = false;
};

const std::vector<Construct>& constructs() {
    static const std::vector<Construct> all = {
        {"a + chain", [](int n) { return "x = 1" + repeat(" + 1", n); }},
        {"a - chain", [](int n) { return "x = 1" + repeat(" - 1", n); }},
        {"a * chain", [](int n) { return "x = 1" + repeat(" * 1", n); }},
        {"a / chain", [](int n) { return "x = 1" + repeat(" / 1", n); }},
        {"a mod chain", [](int n) { return "x = 1" + repeat(" mod 1", n); }},
        {"a . chain", [](int n) { return "x = y" + repeat(".a", n); }},
        {"a method chain", [](int n) { return "x = y" + repeat(".m()", n); }},
        {"nested method arguments", [](int n) { return "x = " + repeat("y.m(", n) + "1" + repeat(")", n); }},
        {"not", [](int n) { return repeat("not (", n) + "1 = 2" + repeat(")", n); }},
        {"parentheses", [](int n) { return "x = " + repeat("(", n) + "1" + repeat(")", n); }},
        {"lists", [](int n) { return "x = " + repeat("[", n) + repeat("]", n); }},
        {"dictionaries", [](int n) { return "x = " + repeat("{a: ", n) + "1" + repeat("}", n); }},
        {"new", [](int n) { return "x = " + repeat("new Foo(", n) + repeat(")", n); }},
        {"forall", [](int n) { return repeat("forall(x = 1, ", n) + "x = 1" + repeat(")", n); }},
        {"or in parentheses", [](int n) { return repeat("(1 = 2 or ", n) + "1 = 1" + repeat(")", n); }},
        {"and in parentheses", [](int n) { return repeat("(1 = 1 and ", n) + "1 = 1" + repeat(")", n); }},
        {"dictionary patterns", [](int n) { return "x matches " + repeat("{a: ", n) + "1" + repeat("}", n); }},
        {"instance patterns", [](int n) { return "x matches " + repeat("Foo{a: ", n) + "1" + repeat("}", n); }},
        {"list patterns", [](int n) { return "[x] matches " + repeat("[", n) + repeat("]", n); }},
        {"all of them mixed", [](int n) { return "x = " + repeat("[{a: (1 + y.m(", n) + "1" + repeat("))}]", n); }},
        {"a rule body", [](int n) { return "f(x) if x = 1" + repeat(" + 1", n) + ";"; }, true},
        {"a rule head expression", [](int n) { return "f(1" + repeat(" + 1", n) + ");"; }, true},
        {"a rule head list", [](int n) { return "f(" + repeat("[", n) + repeat("]", n) + ");"; }, true},
        {"a specializer", [](int n) { return "f(_x: " + repeat("{a: ", n) + "1" + repeat("}", n) + ");"; }, true},
        {"an inline query", [](int n) { return "?= x = " + repeat("[", n) + repeat("]", n) + ";"; }, true},
    };
    return all;
}

bool parses(const Construct& c, int n) {
    try {
        const std::string text = c.text(n);
        if (c.policy) {
            polar::detail::Parser(text).parsePolicy();
        } else {
            polar::detail::Parser(text).parseQuery();
        }
        return true;
    } catch (const polar::detail::ParseFailure&) {
        return false;
    }
}

// The largest n the parser accepts (it accepts every smaller one).
int deepestAccepted(const Construct& c) {
    int lo = 0, hi = 2 * kMaxNesting;  // parses(lo), !parses(hi)
    REQUIRE(!parses(c, hi));
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        (parses(c, mid) ? lo : hi) = mid;
    }
    return lo;
}

// Loads or asks the text; any polar::Error is a fine outcome here (a
// constraint left on `y`, an unregistered class Foo, ...).
void loadAndAsk(const Construct& c, const std::string& text) {
    try {
        polar::Polar polar;
        if (c.policy) {
            polar.loadString(text, "deep.polar");
        } else {
            polar.query(text).collect(2);
        }
    } catch (const polar::Error&) {
    }
}

polar::Error errorOf(const Construct& c, const std::string& text) {
    polar::Polar polar;
    try {
        if (c.policy) {
            polar.loadString(text, "deep.polar");
        } else {
            polar.query(text).collect(1);
        }
    } catch (const polar::Error& e) {
        return e;
    }
    FAIL("no error for " << c.name);
    throw;  // not reached
}

// Runs `work` on a thread with a painted `size`-byte stack and returns how
// many bytes of it were written (stacks grow down: from the top to the
// lowest changed byte).
std::size_t stackUsed(std::size_t size, const std::function<void()>& work) {
    constexpr unsigned char kPaint = 0xA5;
    void* memory = nullptr;
    REQUIRE(posix_memalign(&memory, 1 << 16, size) == 0);
    std::memset(memory, kPaint, size);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, memory, size);
    pthread_t thread;
    auto body = [](void* arg) -> void* {
        (*static_cast<const std::function<void()>*>(arg))();
        return nullptr;
    };
    const int created = pthread_create(&thread, &attr, body, const_cast<std::function<void()>*>(&work));
    if (created == 0) pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    const auto* bytes = static_cast<const unsigned char*>(memory);
    std::size_t untouched = 0;
    while (untouched < size && bytes[untouched] == kPaint) ++untouched;
    std::free(memory);
    REQUIRE(created == 0);
    return size - untouched;
}

} // namespace

TEST_CASE("Long chains and deep nesting are a ParseError that names the limit, not a crash", "[parser][depth]") {
    const std::string limit = "nested more than " + std::to_string(kMaxNesting) + " levels deep";
    polar::Polar polar;
    auto refused = [&](const std::string& query) {
        try {
            polar.query(query).collect(1);
        } catch (const polar::Error& e) {
            CHECK(e.kind() == polar::ErrorKind::Parse);
            CHECK(e.name() == "ParseError::UnrecognizedToken");
            CHECK_THAT(e.message(), Catch::Contains(limit));
            REQUIRE(e.location());
            CHECK(e.location()->line == 1);
            CHECK_THAT(e.format(), Catch::Contains("^"));
            return static_cast<int>(e.location()->column);
        }
        FAIL("no error");
        return 0;
    };
    SECTION("a 20,000-long + chain, reported at the + that goes one level too far") {
        // `x = 1` then ` + 1` each: the 256th `+` makes the 257th level.
        CHECK(refused("x = 1" + repeat(" + 1", 20000)) == 7 + 4 * (kMaxNesting - 1));
    }
    SECTION("a 100,000-long . chain") { CHECK(refused("x = y" + repeat(".a", 100000)) == 6 + 2 * (kMaxNesting - 1)); }
    SECTION("deep not") { refused(repeat("not (", 100000) + "1 = 2" + repeat(")", 100000)); }
    SECTION("deep parentheses") { CHECK(refused("x = " + repeat("(", 100000) + "1" + repeat(")", 100000)) == 5 + kMaxNesting); }
    SECTION("deep lists") { refused("x = " + repeat("[", 100000) + repeat("]", 100000)); }
    SECTION("deep dictionaries") { refused("x = " + repeat("{a: ", 100000) + "1" + repeat("}", 100000)); }
    SECTION("deep calls, new and methods") {
        refused("x = " + repeat("new Foo(", 100000) + repeat(")", 100000));
        refused("x = " + repeat("y.m(", 100000) + repeat(")", 100000));
        refused("x = y" + repeat(".m(1)", 100000));
    }
    SECTION("deep patterns") {
        refused("x matches " + repeat("{a: ", 100000) + "1" + repeat("}", 100000));
        refused("x matches " + repeat("[", 100000) + repeat("]", 100000));
    }
    SECTION("unbalanced: the limit comes before the missing brackets") { refused("x = " + repeat("[", 1000000)); }
    SECTION("the same Polar answers the next query") {
        refused("x = 1" + repeat(" * 2", 20000));
        auto answers = polar.query("x = 1 + 2").collect();
        REQUIRE(answers.size() == 1);
        CHECK(answers[0].at("x") == polar::Value(3));
    }
    SECTION("in a policy, with the file, line and column") {
        try {
            polar.loadString("f(1);\ng(x) if x = 1" + repeat(" + 1", 20000) + ";\n", "long.polar");
            FAIL("loaded");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "ParseError::UnrecognizedToken");
            CHECK_THAT(e.message(), Catch::Contains(limit));
            REQUIRE(e.location());
            CHECK(e.location()->file == "long.polar");
            CHECK(e.location()->line == 2);
            CHECK(e.location()->column == 15 + 4 * (kMaxNesting - 1));
        }
        polar.loadString("f(1);", "short.polar");  // the failed load left nothing behind
        CHECK(polar.query("f(1)").collect().size() == 1);
    }
}

TEST_CASE("Every construct stops at the same depth, and the deepest accepted tree fits in 1 MiB of stack", "[parser][depth]") {
    // The deepest tree of any construct must stay well inside a small stack:
    // an eighth of an 8 MiB main stack, ASan's wider frames included
    // (parser.hpp, kMaxNesting). The thread gets twice that, so a
    // regression fails this CHECK instead of crashing the test run.
    constexpr std::size_t kBudget = 1 << 20;
    const std::string limit = "nested more than " + std::to_string(kMaxNesting) + " levels deep";
    for (const Construct& c : constructs()) {
        DYNAMIC_SECTION(c.name) {
            const int n = deepestAccepted(c);
            INFO(c.name << ": deepest accepted n = " << n);
            const polar::Error tooDeep = errorOf(c, c.text(n + 1));
            CHECK(tooDeep.name() == "ParseError::UnrecognizedToken");
            CHECK_THAT(tooDeep.message(), Catch::Contains(limit));
            const std::string text = c.text(n);
            const std::size_t used = stackUsed(2 * kBudget, [&] { loadAndAsk(c, text); });
            INFO("stack used: " << used << " bytes");
            CHECK(used < kBudget);
        }
    }
}

TEST_CASE("Long and/or chains and long lists are flat: they work at any length", "[parser][depth]") {
    polar::Polar polar;
    SECTION("100,000 conjuncts in a rule body") {
        std::string body;
        for (int k = 0; k < 100000; ++k) body += k ? " and x = 1" : "x = 1";
        polar.loadString("f(x) if " + body + ";", "and.polar");
        auto answers = polar.query("f(x)").collect();
        REQUIRE(answers.size() == 1);
        CHECK(answers[0].at("x") == polar::Value(1));
    }
    SECTION("100,000 alternatives in a query") {
        std::string query;
        for (int k = 0; k < 100000; ++k) query += (k ? " or x = " : "x = ") + std::to_string(k);
        auto answers = polar.query("(" + query + ") and x > 99997").collect();
        REQUIRE(answers.size() == 2);
        CHECK(answers[1].at("x") == polar::Value(99999));
    }
    SECTION("a 1,000,000-element list literal") {
        std::string list = "[";
        for (int k = 0; k < 1000000; ++k) list += k ? ",1" : "1";
        polar.loadString("f(" + list + "]);", "list.polar");
        auto answers = polar.query("f(x)").collect();
        REQUIRE(answers.size() == 1);
        CHECK(answers[0].at("x").asList().size() == 1000000);
    }
    SECTION("a chain just inside the limit answers") {
        auto answers = polar.query("x = 1" + repeat(" + 1", kMaxNesting - 2)).collect();
        REQUIRE(answers.size() == 1);
        CHECK(answers[0].at("x") == polar::Value(kMaxNesting - 1));
    }
}
