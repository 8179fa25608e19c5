// note_action.hpp — what a played note asks the viewer to do.
//
// Pads are for moments, knobs for levels: a note never sets a parameter, it
// triggers. Notes 36..44 (C1..G#1 — the first pads of a GM drum map, the
// bottom row of most pad controllers) recall presets 1..9; any other
// note-on asks for a flash, a pulse the app passes through its flash
// limiter like every other flash, so drumming on a pad cannot make the
// screen strobe. Note-offs and every other message ask for nothing. The
// channel does not matter: pad controllers disagree on theirs.
#pragma once

#include <optional>
#include <variant>

#include "polar/viewer/midi/midi_message.hpp"

namespace polar::viewer::midi {

// Recall preset `preset` (1..9).
struct RecallPreset {
    int preset = 1;
    bool operator==(const RecallPreset&) const = default;
};

// A pulse; `strength` is the velocity normalised to 0..1 (the app may
// scale the pulse's brightness by it, within its limiter).
struct Flash {
    int note = 0;
    double strength = 1.0;
    bool operator==(const Flash&) const = default;
};

using NoteAction = std::variant<RecallPreset, Flash>;

// The first and last note that recall a preset (C1 and G#1 as most
// controllers name them, with middle C = C3 = 60).
constexpr int kFirstPresetNote = 36;
constexpr int kPresetCount = 9;
constexpr int kLastPresetNote = kFirstPresetNote + kPresetCount - 1;

std::optional<NoteAction> noteAction(const MidiMessage& msg);

} // namespace polar::viewer::midi
