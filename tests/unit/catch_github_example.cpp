// The GitHub example (examples/github): its classes, registration and
// policy on a small hand-made data set whose answers can be worked out by
// hand. Paired with examples/github/github.polar, loaded from the file.
#include <catch2/catch.hpp>
#include <fstream>
#include <polar/polar.hpp>
#include <set>
#include <sstream>
#include <string>

#include "bundled_policy.hpp"
#include "dataset.hpp"
#include "registration.hpp"
#include "workload.hpp"

namespace {

// acme holds anvil and rocket, globex holds plan.
//   alice  owner of acme             carol  member of acme
//   bob    reader of acme/anvil      dave   writer of globex/plan
//   eve    no role anywhere
github::DataSet handMadeData() {
    github::DataSet data;
    data.orgs = {{"acme"}, {"globex"}};
    data.repos = {{"acme/anvil", &data.orgs[0]},
                  {"acme/rocket", &data.orgs[0]},
                  {"globex/plan", &data.orgs[1]}};
    data.users = {{"alice", {{"owner", "acme"}}, {}},
                  {"bob", {}, {{"reader", "acme/anvil"}}},
                  {"carol", {{"member", "acme"}}, {}},
                  {"dave", {}, {{"writer", "globex/plan"}}},
                  {"eve", {}, {}}};
    return data; // moving the vectors keeps the organizations where they are
}

struct GithubFixture {
    github::DataSet data = handMadeData();
    polar::Polar polar;

    GithubFixture() { github::loadPolicy(polar, POLAR_GITHUB_POLICY_FILE); }

    polar::Value resource(const std::string& name) const {
        if (const github::Repository* repo = data.findRepo(name)) return polar::hostArgument(*repo);
        const github::Organization* org = data.findOrg(name);
        REQUIRE(org);
        return polar::hostArgument(*org);
    }
    polar::Value user(const std::string& name) const {
        const github::User* found = data.findUser(name);
        REQUIRE(found);
        return polar::hostArgument(*found);
    }
    bool allowed(const std::string& who, const std::string& action, const std::string& what) {
        return polar.isAllowed(user(who), action, resource(what));
    }
    std::set<std::string> actions(const std::string& who, const std::string& what) {
        std::set<std::string> names;
        for (const polar::Value& action : polar.authorizedActions(user(who), resource(what))) {
            CHECK(names.insert(action.asString()).second); // no duplicates
        }
        return names;
    }
};

using Actions = std::set<std::string>;

} // namespace

TEST_CASE_METHOD(GithubFixture, "An organization owner can invite and push to its repositories",
                 "[example][github]") {
    CHECK(allowed("alice", "invite", "acme"));
    CHECK(allowed("alice", "create_repo", "acme"));
    CHECK(allowed("alice", "push", "acme/anvil"));
    CHECK(allowed("alice", "pull", "acme/rocket"));
    SECTION("but not in another organization") {
        CHECK_FALSE(allowed("alice", "invite", "globex"));
        CHECK_FALSE(allowed("alice", "push", "globex/plan"));
    }
}

TEST_CASE_METHOD(GithubFixture, "A repository reader can pull but not push", "[example][github]") {
    CHECK(allowed("bob", "pull", "acme/anvil"));
    CHECK_FALSE(allowed("bob", "push", "acme/anvil"));
    CHECK_FALSE(allowed("bob", "pull", "acme/rocket"));
    CHECK_FALSE(allowed("bob", "invite", "acme"));
    SECTION("an organization member reads every repository of it") {
        CHECK(allowed("carol", "pull", "acme/rocket"));
        CHECK_FALSE(allowed("carol", "push", "acme/rocket"));
        CHECK(allowed("carol", "create_repo", "acme"));
        CHECK_FALSE(allowed("carol", "invite", "acme"));
    }
    SECTION("a repository writer also reads it") {
        CHECK(allowed("dave", "push", "globex/plan"));
        CHECK(allowed("dave", "pull", "globex/plan"));
        CHECK_FALSE(allowed("dave", "create_repo", "globex"));
    }
}

TEST_CASE_METHOD(GithubFixture, "A stranger is denied everything", "[example][github]") {
    for (const char* action : {"pull", "push", "invite", "create_repo", "delete"}) {
        for (const char* what : {"acme", "globex", "acme/anvil", "acme/rocket", "globex/plan"}) {
            INFO(action << " on " << what);
            CHECK_FALSE(allowed("eve", action, what));
        }
    }
}

TEST_CASE_METHOD(GithubFixture, "authorizedActions lists exactly the granted actions",
                 "[example][github]") {
    CHECK(actions("alice", "acme") == Actions{"create_repo", "invite"});
    CHECK(actions("alice", "acme/anvil") == Actions{"pull", "push"});
    CHECK(actions("bob", "acme/anvil") == Actions{"pull"});
    CHECK(actions("bob", "acme") == Actions{});
    CHECK(actions("carol", "acme") == Actions{"create_repo"});
    CHECK(actions("carol", "acme/rocket") == Actions{"pull"});
    CHECK(actions("dave", "globex/plan") == Actions{"pull", "push"});
    CHECK(actions("eve", "acme/anvil") == Actions{});
}

TEST_CASE("The bundled policy is github.polar, byte for byte", "[example][github]") {
    std::ifstream file(POLAR_GITHUB_POLICY_FILE);
    std::stringstream text;
    text << file.rdbuf();
    CHECK(text.str() == github::bundledPolicy());
}

TEST_CASE("The generated data set and workload depend only on their seed", "[example][github]") {
    auto names = [](std::uint64_t seed) {
        github::DataSet data = github::generateDataSet({20, 3, 9, 4, seed});
        github::Workload workload(data, github::parseMix(github::kDefaultMix), seed);
        std::string out;
        for (const github::User& user : data.users) {
            for (const auto& role : user.orgRoles)
                out += user.name + role.role + role.orgName + ";";
            for (const auto& role : user.repoRoles)
                out += user.name + role.role + role.repoName + ";";
        }
        for (int i = 0; i < 50; ++i) out += github::describe(data, workload.next()) + ";";
        return out;
    };
    CHECK(names(1) == names(1));
    CHECK(names(1) != names(2));
    SECTION("repositories belong to organization i % orgs") {
        github::DataSet data = github::generateDataSet({0, 3, 7, 0, 1});
        CHECK(data.repos[4].name == "org1/repo4");
        CHECK(data.repos[4].org == &data.orgs[1]);
    }
}

TEST_CASE("A mix is action:weight pairs", "[example][github]") {
    github::Mix mix = github::parseMix("pull:3,invite:1");
    REQUIRE(mix.size() == 2);
    CHECK(mix[1].action == "invite");
    CHECK(mix[1].weight == 1);
    CHECK(github::resourceKindOf("invite") == github::ResourceKind::Organization);
    CHECK(github::resourceKindOf("delete") == github::ResourceKind::Repository);
    for (const char* bad : {"pull", "pull:", "pull:x", ":3", "pull:0", "pull:-1"}) {
        INFO(bad);
        CHECK_THROWS_AS(github::parseMix(bad), std::invalid_argument);
    }
}

TEST_CASE("polar-github --measure actions decides as isAllowed does, through authorizedActions", "[example][github]") {
    polar::Polar polar;
    github::loadPolicy(polar, POLAR_GITHUB_POLICY_FILE);
    const github::DataSet data = github::generateDataSet({40, 4, 12, 3, 7});
    github::Workload workload(data, github::parseMix(github::kDefaultMix), 7);
    int allowed = 0;
    for (int i = 0; i < 300; ++i) {
        const github::Check check = workload.next();
        INFO(github::describe(data, check));
        const bool decision = github::decide(polar, data, check);
        CHECK(github::decideByActions(polar, data, check) == decision);
        allowed += decision;
    }
    CHECK(allowed > 0);    // both answers occur, so agreeing means something
    CHECK(allowed < 300);
}
