// The seed's query, allow(steve, "invite", osohq), ridden three ways: live
// from the engine, from Polar AV's trace and from Oso's (the fixtures in
// tests/viewer/fixtures, README there): one tree.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <polar/polar.hpp>

#include "check.hpp"
#include "json_io.hpp"
#include "registration.hpp"
#include "viewer_tree_support.hpp"

using namespace polar::viewer;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(POLAR_TEST_DIR) / ".." / "viewer" / "fixtures";

std::string liveTree(const std::string& user, const std::string& action, const std::string& resource) {
    const github::DataSet data =
        github::readDataSet((std::filesystem::path(POLAR_GITHUB_POLICY_FILE).parent_path() / "hackathon.json").string());
    polar::Polar polar;
    github::loadPolicy(polar, POLAR_GITHUB_POLICY_FILE);
    SceneFeed feed;
    polar.addObserver(feed);
    github::checkNamed(polar, data, user, action, resource);
    return feed.tree.dump();
}

} // namespace

TEST_CASE("Seed ride: allow(steve, \"invite\", osohq) live, from our trace and from Oso's", "[viewer][trace][github]") {
    const std::string live = liveTree("steve", "invite", "osohq");
    CHECK(live ==
          "root session\n"
          "  query succeeded results=1\n"
          "    call allow #1 of 1 succeeded results=1\n"
          "      rule allow [0] succeeded results=1\n"
          "        call has_permission #2 of 1 succeeded results=1\n"
          "          rule has_permission [0] succeeded results=1\n"
          "            call has_role #3 of 1 succeeded results=1\n"
          "              rule has_role [0] succeeded results=1\n"
          "                result 1 succeeded\n");
    CHECK(treeOfTraceFile((kFixtures / "steve_invite.polar.trace").string()) == live);
    CHECK(treeOfTraceFile((kFixtures / "steve_invite.oso.trace").string()) == live);
}

TEST_CASE("Seed ride: a denied check backtracks the same way in all three", "[viewer][trace][github]") {
    const std::string live = liveTree("leina", "push", "osohq/oso");
    CHECK(live.find("backtracks=1") != std::string::npos);
    CHECK(live.find("result") == std::string::npos);
    CHECK(treeOfTraceFile((kFixtures / "leina_push.polar.trace").string()) == live);
    CHECK(treeOfTraceFile((kFixtures / "leina_push.oso.trace").string()) == live);
}
