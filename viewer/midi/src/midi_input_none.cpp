// midi_input_none.cpp — MidiInput when RtMidi was not found at configure
// time: always disabled, with the one report line, so the app needs no
// #ifdef of its own.
#include <chrono>

#include "polar/viewer/midi/midi_input.hpp"

namespace polar::viewer::midi {

struct MidiInput::Impl {
    std::string api;
    std::string status = "built without RtMidi";
    std::vector<std::string> ports;
};

MidiInput::MidiInput(const MidiInputOptions& options, std::ostream& report)
    : m_impl(std::make_unique<Impl>()) {
    report << options.clientName << ": MIDI: " << m_impl->status << "; running without MIDI\n";
}

MidiInput::~MidiInput() = default;

bool MidiInput::enabled() const { return false; }
const std::string& MidiInput::api() const { return m_impl->api; }
const std::string& MidiInput::status() const { return m_impl->status; }
const std::vector<std::string>& MidiInput::connectedPorts() const { return m_impl->ports; }
std::vector<TimedMessage> MidiInput::drain() { return {}; }
std::uint64_t MidiInput::dropped() const { return 0; }
std::vector<std::string> MidiInput::diagnostics() const { return {}; }

double MidiInput::now() {
    using Seconds = std::chrono::duration<double>;
    return std::chrono::duration_cast<Seconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace polar::viewer::midi
