// Resource blocks: what the conformance files (tests/conformance/resource_*.polar)
// cannot see — Oso's exact messages, the has_permission warning, the unions
// after a failed load, and the built-in rule types across several loads.
#include <catch2/catch.hpp>

#include <string>

#include <polar/polar.hpp>

#include "knowledge_base.hpp"
#include "parser.hpp"
#include "resource_blocks.hpp"

namespace {

struct Person {
    std::string name;
};
struct Team {
    std::string name;
};

polar::Polar makePolar() {
    polar::Polar p;
    p.registerClass(polar::Class<Person>("Person").attribute("name", &Person::name));
    p.registerClass(polar::Class<Team>("Team").attribute("name", &Team::name));
    return p;
}

std::string loadError(polar::Polar& p, const std::string& policy) {
    try {
        p.loadString(policy);
    } catch (const polar::Error& e) {
        return e.name() + ": " + e.message();
    }
    return "loaded";
}

bool hasWarning(const polar::Polar& p, const std::string& kind) {
    for (const auto& w : p.warnings())
        if (w.kind == kind) return true;
    return false;
}

} // namespace

TEST_CASE("resource block errors carry Oso's messages", "[resource-blocks]") {
    polar::Polar p = makePolar();
    SECTION("an undeclared term") {
        CHECK(loadError(p, R"(resource Team { roles = ["member"]; "member" if "owner"; })") ==
              "ValidationError::ResourceBlock: Undeclared term \"owner\" referenced in rule in 'Team' resource "
              "block. Did you mean to declare it as a role, permission, or relation?");
    }
    SECTION("a word other than `on`") {
        CHECK(loadError(p, R"(resource Team { roles = ["a", "b"]; relations = {p: Team}; "a" if "b" onn "p"; })") ==
              "ValidationError::ResourceBlock: Unexpected relation keyword 'onn'. Did you mean 'on'?");
    }
    SECTION("a relation to a class without a block") {
        CHECK(loadError(p, R"(resource Team { roles = ["a"]; relations = {p: Person}; "a" if "b" on "p"; })") ==
              "ValidationError::ResourceBlock: Team: Relation \"p\" in rule body `\"b\" on \"p\"` has type "
              "'Person', but no such resource block exists. Try declaring one: `resource Person {}`");
    }
    SECTION("a string declared twice") {
        CHECK(loadError(p, R"(resource Team { roles = ["a"]; permissions = ["a"]; })") ==
              "ValidationError::DuplicateResourceBlockDeclaration: Cannot overwrite existing role declaration "
              "\"a\" in resource Team with permission");
    }
    SECTION("a required has_relation rule") {
        CHECK(loadError(p, R"(actor Person {} resource Team { roles = ["a"]; relations = {boss: Person};
                              "a" if "boss"; })") ==
              "ValidationError::MissingRequiredRule: Missing implementation for required rule "
              "has_relation(subject: Person{}, \"boss\", object: Team{});");
    }
    SECTION("a has_role rule for a class outside the Actor union") {
        const std::string error = loadError(p, R"(resource Team { roles = ["a"]; }
                                                   has_role(_p: Person, "a", _t: Team);)");
        CHECK(error.find("Rule specializer Person on parameter 1 must be a member of rule type specializer Actor") !=
              std::string::npos);
        CHECK(error.find("actor Person {}") != std::string::npos);
        CHECK(error.find("has_role(actor: Actor{}, role: String{}, resource: Resource{});") != std::string::npos);
    }
}

TEST_CASE("Oso warns when resource blocks meet no has_permission call", "[resource-blocks]") {
    polar::Polar p = makePolar();
    SECTION("no call anywhere") {
        p.loadString("resource Team {}");
        CHECK(hasWarning(p, "MissingHasPermissionRule"));
    }
    SECTION("an allow rule calls it") {
        p.loadString("actor Person {}\nresource Team {}\nhas_permission(_p: Person, \"read\", _t: Team);\n"
                     "allow(a, b, c) if has_permission(a, b, c);");
        CHECK_FALSE(hasWarning(p, "MissingHasPermissionRule"));
    }
    SECTION("a shorthand rule between permissions calls it") {
        p.loadString(R"(resource Team { permissions = ["read", "write"]; "read" if "write"; })");
        CHECK_FALSE(hasWarning(p, "MissingHasPermissionRule"));
    }
}

TEST_CASE("the unions come with blocks and go with a failed load", "[resource-blocks]") {
    polar::Polar p = makePolar();
    p.loadString("actor Person {}");
    const polar::Value person(polar::Instance::share(std::make_shared<Person>(Person{"ann"})));
    const polar::Value team(polar::Instance::share(std::make_shared<Team>(Team{"core"})));
    p.loadString("is_actor(_x: Actor);\nis_resource(_x: Resource);");
    CHECK(p.queryRule("is_actor", person).next());
    CHECK(p.queryRule("is_resource", person).next());  // actors are resources too
    CHECK_FALSE(p.queryRule("is_actor", team).next());

    // This load fails after its blocks were read: Team must not stay an actor.
    CHECK(loadError(p, R"(actor Team {} resource Team { roles = ["x"]; "x" if "y"; })") !=
          "loaded");
    CHECK_FALSE(p.queryRule("is_actor", team).next());
    CHECK_FALSE(p.queryRule("is_resource", team).next());
}

TEST_CASE("Oso's built-in rule types are there once, whatever the loads", "[resource-blocks]") {
    polar::Polar p = makePolar();
    p.loadString("f(1);");
    p.loadString("g(1);");
    const std::string error = loadError(p, "allow(_a, _b);");
    CHECK(error.rfind("ValidationError::InvalidRule", 0) == 0);
    const std::string type = "allow(actor, _action, resource);";
    const auto first = error.find(type);
    REQUIRE(first != std::string::npos);
    CHECK(error.find(type, first + 1) == std::string::npos);

    // Without blocks, Actor and Resource are empty unions, not unknown classes.
    CHECK_FALSE(p.query("1 matches Actor").next());
}

TEST_CASE("generated rules read as Oso prints them", "[resource-blocks]") {
    polar::Polar p = makePolar();
    polar::detail::KnowledgeBase& kb = p.knowledgeBase();
    const std::string policy = R"(actor Person {}
resource Team {
  roles = ["owner", "member"];
  permissions = ["read"];
  relations = {parent: Team, lead: Person};
  "read" if "member";
  "member" if "owner" on "parent";
  "owner" if "lead";
})";
    const polar::detail::PolicyAst ast = polar::detail::Parser(policy).parsePolicy();
    const std::uint32_t source = kb.addSource("<test>", policy);
    const auto blocks = polar::detail::expandResourceBlocks(kb, ast.resourceBlocks, source);
    REQUIRE(blocks.rules.size() == 3);
    CHECK(polar::detail::generatedRuleText(blocks.rules[0], false) ==
          R"(has_permission(actor: Actor{}, "read", team: Team{}) if has_role(actor, "member", team);)");
    CHECK(polar::detail::generatedRuleText(blocks.rules[1], false) ==
          R"(has_role(actor: Actor{}, "member", team: Team{}) if has_relation(related_team, "parent", team) and )"
          R"(has_role(actor, "owner", related_team);)");
    CHECK(polar::detail::generatedRuleText(blocks.rules[2], true) == R"(has_role(actor: Actor{}, "owner", team: Team{}))");
    CHECK(polar::detail::generatedRuleText(blocks.rules[2], false) ==
          R"(has_role(actor: Actor{}, "owner", team: Team{}) if has_relation(actor, "lead", team);)");
    // The shorthand line is where the rule comes from.
    CHECK(policy.substr(blocks.rules[1].start, blocks.rules[1].end - blocks.rules[1].start) ==
          R"("member" if "owner" on "parent";)");
}
