// How a load error's strings are packed into a text slot (load_events.hpp):
// one line, cut with '~' within 240 bytes, never inside a UTF-8 character,
// and an unknown place as 0, 0. No socket: the slot is read directly.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "load_events.hpp"
#include "polar/error.hpp"

using namespace polar::osc::detail;

namespace {

struct Packed {
    Event event{};
    std::unique_ptr<TextSlot> text = std::make_unique<TextSlot>();
    std::string file() const { return text->text; }
    std::string message() const { return policyErrorMessage(text->text); }
};

Packed pack(const std::string& file, const polar::Error& error) {
    Packed p;
    fillPolicyError(p.event, *p.text, polar::PolicyErrorEvent{file, error});
    return p;
}

polar::Error parseError(std::string message) {
    return polar::Error(polar::ErrorKind::Parse, "UnrecognizedToken", std::move(message),
                        polar::SourceLocation{"a.polar", 3, 14, "f(x) if if;"});
}

} // namespace

TEST_CASE("A load error's message travels as one line, cut with '~'", "[osc][sender][load][truncation]") {
    using polar::osc::kMaxLoadMessageLength;
    SECTION("short and single-line: as it is, with its place") {
        const Packed p = pack("a.polar", parseError("did not expect if"));
        CHECK(p.file() == "a.polar");
        CHECK(p.message() == "did not expect if");
        CHECK(p.event.ints[0] == 3);
        CHECK(p.event.ints[1] == 14);
        CHECK(std::string(p.event.name) == "ParseError::UnrecognizedToken");
    }
    SECTION("several lines: the first, marked as cut") {
        CHECK(pack("a.polar", parseError("line one\nline two")).message() == "line one~");
        CHECK(pack("a.polar", parseError("line one\r\nline two")).message() == "line one~");
    }
    SECTION("a first line of exactly the limit, then more: still within the limit") {
        const std::string line(kMaxLoadMessageLength, 'm');
        const std::string m = pack("a.polar", parseError(line + "\nmore")).message();
        CHECK(m.size() == kMaxLoadMessageLength);
        CHECK(m.back() == '~');
    }
    SECTION("exactly the limit on one line: not cut") {
        const std::string line(kMaxLoadMessageLength, 'm');
        CHECK(pack("a.polar", parseError(line)).message() == line);
    }
    SECTION("too long: cut at a UTF-8 boundary") {
        std::string line;
        while (line.size() < 2 * kMaxLoadMessageLength) line += "é"; // two bytes each
        const std::string m = pack("a.polar", parseError(line)).message();
        CHECK(m.size() <= kMaxLoadMessageLength);
        CHECK(m.back() == '~');
        CHECK(m.size() % 2 == 1); // whole characters, then the one-byte marker
    }
    SECTION("no place: line and column 0") {
        const polar::Error error(polar::ErrorKind::Operational, "FileLoading", "cannot open x");
        const Packed p = pack("x", error);
        CHECK(p.event.ints[0] == 0);
        CHECK(p.event.ints[1] == 0);
        CHECK(std::string(p.event.name) == "OperationalError::FileLoading");
    }
}
