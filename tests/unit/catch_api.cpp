// The embedding API: loading, errors with positions, typed results,
// queryRule with host values, lazy iteration and atomic loads.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <polar/polar.hpp>

TEST_CASE("Errors carry a kind, a position and a caret", "[api][error]") {
    polar::Polar p;
    try {
        p.loadString("f(x) if x = 1;\ng(y) if y = = 2;\n", "policy.polar");
        FAIL("expected a parse error");
    } catch (const polar::Error& e) {
        CHECK(e.kind() == polar::ErrorKind::Parse);
        CHECK(e.name() == "ParseError::UnrecognizedToken");
        REQUIRE(e.location());
        CHECK(e.location()->line == 2);
        CHECK(e.location()->column == 13);
        CHECK(e.format() ==
              "policy.polar:2:13: error: did not expect to find the token '='\n"
              "    g(y) if y = = 2;\n"
              "                ^");
    }
}

TEST_CASE("A failed load keeps nothing of its source", "[api][load]") {
    polar::Polar p;
    p.loadString("f(1);");
    CHECK_THROWS_AS(p.loadString("f(2); g(x) if x = ;"), polar::Error);
    CHECK_THROWS_AS(p.loadString("f(3); ?= f(4);"), polar::Error);
    CHECK(p.query("f(x)").collect().size() == 1);
}

TEST_CASE("Singleton variables are rejected like Oso does", "[api][validation]") {
    polar::Polar p;
    try {
        p.loadString("f(x, y) if x = 1;", "s.polar");
        FAIL("expected a validation error");
    } catch (const polar::Error& e) {
        CHECK(e.name() == "ValidationError::SingletonVariable");
        CHECK(e.location()->column == 6);
    }
}

TEST_CASE("queryRule passes host values and reads typed bindings", "[api]") {
    polar::Polar p;
    p.loadString(R"(
        allow(user, "read", doc) if user.role = "admin" or doc.owner = user.name;
        sum(a, b, a + b);
    )");
    polar::Value::Dict ann{{"name", "ann"}, {"role", "guest"}};
    polar::Value::Dict doc{{"owner", "ann"}};
    CHECK(p.queryRule("allow", ann, "read", doc).next().has_value());
    CHECK_FALSE(p.queryRule("allow", ann, "write", doc).next().has_value());
    auto r = p.queryRule("sum", 2, 3.5, polar::Value::Variable{"out"}).next();
    REQUIRE(r);
    auto q = p.query("sum(1, 2, s)");
    CHECK(q.next()->at("s").asInt() == 3);
    CHECK_THROWS_AS(p.query("x = 1").next()->at("nope"), polar::Error);
}

TEST_CASE("Results are produced lazily and queries can nest", "[api]") {
    polar::Polar p;
    p.loadString("n(1); n(2); n(3);");
    auto outer = p.query("n(x)");
    int pairs = 0;
    for (const auto& a : outer) {
        for (const auto& b : p.query("n(y) and y > " + a.at("x").toPolar())) {
            (void)b;
            ++pairs;
        }
    }
    CHECK(pairs == 3);
    CHECK(outer.results() == 3);
}

TEST_CASE("print writes to the configured stream", "[api]") {
    polar::Polar p;
    std::ostringstream out;
    p.setPrintStream(out);
    p.query(R"(print(1, "a", [1, 2.5], {k: nil}, true))").collect();
    CHECK(out.str() == "1, \"a\", [1, 2.5], {k: nil}, true\n");
}

TEST_CASE("Clearing the rules invalidates live queries", "[api]") {
    polar::Polar p;
    p.loadString("n(1); n(2);");
    auto q = p.query("n(x)");
    CHECK(q.next());
    p.clearRules();
    CHECK_THROWS_AS(q.next(), polar::Error);
    CHECK_THROWS_AS(p.query("n(x)").next(), polar::Error);  // undefined rule now
}

TEST_CASE("loadFile reports a missing file", "[api][load]") {
    polar::Polar p;
    try {
        p.loadFile("/nonexistent/policy.polar");
        FAIL("expected an error");
    } catch (const polar::Error& e) {
        CHECK(e.kind() == polar::ErrorKind::Operational);
    }
}

TEST_CASE("loadFile reads files of every kind whole", "[api][load]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("polar_load_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string policy;
    for (int k = 0; k < 20000; ++k) policy += "f(" + std::to_string(k) + ");\n";  // past any one read's buffer

    SECTION("a regular file, read in one piece") {
        std::ofstream(dir / "f.polar") << policy;
        polar::Polar p;
        p.loadFile((dir / "f.polar").string());
        CHECK(p.query("f(19999)").next());
    }
    SECTION("a pipe, whose size is not known ahead") {
        const fs::path fifo = dir / "f.fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        std::thread writer([&] { std::ofstream(fifo) << policy; });
        polar::Polar p;
        p.loadFile(fifo.string());
        writer.join();
        CHECK(p.query("f(19999)").next());
        CHECK_FALSE(p.query("f(20000)").next());
    }
    fs::remove_all(dir);
}

TEST_CASE("Values print as Polar and JSON", "[api][value]") {
    polar::Value v(polar::Value::List{1, 2.5, "a\"b", nullptr, polar::Value::Dict{{"k", true}}});
    CHECK(v.toPolar() == R"([1, 2.5, "a\"b", nil, {k: true}])");
    CHECK(v.toJson() == R"([1,2.5,"a\"b",null,{"k":true}])");
    CHECK(polar::Value(1) == polar::Value(1.0));
    CHECK(polar::Value(3.0).toPolar() == "3.0");
}

TEST_CASE("A value printed for display is cut after a limit, inside its lists and dictionaries", "[api][value]") {
    polar::Value::List big;
    for (int k = 0; k < 100000; ++k) big.emplace_back(k);
    const polar::Value v(polar::Value::List{polar::Value::Dict{{"a", 1}, {"b", 2}}, big});
    CHECK(v.toPolar(1000).size() < 1100);
    CHECK(v.toPolar(1000).rfind("…]]") == v.toPolar(1000).size() - std::string("…]]").size());
    CHECK(v.toPolar(8) == "[{a: 1, …}, …]");  // past 8 bytes, each list or dictionary stops
    CHECK(polar::Value(polar::Value::List{1, 2}).toPolar(100) == "[1, 2]");  // short: as toPolar()
}

TEST_CASE("A huge host argument is cut in the query's text, never in its meaning", "[api][value]") {
    polar::Polar p;
    p.loadString("last_is(x, l) if x in l;", "p.polar");
    polar::Value::List big;
    for (int k = 1; k <= 100000; ++k) big.emplace_back(k);
    std::string queryText;
    struct Capture : polar::Observer {
        std::string* text;
        explicit Capture(std::string* t) : text(t) {}
        void onQueryBegin(const polar::QueryBeginEvent& e) override { *text = std::string(e.text); }
    } capture(&queryText);
    p.addObserver(capture);
    auto q = p.queryRule("last_is", 100000, polar::Value(big));
    CHECK(q.next().has_value());
    p.removeObserver(capture);
    CHECK(queryText.size() < 5000);
    CHECK(queryText.find("…") != std::string::npos);
}

TEST_CASE("An error on a very long line shows a window around the caret", "[api][error]") {
    const std::string line = std::string(1000, 'a') + "=" + std::string(1000, 'b');
    const polar::Error e(polar::ErrorKind::Parse, "UnrecognizedToken", "bad", polar::SourceLocation{"p.polar", 1, 1001, line});
    const std::string text = e.format();
    const auto first = text.find('\n'), second = text.find('\n', first + 1);
    const std::string shown = text.substr(first + 1, second - first - 1);
    const std::string caret = text.substr(second + 1);
    CHECK(shown.size() <= 4 + 3 + 160 + 3);
    CHECK(shown.substr(0, 7) == "    ...");
    CHECK(shown.substr(shown.size() - 3) == "...");
    // The caret stands under the '=' of the window.
    REQUIRE(caret.size() <= shown.size());
    CHECK(shown[caret.size() - 1] == '=');
    CHECK(caret.back() == '^');
}

TEST_CASE("Queries reuse the stacks of the last one that ended, never one still running", "[api][stacks]") {
    polar::Polar p;
    p.loadString("f(1); f(2); f(3);\nlong(0, []);\nlong(n, [n, *t]) if n > 0 and long(n - 1, t);\n", "p.polar");
    SECTION("two queries alive at once answer independently") {
        auto a = p.query("f(x)");
        auto b = p.query("f(y)");
        CHECK(a.next()->at("x") == polar::Value(1));
        CHECK(b.next()->at("y") == polar::Value(1));
        CHECK(a.next()->at("x") == polar::Value(2));
        auto c = p.query("f(z)");  // a third, while both still run
        CHECK(c.next()->at("z") == polar::Value(1));
        CHECK(b.next()->at("y") == polar::Value(2));
    }
    SECTION("a query after a large one and after an abandoned one starts clean") {
        {
            auto big = p.query("long(100000, l)");
            REQUIRE(big.next());
        }
        {
            auto abandoned = p.query("f(x) and f(y)");
            REQUIRE(abandoned.next());  // left with choice points and bindings
        }
        std::vector<polar::Value> seen;
        auto q = p.query("f(x)");
        while (auto r = q.next()) seen.push_back(r->at("x"));
        CHECK(seen == std::vector<polar::Value>{1, 2, 3});
    }
    SECTION("a memory limit set after a large query still holds, and small queries still run") {
        polar::Value::List big;
        for (int k = 0; k < 150000; ++k) big.emplace_back(k);
        {
            // A few MiB of heap and shallow other stacks: kept as the spare.
            auto q = p.queryRule("f", polar::Value(big));
            CHECK_FALSE(q.next());
        }
        p.limits().maxHeapBytes = std::uint64_t{2} << 20;
        // Long enough for the limits to be checked; small: the spare must
        // not count against the new limit.
        CHECK(p.query("long(2000, l)").next());
        try {
            auto again = p.query("long(200000, l)");
            again.next();
            FAIL("expected the memory limit");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "RuntimeError::MemoryLimit");
        }
        CHECK(p.query("f(2)").next());
    }
    SECTION("a memory limit holds while a rule's host arguments are converted") {
        // Before the query begins: the list alone is 4.6 MiB of cells.
        polar::Value::List big;
        for (int k = 0; k < 150000; ++k) big.emplace_back(k);
        p.limits().maxHeapBytes = std::uint64_t{1} << 20;
        try {
            auto q = p.queryRule("f", polar::Value(big));
            q.next();
            FAIL("expected the memory limit");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "RuntimeError::MemoryLimit");
            CHECK_THAT(e.what(), Catch::Contains("converting the arguments"));
        }
        CHECK(p.queryRule("f", polar::Value(2)).next());
    }
}
