// The embedding API as a host writes it: queryRule answers for its variable
// arguments, host objects and plain C++ values passed without wrapping,
// query(text, bindings) and Oso's authorize(). Expectations marked "Oso"
// were checked against npm oso@0.27.3. Paired with host/documents.polar.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <polar/polar.hpp>

#include "host/documents_model.hpp"

namespace {

using documents::Document;
using documents::makePolar;
using documents::Member;
using documents::User;

std::vector<std::string> answers(polar::Query query) {
    std::vector<std::string> out;
    for (const polar::Bindings& b : query) out.push_back(b.toJson());
    return out;
}

using Strings = std::vector<std::string>;
const polar::Value::Variable x{"x"}, y{"y"}, z{"z"};

} // namespace

TEST_CASE("queryRule answers with the bindings of its variable arguments", "[api][queryRule]") {
    polar::Polar p = makePolar();
    SECTION("a variable argument, as query(\"f(x)\") and Oso's query_rule") {
        CHECK(answers(p.queryRule("f", x)) == Strings{R"({"x":1})", R"({"x":2})"});
        CHECK(answers(p.queryRule("f", x)) == answers(p.query("f(x)")));
    }
    SECTION("variables inside list and dictionary arguments (Oso: {x:1, y:2})") {
        CHECK(answers(p.queryRule("pair", polar::Value::List{x, y}, polar::Value::Dict{{"a", z}})) ==
              Strings{R"({"x":1,"y":2,"z":3})"});
        CHECK(answers(p.queryRule("pair", polar::Value::List{x, 3}, polar::Value::Dict{{"a", z}})).empty());
    }
    SECTION("one name is one variable") {
        CHECK(answers(p.queryRule("same", x, x)) == Strings{R"({"x":1})"});
    }
    SECTION("an underscore variable is bound but not shown (Oso: {} twice)") {
        CHECK(answers(p.queryRule("f", polar::Value::Variable{"_x"})) == Strings{"{}", "{}"});
    }
}

TEST_CASE("Host objects and plain values are arguments as they are", "[api][arguments]") {
    polar::Polar p = makePolar();
    auto owner = std::make_shared<User>("ann");
    User reader("reader");
    const User stranger("bob");
    Document doc{"ann"};
    SECTION("shared_ptr, reference, const reference, pointer and temporary") {
        CHECK(p.isAllowed(owner, "edit", doc));
        CHECK(p.isAllowed(reader, "read", &doc));
        CHECK_FALSE(p.isAllowed(reader, "edit", std::make_shared<Document>(doc)));
        CHECK_FALSE(p.isAllowed(stranger, "read", doc));
        CHECK(p.isAllowed(&stranger, std::string("read"), Document{"bob"}));
        CHECK(p.isAllowed(User("ann"), std::string_view("edit"), doc));
        CHECK(p.isAllowed(polar::Value(polar::Instance::borrow(reader)), polar::Value("read"), doc));
    }
    SECTION("authorizedActions and queryRule take them too") {
        CHECK(p.authorizedActions(*owner, &doc) == std::vector<polar::Value>{"read", "edit"});
        CHECK(p.authorizedActions(reader, std::make_shared<const Document>(doc)) == std::vector<polar::Value>{"read"});
        CHECK(answers(p.queryRule("named", owner, polar::Value::Variable{"n"})) == Strings{R"({"n":"ann"})"});
        CHECK(answers(p.queryRule("named", &stranger, polar::Value::Variable{"n"})) == Strings{R"({"n":"bob"})"});
    }
    SECTION("a reference is borrowed: the query sees the object, not a copy") {
        User user("before");
        auto query = p.queryRule("named", user, polar::Value::Variable{"n"});
        user.name = "after";  // `user` must outlive `query`
        CHECK(query.next()->at("n").asString() == "after");
    }
    SECTION("strings, numbers, containers and null pointers") {
        const char* hi = "hi";
        CHECK(p.queryRule("greet", "hi", 3).next());
        CHECK(p.queryRule("greet", hi, 3L).next());
        CHECK(p.queryRule("greet", std::string("hi"), std::size_t{3}).next());
        CHECK(p.queryRule("greet", std::string_view("hi"), short{3}).next());
        CHECK_FALSE(p.queryRule("greet", "hi", 4).next());
        CHECK(p.queryRule("pair", std::vector<int>{1, 2}, std::map<std::string, long>{{"a", 3}}).next());
        CHECK(p.queryRule("is_nil", static_cast<User*>(nullptr)).next());
        CHECK(p.queryRule("is_nil", static_cast<const char*>(nullptr)).next());
        CHECK_FALSE(p.queryRule("is_nil", &reader).next());
    }
}

TEST_CASE("query(text, bindings) binds named variables first", "[api][query]") {
    polar::Polar p = makePolar();
    User ann("ann");
    Document doc{"ann"};
    SECTION("host objects: the bound variables are in every answer (Oso)") {
        auto all = p.query("allow(u, action, d)", {{"u", ann}, {"d", doc}}).collect();
        REQUIRE(all.size() == 2);
        CHECK(all[0].at("action") == "read");
        CHECK(all[1].at("action") == "edit");
        CHECK(all[0].at("u").asInstance().get<User>() == &ann);  // borrowed, not copied
        CHECK(all[0].at("d").asInstance().className() == "Document");
    }
    SECTION("plain values (Oso: f(x) with x = 1 gives {x:1}, with x = 3 nothing)") {
        CHECK(answers(p.query("f(x)", {{"x", 1}})) == Strings{R"({"x":1})"});
        CHECK(answers(p.query("f(x)", {{"x", 3}})).empty());
        CHECK(answers(p.query("f(x) and f(y)", {{"x", 2}})) == Strings{R"({"x":2,"y":1})", R"({"x":2,"y":2})"});
    }
    SECTION("a bound name the text does not use still shows (Oso)") {
        CHECK(answers(p.query("f(y)", {{"x", "five"}})) == Strings{R"({"y":1,"x":"five"})", R"({"y":2,"x":"five"})"});
    }
    SECTION("the Bindings overload") {
        polar::Bindings bindings;
        bindings.set("x", 2);
        CHECK(answers(p.query("f(x)", bindings)) == Strings{R"({"x":2})"});
    }
}
