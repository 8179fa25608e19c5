// midi_message.cpp — raw bytes to MidiMessage (the MIDI 1.0 status table).
#include "polar/viewer/midi/midi_message.hpp"

namespace polar::viewer::midi {

namespace {
// Status bytes of the realtime messages the viewer follows (MIDI 1.0,
// table "System Real-Time Messages").
constexpr std::uint8_t kClock = 0xF8;
constexpr std::uint8_t kStart = 0xFA;
constexpr std::uint8_t kContinue = 0xFB;
constexpr std::uint8_t kStop = 0xFC;

// The high nibble of a channel message's status byte.
constexpr std::uint8_t kNoteOff = 0x80;
constexpr std::uint8_t kNoteOn = 0x90;
constexpr std::uint8_t kControlChange = 0xB0;
} // namespace

MidiMessage decodeMidi(std::span<const std::uint8_t> bytes) {
    MidiMessage out;
    if (bytes.empty()) return out;
    const std::uint8_t status = bytes[0];
    switch (status) {
        case kClock:
            out.kind = MidiKind::Clock;
            return out;
        case kStart:
            out.kind = MidiKind::Start;
            return out;
        case kContinue:
            out.kind = MidiKind::Continue;
            return out;
        case kStop:
            out.kind = MidiKind::Stop;
            return out;
        default:
            break;
    }
    const std::uint8_t type = status & 0xF0;
    if (type != kNoteOff && type != kNoteOn && type != kControlChange) return out;
    // The three kinds above carry two data bytes, each below 0x80; anything
    // shorter or with a status byte inside is a broken message, not ours.
    if (bytes.size() < 3 || (bytes[1] & 0x80) || (bytes[2] & 0x80)) return out;
    out.channel = (status & 0x0F) + 1;
    out.number = bytes[1];
    out.value = bytes[2];
    if (type == kControlChange) {
        out.kind = MidiKind::ControlChange;
    } else if (type == kNoteOn && out.value > 0) {
        out.kind = MidiKind::NoteOn;
    } else {
        out.kind = MidiKind::NoteOff;
    }
    return out;
}

const char* kindName(MidiKind kind) {
    switch (kind) {
        case MidiKind::ControlChange:
            return "control change";
        case MidiKind::NoteOn:
            return "note on";
        case MidiKind::NoteOff:
            return "note off";
        case MidiKind::Clock:
            return "clock";
        case MidiKind::Start:
            return "start";
        case MidiKind::Continue:
            return "continue";
        case MidiKind::Stop:
            return "stop";
        case MidiKind::Other:
            return "other";
    }
    return "other";
}

} // namespace polar::viewer::midi
