// The option syntax shared by POLAR_OSC, `polar query --osc/--pace/--bpm`
// and polar-github: durations, tempo, the POLAR_OSC spec. Mistakes are
// polar::Errors that say what was wrong.
#include <catch2/catch.hpp>
#include <polar/error.hpp>
#include <polar/osc/options.hpp>

using namespace std::chrono_literals;
using Catch::Matchers::Contains;
using polar::osc::Mode;
using polar::osc::parseBpm;
using polar::osc::parseDuration;
using polar::osc::parseOscSpec;

namespace {

std::string errorOf(std::string_view spec) {
    try {
        parseOscSpec(spec);
    } catch (const polar::Error& error) {
        return error.message();
    }
    return "no error";
}

} // namespace

TEST_CASE("Durations are a number and a unit", "[osc][sender][options]") {
    CHECK(parseDuration("40ms") == 40ms);
    CHECK(parseDuration("0.5s") == 500ms);
    CHECK(parseDuration(" 250us ") == 250us);
    CHECK(parseDuration("1500000ns") == 1500us);
    CHECK(parseDuration("2s") == 2s);
    for (const char* bad : {"40", "ms", "-5ms", "0ms", "0.1us", "fast", "40 ms x", "2h", "7200s", "nans"}) {
        INFO(bad);
        CHECK_THROWS_AS(parseDuration(bad), polar::Error);
    }
    SECTION("the error states the cap and the range") {
        try {
            parseDuration("7200s");
            FAIL("expected an error");
        } catch (const polar::Error& error) {
            CHECK(error.message() == "bad duration: must be between 1us and 1h (a cap), got 7200s");
        }
    }
}

TEST_CASE("A tempo is one event per beat", "[osc][sender][options]") {
    CHECK(polar::osc::paceFromBpm(120) == 500ms);
    CHECK(polar::osc::paceFromBpm(parseBpm("90")) == std::chrono::microseconds(666'667));
    CHECK_THROWS_AS(parseBpm("0"), polar::Error);
    CHECK_THROWS_AS(parseBpm("-3"), polar::Error);
    CHECK_THROWS_AS(parseBpm("fast"), polar::Error);
    CHECK_THROWS_AS(parseBpm("nan"), polar::Error);
    CHECK_THROWS_AS(parseBpm("600001"), polar::Error);
    CHECK_THROWS_AS(polar::osc::paceFromBpm(0.05), polar::Error);
}

TEST_CASE("POLAR_OSC: destinations, then options after semicolons", "[osc][sender][options]") {
    SECTION("defaults") {
        const auto options = parseOscSpec("127.0.0.1:9000");
        CHECK(options.destinations == std::vector<std::string>{"127.0.0.1:9000"});
        CHECK(options.mode == Mode::RealTime);
        CHECK_FALSE(options.values);
        CHECK(options.bundling);
        CHECK(options.multicastTtl == 1);
        CHECK(options.queueCapacity == polar::osc::kDefaultQueueCapacity);
    }
    SECTION("several destinations and every option") {
        const auto options = parseOscSpec(
            "127.0.0.1:9000, "
            "[::1]:9001,239.0.0.1:9000;paced=40ms;values;nobundle;ttl=3;queue=1024");
        CHECK(options.destinations ==
              std::vector<std::string>{"127.0.0.1:9000", "[::1]:9001", "239.0.0.1:9000"});
        CHECK(options.mode == Mode::Paced);
        CHECK(options.pace == 40ms);
        CHECK(options.values);
        CHECK_FALSE(options.bundling);
        CHECK(options.multicastTtl == 3);
        CHECK(options.queueCapacity == 1024);
    }
    SECTION("bpm means paced") {
        const auto options = parseOscSpec("localhost:7000;bpm=120");
        CHECK(options.mode == Mode::Paced);
        CHECK(options.pace == 500ms);
    }
    SECTION("1 or on: the default destination") {
        CHECK(parseOscSpec("1").destinations == std::vector<std::string>{"127.0.0.1:9000"});
        CHECK(parseOscSpec("on;values").values);
    }
    SECTION("mistakes are errors naming the culprit") {
        CHECK_THAT(errorOf(""), Contains("no destination"));
        CHECK_THAT(errorOf(";values"), Contains("no destination"));
        CHECK_THAT(errorOf("127.0.0.1:9000,,x:1"), Contains("empty destination"));
        CHECK_THAT(errorOf("127.0.0.1:9000;loud"), Contains("unknown POLAR_OSC option 'loud'"));
        CHECK_THAT(errorOf("127.0.0.1:9000;paced"), Contains("unknown POLAR_OSC option 'paced'"));
        CHECK_THAT(errorOf("127.0.0.1:9000;paced=fast"), Contains("bad duration: must be a duration such as 20ms"));
        CHECK_THAT(errorOf("127.0.0.1:9000;paced=7200s"), Contains("between 1us and 1h (a cap), got 7200s"));
        CHECK(errorOf("127.0.0.1:9000;ttl=300") == "POLAR_OSC ttl: must be between 0 and 255 (a cap), got 300");
        CHECK(errorOf("127.0.0.1:9000;ttl=-1") == "POLAR_OSC ttl: must be between 0 and 255, got -1");
        CHECK(errorOf("127.0.0.1:9000;queue=1") == "POLAR_OSC queue: must be between 2 and 1048576, got 1");
        CHECK_THAT(errorOf("127.0.0.1:9000;queue=16777216"), Contains("between 2 and 1048576 (a cap)"));
    }
}
