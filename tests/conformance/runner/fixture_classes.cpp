// fixture_classes.cpp — see fixture_classes.hpp. Keep in sync with the
// JavaScript classes in tools/regen.js: same names, constructor arguments,
// members and results.
#include "fixture_classes.hpp"

#include <algorithm>
#include <memory>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace polar::conformance {
namespace {

struct Organization {
    explicit Organization(std::string n) : name(std::move(n)) {}
    std::string name;
    // Oso's JS host compares instances with lodash's isEqual: field by field.
    bool operator==(const Organization&) const = default;
};

// Lazy ranges of the host's own (std::views would do, but clang 14 cannot
// compile libstdc++ 12's views): elements are made as Polar pulls them.
struct RoleRange {
    std::vector<polar::Value> roles;  // a copy: the range outlives no one
    struct iterator {
        using value_type = polar::Value;
        using difference_type = std::ptrdiff_t;
        const std::vector<polar::Value>* roles = nullptr;
        std::size_t i = 0;
        const polar::Value& operator*() const { return (*roles)[i]; }
        iterator& operator++() {
            ++i;
            return *this;
        }
        void operator++(int) { ++i; }
        bool operator==(const iterator& other) const { return i == other.i; }
    };
    iterator begin() const { return {&roles, 0}; }
    iterator end() const { return {&roles, roles.size()}; }
};

struct Naturals {  // 0, 1, 2, ... without end
    struct iterator {
        using value_type = long long;
        using difference_type = std::ptrdiff_t;
        long long n = 0;
        long long operator*() const { return n; }
        iterator& operator++() {
            ++n;
            return *this;
        }
        void operator++(int) { ++n; }
        bool operator==(const iterator& other) const { return n == other.n; }
    };
    iterator begin() const { return {0}; }
    iterator end() const { return {std::numeric_limits<long long>::max()}; }
};

// JS roles hold anything (Oso's own tests give a user role strings,
// {name, resource} dictionaries or numbers), so a role is any Polar value.
struct User {
    User(std::string n, std::vector<polar::Value> r) : name(std::move(n)), roles(std::move(r)) {}
    virtual ~User() = default;

    std::string name;
    std::vector<polar::Value> roles;

    bool hasRole(const polar::Value& role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
    // JS: a generator over the roles.
    RoleRange roleNames() const { return {roles}; }
    // JS: an endless generator 0, 1, 2, ...; a policy must stop pulling.
    Naturals naturals() const { return {}; }
    virtual std::string greet() const { return "hello, " + name; }
    long long add(long long a, long long b) const { return a + b; }
    std::string join3(const std::string& a, const std::string& b, const std::string& c) const {
        return a + "-" + b + "-" + c;
    }
    long long sum4(long long a, long long b, long long c, long long d) const { return a + b + c + d; }
    bool fail() const { throw std::runtime_error("fixture failure"); }

    static User create(std::string name) { return User(std::move(name), {}); }
    static std::string kind() { return "user"; }

    bool operator==(const User& other) const { return name == other.name && roles == other.roles; }
};

struct Admin : User {
    using User::User;
    std::string greet() const override { return "hello, admin " + name; }
};

// JS: org is whatever the constructor was given (usually an Organization;
// Oso's tests also pass strings and other repositories).
struct Repository {
    Repository(std::string n, polar::Value o) : name(std::move(n)), org(std::move(o)) {}
    std::string name;
    polar::Value org;
    bool operator==(const Repository&) const = default;
};

} // namespace

void registerFixtureClasses(polar::Polar& polar) {
    polar.registerClass(polar::Class<User>("User")
                            .attribute("name", &User::name)
                            .attribute("roles", &User::roles)
                            .method("hasRole", &User::hasRole)
                            .method("roleNames", &User::roleNames)
                            .method("naturals", &User::naturals)
                            .method("greet", &User::greet)
                            .method("add", &User::add)
                            .method("join3", &User::join3)
                            .method("sum4", &User::sum4)
                            .method("fail", &User::fail)
                            .classMethod("create", &User::create)
                            .classMethod("kind", &User::kind)
                            .constructor<std::string, std::vector<polar::Value>>());
    polar.registerClass(polar::Class<Admin>("Admin")
                            .base<User>("User")
                            .constructor<std::string, std::vector<polar::Value>>());
    polar.registerClass(polar::Class<Organization>("Organization")
                            .attribute("name", &Organization::name)
                            .constructor<std::string>());
    polar.registerClass(polar::Class<Repository>("Repository")
                            .attribute("name", &Repository::name)
                            .attribute("org", &Repository::org)
                            .constructor<std::string, polar::Value>());
    polar.registerConstant("ACME", polar::Value(polar::Instance::share(std::make_shared<Organization>("acme"))));
}

} // namespace polar::conformance
