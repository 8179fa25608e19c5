// MidiMap (midi_map.hpp): bindings, MIDI learn and the JSON mapping file,
// including bad files (each refused with the file's name and the fault)
// and the atomic save.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <polar/viewer/midi/midi_map.hpp>
#include <sstream>
#include <string>

using namespace polar::viewer::midi;
namespace fs = std::filesystem;

namespace {

MidiMessage cc(int channel, int number, int value) {
    return {MidiKind::ControlChange, channel, number, value};
}

// A fresh directory per test case, removed at the end.
struct TempDir {
    TempDir() {
        path = fs::temp_directory_path() /
               ("polar-midi-map-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    fs::path path;
    static inline int counter = 0;
};

void write(const std::string& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The message load() throws for `text`, or "" when it loads.
std::string loadError(const std::string& text) {
    try {
        MidiMap::fromJson(text, "map.json");
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("MIDI learn binds the next control change", "[midi]") {
    MidiMap map;
    SECTION("unbound controllers ask for nothing") { CHECK_FALSE(map.apply(cc(1, 74, 64))); }
    SECTION("arm, move a knob: bound, and the parameter follows at once") {
        map.arm("/viewer/zoom");
        REQUIRE(map.armed() == std::optional<std::string>("/viewer/zoom"));
        const auto first = map.apply(cc(2, 74, 127));
        REQUIRE(first);
        CHECK(first->path == "/viewer/zoom");
        CHECK(first->value == 1.0);
        CHECK_FALSE(map.armed());
        const auto later = map.apply(cc(2, 74, 0));
        REQUIRE(later);
        CHECK(later->value == 0.0);
        CHECK(map.apply(cc(2, 74, 64))->value == Approx(64.0 / 127));
        // Same number on another channel is another controller.
        CHECK_FALSE(map.apply(cc(1, 74, 64)));
    }
    SECTION("notes and the clock neither learn nor apply") {
        map.arm("/viewer/zoom");
        CHECK_FALSE(map.apply({MidiKind::NoteOn, 1, 60, 100}));
        CHECK_FALSE(map.apply({MidiKind::Clock, 0, 0, 0}));
        CHECK(map.armed());
        CHECK(map.bindings().empty());
    }
    SECTION("cancel disarms without binding") {
        map.arm("/viewer/zoom");
        map.cancel();
        CHECK_FALSE(map.armed());
        CHECK_FALSE(map.apply(cc(1, 74, 10)));
        CHECK(map.bindings().empty());
    }
    SECTION("learning a knob again for another path moves it") {
        map.bind(1, 74, "/viewer/zoom");
        map.arm("/viewer/speed");
        map.apply(cc(1, 74, 5));
        REQUIRE(map.bindings().size() == 1);
        CHECK(map.apply(cc(1, 74, 5))->path == "/viewer/speed");
        CHECK_FALSE(map.bindingFor("/viewer/zoom"));
    }
    SECTION("learning a path again with another knob drops the old knob") {
        map.bind(1, 74, "/viewer/zoom");
        map.arm("/viewer/zoom");
        map.apply(cc(1, 71, 5));
        REQUIRE(map.bindings().size() == 1);
        CHECK_FALSE(map.apply(cc(1, 74, 5)));
        CHECK(map.bindingFor("/viewer/zoom") == MidiBinding{1, 71, "/viewer/zoom"});
    }
    SECTION("other bindings are kept") {
        map.bind(1, 1, "/a");
        map.bind(1, 2, "/b");
        map.arm("/c");
        map.apply(cc(1, 3, 0));
        CHECK(map.bindings().size() == 3);
        CHECK(map.unbind("/b"));
        CHECK_FALSE(map.unbind("/b"));
        CHECK(map.bindings().size() == 2);
    }
    SECTION("bad bindings are refused") {
        CHECK_THROWS_AS(map.bind(0, 1, "/a"), std::invalid_argument);
        CHECK_THROWS_AS(map.bind(17, 1, "/a"), std::invalid_argument);
        CHECK_THROWS_AS(map.bind(1, 128, "/a"), std::invalid_argument);
        CHECK_THROWS_AS(map.bind(1, 1, "a"), std::invalid_argument);
        CHECK_THROWS_AS(map.arm(""), std::invalid_argument);
    }
}

TEST_CASE("The MIDI mapping file", "[midi]") {
    TempDir dir;
    const auto file = dir.file("midi.json");

    SECTION("the documented format, exactly") {
        MidiMap map;
        map.bind(1, 74, "/viewer/zoom");
        CHECK(map.toJson() ==
              "{\n"
              "  \"bindings\": [\n"
              "    {\n"
              "      \"cc\": 74,\n"
              "      \"channel\": 1,\n"
              "      \"path\": \"/viewer/zoom\"\n"
              "    }\n"
              "  ],\n"
              "  \"version\": 1\n"
              "}\n");
    }
    SECTION("save then load gives the same bindings") {
        MidiMap map;
        map.bind(1, 74, "/viewer/zoom");
        map.bind(10, 0, "/viewer/theme");
        map.bind(16, 127, "/sound/volume");
        map.save(file);
        MidiMap again;
        again.load(file);
        CHECK(again.bindings() == map.bindings());
        CHECK(again.apply(cc(16, 127, 127))->path == "/sound/volume");
    }
    SECTION("save replaces the old file and leaves no temporary behind") {
        MidiMap map;
        map.bind(1, 1, "/a");
        map.save(file);
        map.bind(1, 2, "/b");
        map.save(file);
        MidiMap again;
        again.load(file);
        CHECK(again.bindings().size() == 2);
        CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
    }
    SECTION("a failed save keeps the old mapping") {
        MidiMap map;
        map.bind(1, 1, "/a");
        map.save(file);
        const auto before = read(file);
        // The temporary cannot be created in a directory that is not there.
        CHECK_THROWS_WITH(map.save(dir.file("missing/midi.json")),
                          Catch::Contains("missing/midi.json: cannot create"));
        CHECK(read(file) == before);
    }
    SECTION("a missing file names the file") {
        MidiMap map;
        CHECK_THROWS_WITH(map.load(dir.file("nope.json")),
                          Catch::StartsWith(dir.file("nope.json") + ": cannot open"));
    }
    SECTION("a bad file leaves the loaded bindings alone") {
        MidiMap map;
        map.bind(1, 1, "/a");
        write(file, "{\"version\":1,\"bindings\":[{\"channel\":99,\"cc\":1,\"path\":\"/b\"}]}");
        CHECK_THROWS_WITH(map.load(file), Catch::StartsWith(file + ": bindings[0].channel"));
        CHECK(map.bindings() == std::vector<MidiBinding>{{1, 1, "/a"}});
    }
    SECTION("every fault is named") {
        CHECK(loadError("").rfind("map.json: not valid JSON", 0) == 0);
        CHECK(
            loadError("{\"version\":1,").find("map.json: not valid JSON: parse error at line 1") ==
            0);
        CHECK(loadError("[]") ==
              "map.json: expected a JSON object {\"version\":1,\"bindings\":[...]}");
        CHECK(loadError("{\"bindings\":[]}") == "map.json: \"version\" is missing");
        CHECK(loadError("{\"version\":2,\"bindings\":[]}") ==
              "map.json: version 2 is not supported (expected 1)");
        CHECK(loadError("{\"version\":1}") == "map.json: \"bindings\" must be an array");
        CHECK(loadError("{\"version\":1,\"bindings\":[3]}") ==
              "map.json: bindings[0] must be an object");
        CHECK(loadError("{\"version\":1,\"bindings\":[{\"cc\":1,\"path\":\"/a\"}]}") ==
              "map.json: bindings[0].channel is missing");
        CHECK(loadError(
                  "{\"version\":1,\"bindings\":[{\"channel\":\"1\",\"cc\":1,\"path\":\"/a\"}]}") ==
              "map.json: bindings[0].channel must be an integer, not \"1\"");
        CHECK(loadError(
                  "{\"version\":1,\"bindings\":[{\"channel\":1,\"cc\":200,\"path\":\"/a\"}]}") ==
              "map.json: bindings[0].cc must be 0..127, not 200");
        CHECK(loadError("{\"version\":1,\"bindings\":[{\"channel\":1,\"cc\":2}]}") ==
              "map.json: bindings[0].path must be a string");
        CHECK(loadError(
                  "{\"version\":1,\"bindings\":[{\"channel\":1,\"cc\":2,\"path\":\"zoom\"}]}") ==
              "map.json: bindings[0].path must start with '/', not \"zoom\"");
        CHECK(loadError("{\"version\":1,\"bindings\":[{\"channel\":1,\"cc\":2,\"path\":\"/a\"},"
                        "{\"channel\":1,\"cc\":2,\"path\":\"/b\"}]}") ==
              "map.json: bindings[1] binds channel 1 cc 2 a second time");
        CHECK(loadError("{\"version\":1,\"bindings\":[{\"channel\":1,\"cc\":2,\"path\":\"/a\"},"
                        "{\"channel\":1,\"cc\":3,\"path\":\"/a\"}]}") ==
              "map.json: bindings[1] binds /a a second time");
        CHECK(loadError("{\"version\":1,\"bindings\":[]}").empty());
    }
    SECTION("binary garbage is refused, not a crash") {
        write(file, std::string("\x00\xff\xfe{\x01", 5));
        MidiMap map;
        CHECK_THROWS_WITH(map.load(file), Catch::StartsWith(file + ": not valid JSON"));
    }
}
