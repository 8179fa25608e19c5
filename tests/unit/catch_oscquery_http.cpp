// catch_oscquery_http.cpp — polar_oscquery's HTTP side, with a real server
// on a free port and a Beast client: the tree and its attributes as the
// proposal spells them, HOST_INFO, the status codes, and hostile requests
// (a 1 MB header, garbage) answered with an error while the server keeps
// answering everyone else.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "oscquery_test_support.hpp"
#include "polar/osc/oscquery.hpp"

using namespace polar::oscquery;
using nlohmann::json;
using test::httpGet;

namespace {

std::vector<Node> viewerNodes() {
    Node zoom{"/viewer/zoom", "f", kReadWrite, "zoom factor", 0.25, 8.0, {}, "", 1.0f};
    Node theme{"/viewer/theme", "s", kReadWrite, "colour theme", {}, {}, {"ink", "neon"}, "", std::string("ink")};
    Node tempo{"/viewer/tempo", "f", kReadWrite, "beats per minute", 20.0, 300.0, {}, "bpm", 120.0f};
    Node hidden{"/viewer/secret", "i", kWrite, "write-only", {}, {}, {}, "", 7};
    return {zoom, theme, tempo, hidden};
}

ServerOptions testOptions() {
    ServerOptions options;
    options.name = "polar-test";
    options.oscPort = 9123;
    options.advertise = false;
    return options;
}

Node method(std::string path) {
    Node node;
    node.path = std::move(path);
    node.type = "f";
    return node;
}

json getJson(std::uint16_t port, const std::string& target) {
    test::HttpReply reply = httpGet(port, target);
    INFO(target << ": " << reply.error);
    REQUIRE(reply.status == 200);
    CHECK(reply.contentType == "application/json");
    return json::parse(reply.body);
}

} // namespace

TEST_CASE("OSCQuery: GET / describes the whole tree", "[oscquery]") {
    Server server(testOptions(), viewerNodes());
    REQUIRE(server.port() != 0);
    const json root = getJson(server.port(), "/");
    CHECK(root["FULL_PATH"] == "/");
    CHECK(root.contains("DESCRIPTION"));
    const json& viewer = root["CONTENTS"]["viewer"];
    CHECK(viewer["FULL_PATH"] == "/viewer");
    const json& zoom = viewer["CONTENTS"]["zoom"];
    CHECK(zoom["FULL_PATH"] == "/viewer/zoom");
    CHECK(zoom["TYPE"] == "f");
    CHECK(zoom["ACCESS"] == 3);
    CHECK(zoom["VALUE"] == json::array({1.0}));
    CHECK(zoom["RANGE"] == json::parse(R"([{"MIN":0.25,"MAX":8.0}])"));
    CHECK(zoom["DESCRIPTION"] == "zoom factor");
    CHECK_FALSE(zoom.contains("UNIT"));
    CHECK(viewer["CONTENTS"]["theme"]["RANGE"] == json::parse(R"([{"VALS":["ink","neon"]}])"));
    CHECK(viewer["CONTENTS"]["tempo"]["UNIT"] == json::array({"bpm"}));
    CHECK_FALSE(viewer["CONTENTS"]["secret"].contains("VALUE")); // not readable

    SECTION("a subtree, with or without a trailing slash") {
        CHECK(getJson(server.port(), "/viewer/zoom") == zoom);
        CHECK(getJson(server.port(), "/viewer/") == viewer);
    }
}

TEST_CASE("OSCQuery: one attribute, and the status codes", "[oscquery]") {
    Server server(testOptions(), viewerNodes());
    const std::uint16_t port = server.port();
    CHECK(getJson(port, "/viewer/zoom?VALUE") == json::parse(R"({"VALUE":[1.0]})"));
    CHECK(getJson(port, "/viewer/zoom?TYPE") == json::parse(R"({"TYPE":"f"})"));
    CHECK(getJson(port, "/viewer/zoom?ACCESS") == json::parse(R"({"ACCESS":3})"));
    CHECK(getJson(port, "/viewer/zoom?DESCRIPTION") == json::parse(R"({"DESCRIPTION":"zoom factor"})"));
    CHECK(getJson(port, "/viewer/zoom?RANGE") == json::parse(R"({"RANGE":[{"MIN":0.25,"MAX":8.0}]})"));

    SECTION("setValue is read back") {
        server.setValue("/viewer/zoom", 2.5f);
        server.setValue("/viewer/theme", std::string("neon"));
        server.setValue("/viewer/none", 1); // unknown: ignored
        CHECK(getJson(port, "/viewer/zoom?VALUE") == json::parse(R"({"VALUE":[2.5]})"));
        CHECK(getJson(port, "/viewer/theme?VALUE") == json::parse(R"({"VALUE":["neon"]})"));
        server.setValue("/viewer/zoom", 0.1f);
        CHECK(getJson(port, "/viewer/zoom?VALUE") == json::parse(R"({"VALUE":[0.1]})"));
    }
    SECTION("percent-escapes are decoded") {
        CHECK(getJson(port, "/viewer/%7Aoom?VALUE") == json::parse(R"({"VALUE":[1.0]})"));
    }
    SECTION("404 for an unknown path") {
        CHECK(httpGet(port, "/viewer/nothing").status == 404);
        CHECK(httpGet(port, "/nothing?VALUE").status == 404);
    }
    SECTION("400 for an unknown attribute, 204 for one the node lacks") {
        CHECK(httpGet(port, "/viewer/zoom?COLOUR").status == 400);
        CHECK(httpGet(port, "/viewer/zoom?UNIT").status == 204);
        CHECK(httpGet(port, "/viewer/secret?VALUE").status == 204); // ACCESS 2
        CHECK(httpGet(port, "/viewer?TYPE").status == 204);         // a container
    }
}

TEST_CASE("OSCQuery: HOST_INFO", "[oscquery]") {
    ServerOptions options = testOptions();
    options.oscIp = "192.0.2.7";
    Server server(options, viewerNodes());
    const json info = getJson(server.port(), "/?HOST_INFO");
    CHECK(info["NAME"] == "polar-test");
    CHECK(info["OSC_PORT"] == 9123);
    CHECK(info["OSC_IP"] == "192.0.2.7");
    CHECK(info["OSC_TRANSPORT"] == "UDP");
    CHECK(info["EXTENSIONS"]["LISTEN"] == true);
    CHECK(info["EXTENSIONS"]["UNIT"] == true);
    CHECK(info["EXTENSIONS"]["PATH_CHANGED"] == false);
    CHECK(getJson(server.port(), "/viewer/zoom?HOST_INFO") == info); // the path is irrelevant
    CHECK(server.advertiseStatus() == "not advertised: off");
}

TEST_CASE("OSCQuery: hostile requests get an error, the server keeps answering", "[oscquery]") {
    Server server(testOptions(), viewerNodes());
    const std::uint16_t port = server.port();

    SECTION("a 1 MB header") {
        // Written by hand: Beast's own client refuses to build it.
        const std::string answer = test::rawExchange(
            port, "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(1024 * 1024, 'a') + "\r\n\r\n");
        // A 431, or nothing when the reset of a close with a megabyte
        // unread overtook it. Never a 200.
        CHECK((answer.rfind("HTTP/1.1 431", 0) == 0 || answer.empty()));
    }
    SECTION("garbage") {
        const std::string answer = test::rawExchange(port, std::string("\x00\xff garbage\r\n\r\n", 14));
        CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
    }
    SECTION("not a GET") {
        const std::string answer =
            test::rawExchange(port, "DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        CHECK(answer.rfind("HTTP/1.1 405", 0) == 0);
    }
    CHECK(getJson(port, "/viewer/zoom?VALUE") == json::parse(R"({"VALUE":[1.0]})"));
}

TEST_CASE("OSCQuery: bad namespaces and busy ports are refused", "[oscquery]") {
    CHECK_THROWS_WITH(Server(testOptions(), {method("/a"), method("/a")}),
                      Catch::Contains("two nodes at '/a'"));
    CHECK_THROWS_WITH(Server(testOptions(), {method("a/b")}), Catch::Contains("bad node path"));
    Server first(testOptions(), viewerNodes());
    ServerOptions same = testOptions();
    same.httpPort = first.port();
    CHECK_THROWS_WITH(Server(same, viewerNodes()), Catch::Contains("cannot listen on 127.0.0.1:"));
}
