// MIDI decoding (midi_message.hpp) and the note actions built on it
// (note_action.hpp): raw bytes in, kinds and actions out, no MIDI system.
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <polar/viewer/midi/midi_message.hpp>
#include <polar/viewer/midi/note_action.hpp>
#include <vector>

using namespace polar::viewer::midi;

namespace {
MidiMessage decode(std::initializer_list<std::uint8_t> bytes) {
    const std::vector<std::uint8_t> v(bytes);
    return decodeMidi(v);
}
} // namespace

TEST_CASE("MIDI bytes decode to the viewer's message kinds", "[midi]") {
    SECTION("a control change names its channel (1-16), controller and value") {
        CHECK(decode({0xB0, 74, 100}) == MidiMessage{MidiKind::ControlChange, 1, 74, 100});
        CHECK(decode({0xBF, 1, 0}) == MidiMessage{MidiKind::ControlChange, 16, 1, 0});
    }
    SECTION("note on and note off") {
        CHECK(decode({0x99, 36, 127}) == MidiMessage{MidiKind::NoteOn, 10, 36, 127});
        CHECK(decode({0x80, 60, 64}) == MidiMessage{MidiKind::NoteOff, 1, 60, 64});
    }
    SECTION("a note on with velocity 0 is a note off") {
        CHECK(decode({0x92, 60, 0}) == MidiMessage{MidiKind::NoteOff, 3, 60, 0});
    }
    SECTION("realtime messages have no channel") {
        CHECK(decode({0xF8}) == MidiMessage{MidiKind::Clock, 0, 0, 0});
        CHECK(decode({0xFA}).kind == MidiKind::Start);
        CHECK(decode({0xFB}).kind == MidiKind::Continue);
        CHECK(decode({0xFC}).kind == MidiKind::Stop);
    }
    SECTION("everything else is Other") {
        CHECK(decode({}).kind == MidiKind::Other);
        CHECK(decode({0xE0, 0, 64}).kind == MidiKind::Other);      // pitch bend
        CHECK(decode({0xFE}).kind == MidiKind::Other);             // active sensing
        CHECK(decode({0xF0, 0x7E, 0xF7}).kind == MidiKind::Other); // SysEx
        CHECK(decode({0x40, 0x10}).kind == MidiKind::Other);       // data without status
    }
    SECTION("truncated or corrupt channel messages are Other, not garbage") {
        CHECK(decode({0xB0, 74}).kind == MidiKind::Other);
        CHECK(decode({0x90}).kind == MidiKind::Other);
        CHECK(decode({0xB0, 0x80, 1}).kind == MidiKind::Other);
        CHECK(decode({0x90, 60, 0xF8}).kind == MidiKind::Other);
    }
    SECTION("kinds have printable names") {
        CHECK(std::string(kindName(MidiKind::ControlChange)) == "control change");
        CHECK(std::string(kindName(MidiKind::Clock)) == "clock");
    }
}

TEST_CASE("Notes recall presets or flash", "[midi]") {
    SECTION("notes 36..44 recall presets 1..9, on any channel") {
        CHECK(noteAction({MidiKind::NoteOn, 10, 36, 100}) == NoteAction{RecallPreset{1}});
        CHECK(noteAction({MidiKind::NoteOn, 1, 40, 1}) == NoteAction{RecallPreset{5}});
        CHECK(noteAction({MidiKind::NoteOn, 16, 44, 127}) == NoteAction{RecallPreset{9}});
    }
    SECTION("any other note flashes, with its velocity as strength") {
        CHECK(noteAction({MidiKind::NoteOn, 1, 35, 127}) == NoteAction{Flash{35, 1.0}});
        CHECK(noteAction({MidiKind::NoteOn, 1, 45, 127}) == NoteAction{Flash{45, 1.0}});
        const auto soft = noteAction({MidiKind::NoteOn, 1, 60, 0x40});
        REQUIRE(soft);
        REQUIRE(std::holds_alternative<Flash>(*soft));
        CHECK(std::get<Flash>(*soft).strength == Approx(64.0 / 127));
    }
    SECTION("note offs, control changes and the clock ask for nothing") {
        CHECK_FALSE(noteAction({MidiKind::NoteOff, 1, 36, 0}));
        CHECK_FALSE(noteAction({MidiKind::ControlChange, 1, 36, 127}));
        CHECK_FALSE(noteAction({MidiKind::Clock, 0, 0, 0}));
    }
    SECTION("decoded bytes: a velocity-0 note on at a preset note does not recall it") {
        const std::vector<std::uint8_t> bytes{0x99, 36, 0};
        CHECK_FALSE(noteAction(decodeMidi(bytes)));
    }
}
