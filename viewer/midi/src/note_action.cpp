// note_action.cpp — note-on to preset or flash (see note_action.hpp).
#include "polar/viewer/midi/note_action.hpp"

namespace polar::viewer::midi {

std::optional<NoteAction> noteAction(const MidiMessage& msg) {
    if (msg.kind != MidiKind::NoteOn) return std::nullopt;
    if (msg.number >= kFirstPresetNote && msg.number <= kLastPresetNote) {
        return RecallPreset{msg.number - kFirstPresetNote + 1};
    }
    return Flash{msg.number, msg.value / 127.0};
}

} // namespace polar::viewer::midi
