// midi_input.hpp — MIDI in from ALSA or JACK, through RtMidi.
//
// MidiInput opens a virtual input port ("polar-viewer control") that any
// controller, sequencer or DAW can connect to, and — with connectAll — also
// connects itself to the output ports already there (all of them, or those
// whose name contains portFilter). RtMidi delivers messages on its own
// thread; they are decoded there, stamped with the steady clock and queued
// (midi_queue.hpp), and the app drains the queue once per frame and hands
// each message to MidiMap, noteAction and MidiClockTempo. This file and its
// source are the only ones that know RtMidi; RtMidi stays out of this
// header, so the app does not need its include path.
//
// No MIDI system is a normal case (a container has no /dev/snd, a laptop no
// JACK server): the constructor never throws for it. It reports one line to
// `report` and the input stays disabled — drain() returns nothing. RtMidi
// prints its warnings to std::cerr; they are captured instead (its error
// callback, and std::cerr redirected while RtMidi is being constructed,
// before a callback can be installed) and kept in diagnostics(). That
// redirection makes construction unsafe while other threads write to
// std::cerr: construct MidiInput at start-up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "polar/viewer/midi/midi_message.hpp"
#include "polar/viewer/midi/midi_queue.hpp"

namespace polar::viewer::midi {

struct MidiInputOptions {
    // "auto" (a running JACK server, else the ALSA sequencer), "alsa" or "jack".
    std::string api = "auto";
    // The client name other programs see; also prefixes the report line.
    std::string clientName = "polar-viewer";
    std::string virtualPortName = "polar-viewer control";
    // Also connect to the existing output ports whose name contains
    // portFilter (every port when it is empty).
    bool connectAll = false;
    std::string portFilter;
    std::size_t queueBound = MidiQueue::kDefaultBound;
};

class MidiInput {
public:
    explicit MidiInput(const MidiInputOptions& options = {}, std::ostream& report = std::cerr);
    ~MidiInput();
    MidiInput(const MidiInput&) = delete;
    MidiInput& operator=(const MidiInput&) = delete;

    bool enabled() const;
    // "jack" or "alsa" when enabled, "" otherwise.
    const std::string& api() const;
    // One line: what is open, or why MIDI is off.
    const std::string& status() const;
    // The existing output ports connected by connectAll.
    const std::vector<std::string>& connectedPorts() const;

    // Every message since the last drain, oldest first (only the kinds the
    // viewer uses: Other is dropped on RtMidi's thread).
    std::vector<TimedMessage> drain();
    std::uint64_t dropped() const;
    // RtMidi's own warnings and errors, captured rather than printed.
    std::vector<std::string> diagnostics() const;

    // The clock of TimedMessage::seconds (steady_clock, in seconds), for
    // MidiClockTempo::bpm(now).
    static double now();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace polar::viewer::midi
