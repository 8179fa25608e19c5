// The argument index: a key's clauses in source order, the open clauses
// beside them, absent keys, collisions in the table, and the policy-level
// consequence that an indexed call answers in source order.
#include <catch2/catch.hpp>

#include <vector>

#include "arg_index.hpp"
#include "polar/polar.hpp"

using polar::detail::ArgIndex;

namespace {
std::vector<std::uint32_t> list(std::span<const std::uint32_t> s) { return {s.begin(), s.end()}; }
}

TEST_CASE("ArgIndex groups ordinals by key in source order", "[engine][index]") {
    ArgIndex index;
    REQUIRE_FALSE(index.built());
    index.build({{7, true}, {0, false}, {9, true}, {7, true}, {0, true}, {0, false}});
    CHECK(index.built());

    SECTION("a key lists its clauses ascending") {
        CHECK(list(index.keyed(7)) == std::vector<std::uint32_t>{0, 3});
        CHECK(list(index.keyed(9)) == std::vector<std::uint32_t>{2});
        // Key 0 is a key like any other: an empty slot is told by its count.
        CHECK(list(index.keyed(0)) == std::vector<std::uint32_t>{4});
    }
    SECTION("clauses without a constant are open") {
        CHECK(list(index.open()) == std::vector<std::uint32_t>{1, 5});
    }
    SECTION("an absent key lists nothing") {
        CHECK(index.keyed(8).empty());
        CHECK(index.keyed(~std::uint64_t{0}).empty());
    }
}

TEST_CASE("ArgIndex finds every key of a large, crowded table", "[engine][index]") {
    // Keys that are multiples of the table size all start at one slot
    // before mixing; the probe must still find each.
    std::vector<ArgIndex::Entry> entries;
    for (std::uint64_t k = 0; k < 5000; ++k) entries.push_back({(k % 2500) * 16384, true});
    ArgIndex index;
    index.build(entries);
    for (std::uint64_t k = 0; k < 2500; ++k) {
        const auto found = list(index.keyed(k * 16384));
        REQUIRE(found == std::vector<std::uint32_t>{static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k + 2500)});
    }
    CHECK(index.keyed(16384 * 2500).empty());
    CHECK(index.open().empty());
}

TEST_CASE("An indexed predicate answers in source order, open clauses included", "[engine][index]") {
    polar::Polar polar;
    std::string policy;
    for (int k = 0; k < 50; ++k) policy += "f(" + std::to_string(k % 5) + ", " + std::to_string(k) + ");\n";
    policy += "f(_, \"any\");\nf(2.0, \"two\");\n";
    polar.loadString(policy, "index.polar");
    std::vector<std::string> seen;
    auto q = polar.query("f(2, x)");
    while (auto r = q.next()) seen.push_back(r->at("x").toPolar());
    CHECK(seen == std::vector<std::string>{"2", "7", "12", "17", "22", "27", "32", "37", "42", "47", "\"any\"", "\"two\""});
}
