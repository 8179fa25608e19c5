// catch_oscquery_limits.cpp — the connection cap, DNS-SD that must fail
// quietly where no avahi-daemon runs, and the senders' /polar/... namespace
// (polarOutputNamespace, outputServerOptions).
//
// The cap is checked without timing: the server accepts connections one
// at a time, in the order they arrived, so once 64 are open the 65th is
// refused; after one closes, the test retries (a bounded number of times)
// until the server has seen the close and answers again.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <thread>

#include "oscquery_test_support.hpp"
#include "polar/osc/address_space.hpp"
#include "polar/osc/oscquery.hpp"

using namespace polar::oscquery;

namespace {

ServerOptions quiet() {
    ServerOptions options;
    options.advertise = false;
    return options;
}

} // namespace

TEST_CASE("OSCQuery: at most 64 connections at once", "[oscquery]") {
    Server server(quiet(), polarOutputNamespace());
    test::asio::io_context io;
    std::vector<std::unique_ptr<test::tcp::socket>> idle;
    for (int i = 0; i < 64; ++i) {
        idle.push_back(std::make_unique<test::tcp::socket>(io));
        idle.back()->connect(test::local(server.port()));
    }
    // The 65th is closed without an answer.
    CHECK(test::rawExchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").empty());
    CHECK(server.stats().refused >= 1);

    idle.front()->close();
    unsigned status = 0;
    for (int attempt = 0; attempt < 1000 && status != 200; ++attempt) {
        status = test::httpGet(server.port(), "/?HOST_INFO").status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(status == 200);
}

TEST_CASE("OSCQuery: advertising never throws or blocks without avahi-daemon", "[oscquery]") {
    ServerOptions options;
    options.name = "polar-test-advertise";
    options.oscPort = 9000;
    Server server(options, polarOutputNamespace());
    const std::string status = server.advertiseStatus();
    INFO(status);
    // Here (no daemon): "not advertised: no avahi-daemon (...)"; a build
    // without Avahi says so; on a desktop with a daemon: "advertised as ...".
    CHECK(status.find("advertised") != std::string::npos);
    CHECK(test::httpGet(server.port(), "/polar/depth?TYPE").body == R"({"TYPE":"if"})");
}

TEST_CASE("OSCQuery: the senders' /polar/... namespace", "[oscquery]") {
    const std::vector<Node> nodes = polarOutputNamespace();
    namespace a = polar::osc::address;
    const std::vector<std::string> expected{a::kHello,  a::kQueryBegin, a::kQueryEnd,   a::kRule,
                                            a::kDepth,  a::kBranch,     a::kBacktrack,  a::kResult,
                                            a::kError,  a::kStats,      a::kPolicyLoaded, a::kPolicyError,
                                            a::kRuleEnter};
    REQUIRE(nodes.size() == expected.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        CHECK(nodes[i].path == expected[i]);
        CHECK(nodes[i].access == kNoAccess);
        CHECK_FALSE(nodes[i].type.empty());
        CHECK_FALSE(nodes[i].value);
        CHECK(nodes[i].description.rfind("output stream", 0) == 0);
    }
    CHECK(nodes[4].type == "if");
    CHECK(nodes[12].type == "siiiii");

    SECTION("HOST_INFO from the first destination") {
        ServerOptions loop = outputServerOptions("polar", 0, "127.0.0.1:9000");
        CHECK(loop.name == "polar");
        CHECK(loop.oscPort == 9000);
        CHECK(loop.oscIp.empty());
        CHECK(outputServerOptions("polar", 0, "[::1]:9001").oscPort == 9001);
        CHECK(outputServerOptions("polar", 0, "[::1]:9001").oscIp.empty());
        ServerOptions far = outputServerOptions("polar-github", 5678, "10.0.0.5:57120");
        CHECK(far.httpPort == 5678);
        CHECK(far.oscPort == 57120);
        CHECK(far.oscIp == "10.0.0.5");
        CHECK(outputServerOptions("polar", 0, "host:99999").oscPort == 0);
    }
}
