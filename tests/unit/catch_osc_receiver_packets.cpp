// catch_osc_receiver_packets.cpp — bundles, argument types and broken packets.
//
// The structure side of parseDatagram(): bundles (nested to the limit and
// one past it), messages without arguments (no type tag string at all, for
// which oscpack's TypeTags() is NULL, and an empty ","), every type tag
// oscpack decodes, and packets broken in each way the parser must refuse —
// including the 12-byte blob that crashes oscpack 1.1.0 on its own.
#include <catch2/catch.hpp>

#include "osc_test_support.hpp"
#include "polar/osc/parse_datagram.hpp"

using namespace polar::osc;
using test::packet;
using Stream = ::osc::OutboundPacketStream;

namespace {

DatagramSummary parse(const std::string& bytes, std::vector<OscMessage>& out) {
    return parseDatagram(bytes.data(), bytes.size(), Clock::now(), out);
}

std::string nestedBundles(int depth) {
    return packet([depth](Stream& s) {
        for (int level = 0; level < depth; ++level) s << ::osc::BeginBundle(100 + level);
        s << ::osc::BeginMessage("/deep") << depth << ::osc::EndMessage;
        for (int level = 0; level < depth; ++level) s << ::osc::EndBundle;
    });
}

// Records the order of visitor calls as text.
class Trace : public DatagramVisitor {
public:
    void bundleBegin(std::uint64_t timetag, int depth) override {
        text += "[" + std::to_string(timetag) + "@" + std::to_string(depth) + " ";
    }
    void bundleEnd(int depth) override { text += "]@" + std::to_string(depth) + " "; }
    void message(OscMessage&& m) override {
        text += m.address + "@" + std::to_string(m.bundleDepth) + "/" + std::to_string(m.timetag) + " ";
    }
    std::string text;
};

} // namespace

TEST_CASE("bundles and nested bundles are unpacked in order", "[osc][receiver]") {
    const std::string bytes = packet([](Stream& s) {
        s << ::osc::BeginBundle(7) << ::osc::BeginMessage("/a") << 1 << ::osc::EndMessage
          << ::osc::BeginBundle(9) << ::osc::BeginMessage("/b") << 2 << ::osc::EndMessage
          << ::osc::EndBundle << ::osc::BeginMessage("/c") << ::osc::EndMessage << ::osc::EndBundle;
    });
    Trace trace;
    const DatagramSummary summary = parseDatagram(bytes.data(), bytes.size(), Clock::now(), trace);
    CHECK_FALSE(summary.malformed);
    CHECK(summary.messages == 3);
    CHECK(summary.bundles == 2);
    CHECK(trace.text == "[7@0 /a@1/7 [9@1 /b@2/9 ]@1 /c@1/7 ]@0 ");

    std::vector<OscMessage> out;
    parse(bytes, out);
    REQUIRE(out.size() == 3);
    CHECK(std::get<std::int32_t>(out[1].args.at(0)) == 2);
    CHECK(out[2].args.empty());
}

TEST_CASE("a bare message has the immediate timetag and depth 0", "[osc][receiver]") {
    std::vector<OscMessage> out;
    parse(packet([](Stream& s) { s << ::osc::BeginMessage("/x") << 1 << ::osc::EndMessage; }), out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].timetag == kTimetagImmediately);
    CHECK(out[0].bundleDepth == 0);
}

TEST_CASE("bundles nest up to kMaxBundleDepth and no further", "[osc][receiver]") {
    std::vector<OscMessage> out;
    const DatagramSummary deepest = parse(nestedBundles(kMaxBundleDepth), out);
    CHECK_FALSE(deepest.malformed);
    REQUIRE(out.size() == 1);
    CHECK(out[0].bundleDepth == kMaxBundleDepth);
    CHECK(out[0].timetag == 100 + kMaxBundleDepth - 1);

    out.clear();
    const DatagramSummary tooDeep = parse(nestedBundles(kMaxBundleDepth + 1), out);
    CHECK(tooDeep.malformed);
    CHECK(tooDeep.error == "bundles nested more than 16 deep (kMaxBundleDepth)");
    CHECK(out.empty());
}

TEST_CASE("a message without arguments", "[osc][receiver]") {
    std::vector<OscMessage> out;
    SECTION("with an empty type tag string") {
        CHECK_FALSE(parse(packet([](Stream& s) { s << ::osc::BeginMessage("/none") << ::osc::EndMessage; }), out).malformed);
    }
    SECTION("without a type tag string (TypeTags() is NULL)") {
        CHECK_FALSE(parse(std::string("/none\0\0\0", 8), out).malformed);
    }
    REQUIRE(out.size() == 1);
    CHECK(out[0].address == "/none");
    CHECK(out[0].args.empty());
}

TEST_CASE("every type oscpack decodes becomes its OscArg", "[osc][receiver]") {
    const char blob[3] = {1, 2, 3};
    std::vector<OscMessage> out;
    const auto summary = parse(packet([&](Stream& s) {
        s << ::osc::BeginMessage("/types") << std::int32_t{-5} << 2.5f << "text"
          << std::int64_t{1} << 0.25 << true << false << ::osc::Symbol("sym") << 'c'
          << ::osc::RgbaColor(0x11223344) << ::osc::MidiMessage(0x00903c7f)
          << ::osc::TimeTag(42) << ::osc::Blob(blob, 3) << ::osc::OscNil << ::osc::Infinitum
          << ::osc::BeginArray << 1 << ::osc::EndArray << ::osc::EndMessage;
    }), out);
    REQUIRE_FALSE(summary.malformed);
    REQUIRE(out.size() == 1);
    CHECK(typeTags(out[0]) == "ifshdTFScrmtbNI[i]");
    const auto& a = out[0].args;
    CHECK(std::get<std::int32_t>(a[0]) == -5);
    CHECK(std::get<std::string>(a[2]) == "text");
    CHECK(std::get<std::int64_t>(a[3]) == 1);
    CHECK(std::get<double>(a[4]) == 0.25);
    CHECK(std::get<OscSymbol>(a[7]).value == "sym");
    CHECK(std::get<OscChar>(a[8]).value == 'c');
    CHECK(std::get<OscRgba>(a[9]).value == 0x11223344u);
    CHECK(std::get<OscMidi>(a[10]).value == 0x00903c7fu);
    CHECK(std::get<OscTimetag>(a[11]).value == 42u);
    CHECK(std::get<OscBlob>(a[12]).size == 3u);
}

TEST_CASE("broken packets are malformed, with a reason, and deliver nothing", "[osc][receiver]") {
    const std::string rule = packet([](Stream& s) {
        s << ::osc::BeginMessage("/polar/rule") << "allow" << 3 << 0 << 2 << ::osc::EndMessage;
    });
    using namespace std::string_literals;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "empty packet"},
        {"garbage!", "address does not start with '/'"},
        {rule.substr(0, rule.size() - 1), "size is not a multiple of 4"},
        {rule.substr(0, rule.size() - 4), "arguments run past the end of the message"},
        {rule.substr(0, 8), "unterminated or badly padded address"},
        {rule.substr(0, 16), "unterminated or badly padded type tags"},
        {"/ab\0,s\0\0x\0yz"s, "unterminated or badly padded string argument"},
        {"/a\0\0,bb\0\x7f\xff\xff\xf0"s, "blob runs past the end of the message"},
        {"/a\0\0,b\0\0"s, "blob size runs past the end of the message"},
        {"/a\0\0,Z\0\0"s, "unknown type tag"},
        {"/a\0\0,][\0"s, "']' without '[' in the type tags"},
        {"/a\0\0,[\0\0"s, "'[' without ']' in the type tags"},
        {"/a\0\0ii\0\0"s, "type tags do not start with ','"},
        {"#bundlX\0\0\0\0\0\0\0\0\1"s, "packet starts with '#' but is not a bundle"},
        {"#bundle\0\0\0\0\0"s, "bundle shorter than its 16-byte header"},
        {"#bundle\0\0\0\0\0\0\0\0\1\x7f\xff\xff\xf0"s + rule, "bundle element runs past the end"},
        {"#bundle\0\0\0\0\0\0\0\0\1\0\0\0\0"s, "empty packet"},
    };
    for (const auto& [bytes, reason] : cases) {
        CAPTURE(reason);
        std::vector<OscMessage> out(1);  // one message already there: it must stay alone
        const DatagramSummary summary = parse(bytes, out);
        CHECK(summary.malformed);
        CHECK(summary.error == reason);
        CHECK(summary.messages == 0);
        CHECK(out.size() == 1);
    }

    SECTION("a good message before a broken one in the same bundle is not delivered") {
        const std::string good = packet([](Stream& s) { s << ::osc::BeginMessage("/ok") << ::osc::EndMessage; });
        const std::string bad = "/a\0\0,i\0\0"s;  // the int is missing
        auto element = [](const std::string& e) {
            const auto n = static_cast<std::uint32_t>(e.size());
            return std::string{char(n >> 24), char(n >> 16), char(n >> 8), char(n)} + e;
        };
        const std::string bundle = "#bundle\0\0\0\0\0\0\0\0\1"s + element(good) + element(bad);
        Trace trace;
        const auto summary = parseDatagram(bundle.data(), bundle.size(), Clock::now(), trace);
        CHECK(summary.malformed);
        CHECK(trace.text.empty());
    }
}
