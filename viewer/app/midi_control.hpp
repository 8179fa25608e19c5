// midi_control.hpp — MIDI in for the Performance (`--midi`).
//
// Design. viewer/midi speaks MIDI and parameter paths; this is where a
// path meets the control model. Once a frame poll() drains the input:
// a learned CC sets its parameter (0..127 across the parameter's range,
// so one fader covers zoom's 0.25..4 or a theme list alike), MIDI clock
// sets /viewer/tempo, notes 36-44 recall presets 1-9 and other notes
// flash (through the flash limiter).
//
// Learn: the M key steps through the learnable parameters (every one but
// the triggers) and shows the armed one in the HUD; the next CC that
// moves is bound to it and saved to --midi-map at once (written
// atomically); the next M arms the next parameter, and stepping past the
// last one ends learning.
#pragma once

#include <memory>
#include <string>

#include "polar/viewer/control_model.hpp"
#include "polar/viewer/midi/midi_clock.hpp"
#include "polar/viewer/midi/midi_input.hpp"
#include "polar/viewer/midi/midi_map.hpp"
#include "viewer_options.hpp"

namespace polar::viewer {

class MidiControl {
public:
    // Opens the input (one line on stderr when there is no MIDI system,
    // then runs on without); reads --midi-map when the file exists and
    // throws std::runtime_error when it is bad.
    explicit MidiControl(const ViewerOptions& options);

    // Drains the input into the model; true when a note asked for a flash.
    bool poll(ControlModel& model);
    // The M key: arm the next learnable parameter (none after the last).
    void learnNext(const ControlModel& model);
    // "MIDI jack: 2 bindings", "MIDI learn /viewer/zoom: move a control", or why it is off.
    std::string status() const;

private:
    // True when the message asks for a flash.
    bool applyMessage(ControlModel& model, const midi::TimedMessage& timed);
    void updateTempo(ControlModel& model);

    midi::MidiInput m_input;
    midi::MidiMap m_map;
    midi::MidiClockTempo m_clock;
    std::string m_mapFile;
    std::string m_notice;
    double m_lastClockBpm = 0;
};

} // namespace polar::viewer
