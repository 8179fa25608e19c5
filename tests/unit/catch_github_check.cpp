// polar-github's --data reader and --check (examples/github/json_io.*,
// check.*): what the writer writes reads back as the same data set, a
// broken file is an error naming what is wrong (never a crash), and the
// seed's query allow(steve, "invite", osohq) is allowed on hackathon.json.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <polar/polar.hpp>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "dataset.hpp"
#include "json_io.hpp"
#include "registration.hpp"

namespace {

namespace fs = std::filesystem;

// hackathon.json sits next to github.polar.
const std::string kHackathonFile =
    (fs::path(POLAR_GITHUB_POLICY_FILE).parent_path() / "hackathon.json").string();

// A file name of this process's own, removed when the test ends.
struct TempFile {
    fs::path path =
        fs::temp_directory_path() / ("polar_github_check_" + std::to_string(::getpid()) + ".json");
    ~TempFile() {
        std::error_code ignored;
        fs::remove(path, ignored);
    }
};

// The message parseDataSet throws for `text`, or "" when it reads.
std::string errorOf(const std::string& text) {
    try {
        github::parseDataSet(text, "in.json");
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

} // namespace

TEST_CASE("A written data set reads back the same", "[github]") {
    const github::DataSetOptions options{40, 4, 12, 5, 7};
    const github::DataSet written = github::generateDataSet(options);
    TempFile file;
    github::writeDataSet(file.path.string(), written, options);
    const github::DataSet read = github::readDataSet(file.path.string());

    CHECK(read.orgs == written.orgs);
    CHECK(read.users.size() == written.users.size());
    for (std::size_t i = 0; i < read.users.size() && i < written.users.size(); ++i) {
        CHECK(read.users[i].orgRoles == written.users[i].orgRoles);
        CHECK(read.users[i].repoRoles == written.users[i].repoRoles);
    }
    REQUIRE(read.repos.size() == written.repos.size());
    for (std::size_t i = 0; i < read.repos.size(); ++i) {
        CHECK(read.repos[i].name == written.repos[i].name);
        // Points into the data set read, not anywhere else.
        const auto org = static_cast<std::size_t>(written.repos[i].org - written.orgs.data());
        CHECK(read.repos[i].org == &read.orgs[org]);
    }
}

TEST_CASE("A broken data set is an error naming what is wrong", "[github]") {
    const std::string ok =
        R"({"organizations": [{"name": "o"}], "repositories": [{"name": "o/r", "org": "o"}],
                               "users": [{"name": "u", "orgRoles": [], "repoRoles": []}]})";
    CHECK(errorOf(ok).empty());
    CHECK(errorOf("") == "in.json: empty file");
    CHECK(errorOf("{").find("not valid JSON") != std::string::npos);
    CHECK(errorOf("[]") == "in.json: expected an object at the top");
    CHECK(errorOf(R"({"organizations": []})") == "in.json: missing field \"repositories\"");
    CHECK(errorOf(R"({"organizations": {}, "repositories": [], "users": []})") ==
          "in.json: /organizations: expected an array");
    CHECK(errorOf(R"({"organizations": [{"name": 3}], "repositories": [], "users": []})") ==
          "in.json: /organizations/0/name: expected a string");
    CHECK(
        errorOf(
            R"({"organizations": [{"name": "o"}, {"name": "o"}], "repositories": [], "users": []})") ==
        "in.json: /organizations/1/name: duplicate name \"o\"");
    CHECK(
        errorOf(
            R"({"organizations": [], "repositories": [{"name": "x/r", "org": "x"}], "users": []})") ==
        "in.json: /repositories/0/org: no organization named \"x\"");
    CHECK(errorOf(R"({"organizations": [], "repositories": [],
                      "users": [{"name": "u", "orgRoles": [{"role": "owner", "orgName": "x"}], "repoRoles": []}]})") ==
          "in.json: /users/0/orgRoles/0: no organization named \"x\"");
    CHECK(
        errorOf(
            R"({"organizations": [], "repositories": [], "users": [{"name": "u", "orgRoles": []}]})") ==
        "in.json: /users/0: missing field \"repoRoles\"");
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK(errorOf(deep) == "in.json: expected an object at the top");
    CHECK(errorOf(R"({"users": )" + deep + "}") == "in.json: nested deeper than 16");
    CHECK(errorOf(R"({"organizations": [], "repositories": [], "users": [7]})") ==
          "in.json: /users/0: expected an object");
    CHECK_THROWS_AS(github::readDataSet("/nonexistent/data.json"), std::runtime_error);
}

TEST_CASE("Sections may come in any order, and unknown ones are skipped", "[github]") {
    const github::DataSet data = github::parseDataSet(
        R"({"users": [{"name": "u", "orgRoles": [{"role": "owner", "orgName": "o"}],
                       "repoRoles": [{"role": "reader", "repoName": "o/r"}]}],
            "repositories": [{"name": "o/r", "org": "o"}], "extra": {"a": [1, {"b": null}]},
            "organizations": [{"name": "p"}, {"name": "o"}]})",
        "in.json");
    REQUIRE(data.repos.size() == 1);
    CHECK(data.repos[0].org == &data.orgs[1]);
    CHECK(data.users[0].repoRoles[0].repoName == "o/r");
}

TEST_CASE("One named check: the seed's query on hackathon.json", "[github]") {
    const github::DataSet data = github::readDataSet(kHackathonFile);
    polar::Polar polar;
    github::loadPolicy(polar, POLAR_GITHUB_POLICY_FILE);

    CHECK(github::checkNamed(polar, data, "steve", "invite", "osohq"));
    CHECK(github::checkNamed(polar, data, "steve", "push", "osohq/oso")); // owner of the parent
    CHECK(github::checkNamed(polar, data, "leina", "pull", "osohq/oso")); // member of the parent
    CHECK_FALSE(github::checkNamed(polar, data, "leina", "push", "osohq/oso"));
    CHECK_FALSE(github::checkNamed(polar, data, "leina", "invite", "osohq"));
    CHECK_THROWS_AS(github::checkNamed(polar, data, "bob", "invite", "osohq"),
                    std::invalid_argument);
    CHECK_THROWS_AS(github::checkNamed(polar, data, "steve", "invite", "acme"),
                    std::invalid_argument);
}
