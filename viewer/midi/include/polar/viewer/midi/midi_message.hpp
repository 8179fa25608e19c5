// midi_message.hpp — one MIDI message, decoded from its raw bytes.
//
// The viewer listens to a handful of message kinds: control changes (knobs
// and faders bound to parameters), notes (presets and flashes) and the
// realtime clock (tempo). Everything else decodes as Other and is ignored
// by the callers, so a controller that also sends pitch bend, aftertouch or
// SysEx does no harm. Decoding is a pure function of the bytes, unit-tested
// without any MIDI system; the RtMidi wrapper (midi_input.hpp) only
// timestamps and queues what it returns.
#pragma once

#include <cstdint>
#include <span>

namespace polar::viewer::midi {

enum class MidiKind { ControlChange, NoteOn, NoteOff, Clock, Start, Continue, Stop, Other };

struct MidiMessage {
    MidiKind kind = MidiKind::Other;
    // 1–16 as printed on devices, for channel messages; 0 for system
    // messages (clock, start, ...), which belong to no channel.
    int channel = 0;
    // The controller number of a ControlChange, the note of NoteOn/NoteOff.
    int number = 0;
    // The controller value or the note velocity, 0–127.
    int value = 0;

    bool operator==(const MidiMessage&) const = default;
};

// A message with the time it arrived (seconds on the steady clock).
struct TimedMessage {
    MidiMessage message;
    double seconds = 0;
};

// Decodes one complete message. A note-on with velocity 0 is a note-off
// (running-status senders use it so); an empty, truncated or unknown
// message is Other.
MidiMessage decodeMidi(std::span<const std::uint8_t> bytes);

const char* kindName(MidiKind kind);

} // namespace polar::viewer::midi
