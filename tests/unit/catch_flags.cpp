// The strict parsers behind every numeric flag (flags/): what they accept,
// what they refuse, and that each refusal names the range. The programs'
// own tables of bad values are tests/cli/run_flag_tests.sh.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "polar/flags/cli.hpp"
#include "polar/flags/parse.hpp"

using namespace std::chrono_literals;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
namespace flags = polar::flags;

namespace {

template <class Parse>
std::string refusal(Parse parse) {
    try {
        parse();
    } catch (const flags::BadValue& error) {
        return error.what();
    }
    return "accepted";
}

constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

} // namespace

TEST_CASE("Whole numbers: decimal digits within the range", "[flags]") {
    const flags::WholeRange all = flags::wholeRange<std::uint64_t>();
    SECTION("accepted, edges included") {
        CHECK(flags::parseWhole("0", all) == 0);
        CHECK(flags::parseWhole("18446744073709551615", all) == kMax64);
        CHECK(flags::parseWhole("010", all) == 10); // decimal, never octal
        CHECK(flags::parseWhole("255", flags::wholeRange<std::uint8_t>()) == 255);
    }
    SECTION("refused, with the range in the message") {
        CHECK_THAT(refusal([&] { flags::parseWhole("-1", all); }),
                   Equals("must be between 0 and 18446744073709551615, got -1"));
        CHECK_THAT(refusal([&] { flags::parseWhole("18446744073709551616", all); }),
                   Equals("must be between 0 and 18446744073709551615, got 18446744073709551616"));
        CHECK_THAT(refusal([&] { flags::parseWhole("256", flags::wholeRange<std::uint8_t>()); }),
                   Equals("must be between 0 and 255, got 256"));
        for (const char* junk : {"", "abc", "1e3", "0x10", "+1", " 1", "1 ", "12abc", "1.0"}) {
            INFO("'" << junk << "'");
            CHECK_THAT(refusal([&] { flags::parseWhole(junk, all); }),
                       Contains("must be a whole number between 0 and 18446744073709551615, got '"));
        }
    }
    SECTION("a deliberate cap is called one") {
        const auto users = flags::wholeRange<std::size_t>(0, 1'000'000);
        CHECK(flags::parseWhole("1000000", users) == 1'000'000);
        CHECK_THAT(refusal([&] { flags::parseWhole("1000000000", users); }),
                   Equals("must be between 0 and 1000000 (a cap), got 1000000000"));
        CHECK_THAT(refusal([&] { flags::parseWhole("99999999999999999999999", users); }),
                   Contains("between 0 and 1000000 (a cap)"));
        CHECK_THAT(refusal([&] { flags::parseWhole("0", flags::wholeRange<unsigned>(1, 10)); }),
                   Equals("must be between 1 and 10, got 0"));
    }
}

TEST_CASE("Reals: finite decimals within the range", "[flags]") {
    const flags::RealRange bpm{0.1, 600'000};
    CHECK(flags::parseReal("120", bpm) == 120);
    CHECK(flags::parseReal("0.1", bpm) == 0.1);
    CHECK(flags::parseReal("6e5", bpm) == 600'000);
    CHECK_THAT(refusal([&] { flags::parseReal("0", bpm); }), Equals("must be between 0.1 and 600000, got 0"));
    CHECK_THAT(refusal([&] { flags::parseReal("-3", bpm); }), Equals("must be between 0.1 and 600000, got -3"));
    CHECK_THAT(refusal([&] { flags::parseReal("700000", bpm); }),
               Equals("must be between 0.1 and 600000 (a cap), got 700000"));
    CHECK_THAT(refusal([&] { flags::parseReal("1e999", bpm); }), Contains("(a cap), got 1e999"));
    for (const char* notFinite : {"nan", "NaN", "inf", "-inf", "infinity"}) {
        INFO(notFinite);
        CHECK_THAT(refusal([&] { flags::parseReal(notFinite, bpm); }),
                   Contains("must be a finite number between 0.1 and 600000, got '"));
    }
    for (const char* junk : {"", "fast", "12x", "0x10", "1,5"}) {
        INFO("'" << junk << "'");
        CHECK_THAT(refusal([&] { flags::parseReal(junk, bpm); }),
                   Contains("must be a number between 0.1 and 600000, got '"));
    }
}

TEST_CASE("Sizes: bytes, with K, M, G or T", "[flags]") {
    const flags::WholeRange all = flags::wholeRange<std::uint64_t>();
    CHECK(flags::parseSize("0", all) == 0);
    CHECK(flags::parseSize("1048576", all) == 1'048'576);
    CHECK(flags::parseSize("512M", all) == 512ULL << 20);
    CHECK(flags::parseSize("2G", all) == 2ULL << 30);
    CHECK(flags::parseSize("2GiB", all) == 2ULL << 30);
    CHECK(flags::parseSize("64kb", all) == 64ULL << 10);
    CHECK(flags::parseSize("1T", all) == 1ULL << 40);
    CHECK(flags::parseSize("100B", all) == 100);
    CHECK(flags::parseSize("16777215T", all) == 16'777'215ULL << 40);
    CHECK_THAT(refusal([&] { flags::parseSize("-1", all); }),
               Equals("must be between 0 and 18446744073709551615 bytes, got -1"));
    CHECK_THAT(refusal([&] { flags::parseSize("-2G", all); }), Contains("got -2G"));
    CHECK_THAT(refusal([&] { flags::parseSize("16777216T", all); }),
               Equals("must be between 0 and 18446744073709551615 bytes, got 16777216T"));
    CHECK_THAT(refusal([&] { flags::parseSize("18446744073709551616", all); }),
               Contains("must be between 0 and 18446744073709551615 bytes, got"));
    for (const char* junk : {"", "G", "12Q", "1.5G", "2 G", "2GB x", "nan"}) {
        INFO("'" << junk << "'");
        CHECK_THAT(refusal([&] { flags::parseSize(junk, all); }),
                   Contains("must be a size such as 512M, 2G or 1048576, between 0 and 18446744073709551615 bytes, got '"));
    }
}

TEST_CASE("Durations: a number and a unit, up to a stated cap", "[flags]") {
    const flags::DurationRange timeout{1us, std::chrono::hours(1), true};
    const flags::DurationRange pace{1us, std::chrono::hours(1), false};
    CHECK(flags::parseDuration("40ms", pace) == 40ms);
    CHECK(flags::parseDuration("0.5s", pace) == 500ms);
    CHECK(flags::parseDuration("1500000ns", pace) == 1500us);
    CHECK(flags::parseDuration("3600s", pace) == std::chrono::hours(1));
    CHECK(flags::parseDuration("0", timeout) == 0us);
    CHECK(flags::parseDuration("0ms", timeout) == 0us);
    CHECK_THAT(refusal([&] { flags::parseDuration("7200s", timeout); }),
               Equals("must be 0 (none) or between 1us and 1h (a cap), got 7200s"));
    CHECK_THAT(refusal([&] { flags::parseDuration("0", pace); }),
               Equals("must be a duration such as 20ms, 1.5s or 2m, between 1us and 1h, got '0'"));
    CHECK_THAT(refusal([&] { flags::parseDuration("0ms", pace); }), Equals("must be between 1us and 1h, got 0ms"));
    CHECK_THAT(refusal([&] { flags::parseDuration("-1s", timeout); }),
               Equals("must be 0 (none) or between 1us and 1h, got -1s"));
    CHECK_THAT(refusal([&] { flags::parseDuration("0.1us", pace); }), Equals("must be between 1us and 1h, got 0.1us"));
    CHECK_THAT(refusal([&] { flags::parseDuration("1e999s", pace); }), Contains("(a cap), got 1e999s"));
    for (const char* junk : {"", "5", "fast", "nans", "infms", "2d", "40 ms", "ms"}) {
        INFO("'" << junk << "'");
        CHECK_THAT(refusal([&] { flags::parseDuration(junk, pace); }), Contains("must be a duration such as 20ms, 1.5s or 2m"));
    }
    CHECK(flags::formatDuration(40ms) == "40ms");
    CHECK(flags::formatDuration(250us) == "250us");
    CHECK(flags::describe(timeout) == "0 or 1us..1h");
    // Minutes and hours too (issue 13: one duration syntax everywhere).
    CHECK(flags::parseDuration("2m", pace) == std::chrono::minutes(2));
    CHECK(flags::parseDuration("1h", pace) == std::chrono::hours(1));
    CHECK(flags::parseDuration("1.5s", pace) == 1500ms);
    CHECK(flags::parseDuration("20ms", pace) == 20ms); // "ms" before "m" and "s"
    CHECK_THAT(refusal([&] { flags::parseDuration("2h", pace); }),
               Equals("must be between 1us and 1h (a cap), got 2h"));
    CHECK(flags::formatDuration(std::chrono::minutes(90)) == "90m");
    CHECK(flags::formatDuration(std::chrono::hours(24)) == "24h");
    CHECK(flags::formatDuration(std::chrono::seconds(90)) == "90s");
    // Options that always took seconds read a bare number as seconds.
    const flags::DurationRange seconds{1ms, std::chrono::hours(24), false, true};
    CHECK(flags::parseDuration("60", seconds) == std::chrono::minutes(1));
    CHECK(flags::parseDuration("0.5", seconds) == 500ms);
    CHECK_THAT(refusal([&] { flags::parseDuration("0", seconds); }),
               Equals("must be between 1ms and 24h, got 0"));
    // No 300-digit numbers in a range (issue 13's CLI11 message).
    CHECK(flags::formatReal(std::numeric_limits<double>::max()).size() < 30);
}

TEST_CASE("CLI11 options refuse bad values while parsing, naming flag and range", "[flags][cli]") {
    CLI::App app;
    std::uint64_t depth = 7;
    std::uint64_t memory = 0;
    flags::checked(app.add_option("--max-depth", depth, "depth"), "N",
                   flags::whole(flags::wholeRange<std::uint64_t>()));
    flags::checked(app.add_option("--max-memory", memory, "memory"), "SIZE",
                   flags::size(flags::wholeRange<std::uint64_t>()));
    const auto parse = [&](std::vector<std::string> args) -> std::string {
        std::reverse(args.begin(), args.end()); // CLI11 takes them last first
        try {
            app.parse(args);
        } catch (const CLI::ParseError& error) {
            return error.what();
        }
        return "accepted";
    };
    SECTION("good values arrive converted") {
        CHECK(parse({"--max-depth", "010", "--max-memory", "512M"}) == "accepted");
        CHECK(depth == 10);
        CHECK(memory == 512ULL << 20);
    }
    SECTION("bad ones are usage errors") {
        CHECK(parse({"--max-depth", "-1"}) == "--max-depth: must be between 0 and 18446744073709551615, got -1");
        CHECK(parse({"--max-depth", "18446744073709551616"}) ==
              "--max-depth: must be between 0 and 18446744073709551615, got 18446744073709551616");
        CHECK_THAT(parse({"--max-memory", "lots"}), Contains("--max-memory: must be a size such as 512M"));
    }
    SECTION("--help shows the range") {
        CHECK_THAT(app.help(), Contains("--max-depth N:0..18446744073709551615"));
        CHECK_THAT(app.help(), Contains("--max-memory SIZE:0..18446744073709551615 bytes"));
    }
}
