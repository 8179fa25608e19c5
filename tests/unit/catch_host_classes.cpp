// Host classes: registration, lookups, methods of 0–4 arguments, class
// methods, `new`, inheritance and specializer order, lazy iteration, and
// every error a host call can raise. Paired with host/pets.polar.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <polar/polar.hpp>

namespace {

struct Owner {
    std::string name;
};

struct Pet {
    Pet(std::string n, int a) : name(std::move(n)), age(a) {}
    virtual ~Pet() = default;
    std::string name;
    int age;
    std::shared_ptr<Owner> owner;
    int sum0() const { return 0; }
    int sum1(int a) const { return a; }
    int sum2(int a, int b) const { return a + b; }
    int sum3(int a, int b, int c) const { return a + b + c; }
    long sum4(int a, int b, int c, long d) const { return a + b + c + d; }
    void explode() const { throw std::runtime_error("boom"); }
    static int maxAge() { return 30; }
    bool operator==(const Pet& other) const { return name == other.name; }
};

// A lazy range of the host's own: each element is made when Polar pulls it,
// and `made` counts how many were.
struct ToyRange {
    int count;
    int* made;
    struct iterator {
        using value_type = std::string;
        using difference_type = std::ptrdiff_t;
        int i = 0;
        int* made = nullptr;
        std::string operator*() const {
            ++*made;
            return "toy" + std::to_string(i);
        }
        iterator& operator++() {
            ++i;
            return *this;
        }
        void operator++(int) { ++i; }
        bool operator==(const iterator& other) const { return i == other.i; }
    };
    iterator begin() const { return {0, made}; }
    iterator end() const { return {count, made}; }
};

struct Cat : Pet {
    using Pet::Pet;
    mutable int toysMade = 0;
    ToyRange toys() const { return {3, &toysMade}; }
};

std::string sourceOf(const char* relative) {
    return std::string(POLAR_TEST_DIR) + "/" + relative;
}

polar::Polar makePolar() {
    polar::Polar p;
    p.registerClass(polar::Class<Owner>("Owner").attribute("name", &Owner::name));
    p.registerClass(polar::Class<Pet>("Pet")
                        .attribute("name", &Pet::name)
                        .attribute("age", &Pet::age)
                        .attribute("owner", [](const Pet& pet) { return pet.owner; })
                        .method("sum0", &Pet::sum0)
                        .method("sum1", &Pet::sum1)
                        .method("sum2", &Pet::sum2)
                        .method("sum3", &Pet::sum3)
                        .method("sum4", &Pet::sum4)
                        .method("explode", &Pet::explode)
                        .classMethod("maxAge", &Pet::maxAge)
                        .constructor<std::string, int>());
    p.registerClass(polar::Class<Cat>("Cat")
                        .base<Pet>("Pet")
                        .method("toys", &Cat::toys)
                        .constructor<std::string, int>());
    p.loadFile(sourceOf("host/pets.polar"));
    return p;
}

std::vector<std::string> all(polar::Polar& p, const std::string& q, const char* var) {
    std::vector<std::string> out;
    for (const auto& r : p.query(q)) out.push_back(r.at(var).toPolar());
    return out;
}

std::string errorOf(polar::Polar& p, const std::string& q) {
    try {
        p.query(q).collect();
    } catch (const polar::Error& e) {
        return e.name() + ": " + e.message();
    }
    return "no error";
}

} // namespace

TEST_CASE("Host instances answer attributes, methods and class methods", "[host]") {
    polar::Polar p = makePolar();
    auto tom = std::make_shared<Cat>("Tom", 5);
    tom->owner = std::make_shared<Owner>(Owner{"ann"});
    const polar::Value cat = polar::Instance::share(tom);
    CHECK(p.queryRule("describe", cat, polar::Value::Variable{"d"}).next().has_value());
    CHECK(p.queryRule("older", cat, 3).next().has_value());
    CHECK_FALSE(p.queryRule("older", cat, 9).next().has_value());
    auto total = p.queryRule("total", cat, 20).next();  // 0 + 1 + 3 + 6 + 10
    CHECK(total.has_value());
    CHECK(all(p, "max_age(m)", "m") == std::vector<std::string>{"30"});
    CHECK(p.queryRule("owned_by", cat, "ann").next().has_value());
    CHECK_FALSE(p.queryRule("owned_by", cat, "bob").next().has_value());
}

TEST_CASE("Inheritance: Cat matches Pet, and Cat rules come first", "[host]") {
    polar::Polar p = makePolar();
    const polar::Value cat = polar::Instance::share(std::make_shared<Cat>("Tom", 5));
    const polar::Value pet = polar::Instance::share(std::make_shared<Pet>("Rex", 7));
    std::vector<std::string> sounds;
    for (auto q = p.queryRule("sound", cat, polar::Value::Variable{"s"}); auto r = q.next();) sounds.push_back("r");
    CHECK(sounds.size() == 2);
    polar::Polar p2 = makePolar();
    p2.registerConstant("TOM", cat);
    p2.registerConstant("REX", pet);
    p2.loadString("first_sound(p, s) if sound(p, s) and cut;");
    CHECK(all(p2, "first_sound(TOM, s)", "s") == std::vector<std::string>{"\"meow\""});
    CHECK(all(p2, "first_sound(REX, s)", "s") == std::vector<std::string>{"\"...\""});
    CHECK(all(p2, "TOM matches Pet and x = 1", "x") == std::vector<std::string>{"1"});
    CHECK(all(p2, "REX matches Cat and x = 1", "x").empty());
}

TEST_CASE("new builds instances; equality uses operator==", "[host]") {
    polar::Polar p = makePolar();
    auto r = p.query("adopt(\"Kit\", c) and n = c.name and c matches Cat").next();
    REQUIRE(r);
    CHECK(r->at("n").asString() == "Kit");
    CHECK(r->at("c").isInstance());
    CHECK(r->at("c").asInstance().className() == "Cat");
    CHECK(all(p, "new Pet(\"a\", 1) = new Pet(\"a\", 2) and x = 1", "x").size() == 1);
    CHECK(all(p, "new Pet(\"a\", 1) == new Pet(\"b\", 1) and x = 1", "x").empty());
}

TEST_CASE("new constructs the built-in classes, as every Oso host does", "[host]") {
    polar::Polar p = makePolar();
    CHECK(all(p, "new Integer(1) = 1 and new String(\"foo\") = \"foo\" and x = 1", "x").size() == 1);
    CHECK(all(p, "x = new Float(2)", "x") == std::vector<std::string>{"2.0"});
    CHECK(all(p, "x = new List()", "x") == std::vector<std::string>{"[]"});
    CHECK(errorOf(p, "x = new Integer(\"a\")") == "RuntimeError::TypeError: new Integer() expects a value of class Integer, got \"a\"");
    CHECK(errorOf(p, "x = new String(1, 2)") ==
          "RuntimeError::TypeError: new String() takes at most 1 argument(s) but 2 were given");
}

TEST_CASE("in pulls lazily from a host range", "[host]") {
    polar::Polar p = makePolar();
    auto tom = std::make_shared<Cat>("Tom", 5);
    p.registerConstant("TOM", polar::Instance::share(tom));
    CHECK(all(p, "likes(TOM, t)", "t") == std::vector<std::string>{"\"toy0\"", "\"toy1\"", "\"toy2\""});
    tom->toysMade = 0;
    auto q = p.query("likes(TOM, t)");
    CHECK(q.next()->at("t").asString() == "toy0");
    CHECK(tom->toysMade == 1);  // only one element pulled so far
}

TEST_CASE("Host errors become polar errors with names and positions", "[host][error]") {
    polar::Polar p = makePolar();
    p.registerConstant("TOM", polar::Instance::share(std::make_shared<Cat>("Tom", 5)));
    CHECK(errorOf(p, "x = TOM.nope") == "RuntimeError::Application: Application error: Cat has no attribute `nope`");
    CHECK(errorOf(p, "x = TOM.nope()") == "RuntimeError::Application: Application error: Cat has no method `nope`");
    CHECK(errorOf(p, "x = TOM.sum2(1)") == "RuntimeError::TypeError: Cat.sum2() takes 2 argument(s) but 1 were given");
    CHECK(errorOf(p, "x = TOM.sum1(\"a\")").find("TypeError: Cat.sum1(): expected an integer, got \"a\"") != std::string::npos);
    CHECK(errorOf(p, "x = TOM.explode()").find("Application error: Cat.explode() raised: boom") != std::string::npos);
    CHECK(errorOf(p, "x = new Dog()") == "RuntimeError::UnregisteredClass: Unregistered class: Dog");
    CHECK(errorOf(p, "x = new Pet(1)") == "RuntimeError::TypeError: new Pet() takes 2 argument(s) but 1 were given");
    CHECK(errorOf(p, "x = Pet.nope()") == "RuntimeError::Application: Application error: class Pet has no class method `nope`");
    try {
        p.query("x = 1 and\n  y = TOM.explode()").next();
        FAIL("expected an error");
    } catch (const polar::Error& e) {
        REQUIRE(e.location());
        CHECK(e.location()->line == 2);
    }
}

TEST_CASE("Built-in methods on strings, lists and dictionaries", "[host]") {
    polar::Polar p;
    CHECK(all(p, "x = \"Hello\".lower()", "x") == std::vector<std::string>{"\"hello\""});
    CHECK(all(p, "x = \"a,b\".split(\",\")", "x") == std::vector<std::string>{"[\"a\", \"b\"]"});
    CHECK(all(p, "\"polar\".startsWith(\"po\") and x = [1, 2].len()", "x") == std::vector<std::string>{"2"});
    CHECK(all(p, "x = {a: 1, b: 2}.keys()", "x") == std::vector<std::string>{"[\"a\", \"b\"]"});
}

TEST_CASE("The authorization API: isAllowed and authorizedActions", "[host][authz]") {
    polar::Polar p = makePolar();
    p.loadString(R"(
        allow(_p: Pet, "pet", _c: Cat);
        allow(p: Pet, "feed", c: Cat) if p = c;
        allow(_p: Pet, "watch", _c: Cat);
    )");
    const polar::Value tom = polar::Instance::share(std::make_shared<Cat>("Tom", 5));
    const polar::Value rex = polar::Instance::share(std::make_shared<Pet>("Rex", 7));
    CHECK(p.isAllowed(rex, "pet", tom));
    CHECK_FALSE(p.isAllowed(rex, "feed", tom));
    CHECK_FALSE(p.isAllowed(tom, "pet", rex));  // denied by default
    CHECK(p.authorizedActions(tom, tom) == std::vector<polar::Value>{"pet", "feed", "watch"});
    CHECK(p.authorizedActions(rex, tom) == std::vector<polar::Value>{"pet", "watch"});
}
