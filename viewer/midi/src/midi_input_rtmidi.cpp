// midi_input_rtmidi.cpp — MidiInput on RtMidi (see midi_input.hpp).
//
// RtMidi 5.0 traps this file works around, each checked on Debian 12:
// - RtMidiIn(UNSPECIFIED) throws as soon as ALSA fails, without trying
//   JACK, so "auto" is done here, one API after the other.
// - Without a JACK server, RtMidiIn(UNIX_JACK) constructs (printing a
//   warning) but openVirtualPort() then dereferences the missing client and
//   crashes: the warning is taken as "no server" and the port never opened.
// - Without /dev/snd/seq, libasound prints its own line to stderr before
//   RtMidi throws; the file is checked first so nothing is printed.
// - Without a JACK server, jack2's libjack prints five lines of its own
//   ("Cannot connect to server socket ...") through jack_error: its error
//   and info functions are swapped for a recorder while RtMidi opens.
// - Timing messages are ignored by default: the clock must be asked for.
#include <RtMidi.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <sstream>

#include "chatter_capture.hpp"
#include "polar/viewer/midi/midi_input.hpp"

namespace polar::viewer::midi {

namespace {

// Where the ALSA sequencer lives; without it ALSA MIDI cannot work.
constexpr const char* kAlsaSequencer = "/dev/snd/seq";
// RtMidi's messages kept for diagnostics(); older ones are dropped (a
// flapping JACK connection must not grow memory).
constexpr std::size_t kMaxDiagnostics = 64;

// RtMidi pads its messages with blank lines; the report wants one line.
std::string firstLine(const std::string& text) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) return line;
    }
    return text;
}

using detail::CerrCapture;
using detail::JackCapture;

} // namespace

struct MidiInput::Impl {
    explicit Impl(const MidiInputOptions& o) : options(o), queue(o.queueBound) {}

    MidiInputOptions options;
    MidiQueue queue;
    std::vector<std::unique_ptr<RtMidiIn>> inputs; // [0] owns the virtual port
    std::string api;
    std::string status;
    std::vector<std::string> ports;
    mutable std::mutex diagnosticsMutex; // the error callback may run on RtMidi's thread
    std::vector<std::string> diagnostics;

    void addDiagnostics(const std::string& text) {
        std::istringstream lines(text);
        std::lock_guard lock(diagnosticsMutex);
        for (std::string line; std::getline(lines, line);) {
            if (line.empty()) continue;
            if (diagnostics.size() == kMaxDiagnostics) diagnostics.erase(diagnostics.begin());
            diagnostics.push_back(line);
        }
    }

    static void onMessage(double, std::vector<unsigned char>* bytes, void* self) {
        const MidiMessage msg = decodeMidi(*bytes);
        if (msg.kind == MidiKind::Other) return;
        static_cast<Impl*>(self)->queue.push({msg, MidiInput::now()});
    }
    static void onError(RtMidiError::Type, const std::string& text, void* self) {
        static_cast<Impl*>(self)->addDiagnostics(text);
    }

    // A connected RtMidiIn of `which`, or null with `why`.
    std::unique_ptr<RtMidiIn> open(RtMidi::Api which, std::string& why) {
        if (which == RtMidi::LINUX_ALSA && ::access(kAlsaSequencer, F_OK) != 0) {
            why = "no ALSA sequencer (" + std::string(kAlsaSequencer) + " is missing)";
            return nullptr;
        }
        std::unique_ptr<RtMidiIn> in;
        CerrCapture capture;
        JackCapture jack;
        try {
            in = std::make_unique<RtMidiIn>(which, options.clientName);
        } catch (const RtMidiError& e) {
            addDiagnostics(jack.text() + capture.text());
            why = e.getMessage();
            return nullptr;
        }
        addDiagnostics(jack.text());
        if (const auto warned = capture.text(); !warned.empty()) {
            addDiagnostics(warned);
            why = which == RtMidi::UNIX_JACK ? "no JACK server running" : firstLine(warned);
            return nullptr;
        }
        in->setErrorCallback(&Impl::onError, this);
        // Keep SysEx and active sensing out, let the clock in.
        in->ignoreTypes(true, false, true);
        in->setCallback(&Impl::onMessage, this);
        return in;
    }

    // Opens the virtual port on `which`; true on success.
    bool openVirtual(RtMidi::Api which, std::string& why) {
        auto in = open(which, why);
        if (!in) return false;
        try {
            in->openVirtualPort(options.virtualPortName);
        } catch (const RtMidiError& e) {
            why = e.getMessage();
            return false;
        }
        api = RtMidi::getApiName(which);
        inputs.push_back(std::move(in));
        return true;
    }

    // connectAll: one RtMidiIn per matching output port (RtMidi opens one
    // port per instance).
    void connectExisting(RtMidi::Api which) {
        std::vector<std::string> names;
        const unsigned count = inputs.front()->getPortCount();
        for (unsigned i = 0; i < count; ++i) names.push_back(inputs.front()->getPortName(i));
        for (unsigned i = 0; i < names.size(); ++i) {
            if (!options.portFilter.empty() &&
                names[i].find(options.portFilter) == std::string::npos)
                continue;
            std::string why;
            auto in = open(which, why);
            if (!in) continue;
            try {
                in->openPort(i, "in " + std::to_string(ports.size() + 1));
            } catch (const RtMidiError& e) {
                addDiagnostics(e.getMessage());
                continue;
            }
            if (!in->isPortOpen()) continue;
            ports.push_back(names[i]);
            inputs.push_back(std::move(in));
        }
    }
};

MidiInput::MidiInput(const MidiInputOptions& options, std::ostream& report)
    : m_impl(std::make_unique<Impl>(options)) {
    auto& impl = *m_impl;
    std::vector<RtMidi::Api> compiled;
    RtMidi::getCompiledApi(compiled);
    auto have = [&](RtMidi::Api a) {
        return std::find(compiled.begin(), compiled.end(), a) != compiled.end();
    };
    std::vector<RtMidi::Api> tries;
    std::string reason;
    if (options.api == "auto") {
        for (auto a : {RtMidi::UNIX_JACK, RtMidi::LINUX_ALSA}) {
            if (have(a)) tries.push_back(a);
        }
        reason = "no ALSA sequencer or JACK server";
    } else if (options.api == "jack" || options.api == "alsa") {
        const auto a = options.api == "jack" ? RtMidi::UNIX_JACK : RtMidi::LINUX_ALSA;
        if (have(a)) tries.push_back(a);
        reason = "RtMidi was built without " + options.api;
    } else {
        reason = "unknown MIDI API \"" + options.api + "\" (auto, alsa or jack)";
    }
    for (auto a : tries) {
        std::string why;
        if (impl.openVirtual(a, why)) break;
        // A named API says exactly what failed; "auto" keeps its summary.
        if (options.api != "auto") reason = why;
    }
    if (impl.inputs.empty()) {
        impl.status = reason;
        report << options.clientName << ": MIDI: " << reason << "; running without MIDI\n";
        return;
    }
    const auto which = RtMidi::getCompiledApiByName(impl.api);
    if (options.connectAll) impl.connectExisting(which);
    impl.status = impl.api + ": virtual port \"" + options.virtualPortName + "\"";
    if (options.connectAll) {
        impl.status += ", " + std::to_string(impl.ports.size()) + " existing port(s) connected";
        if (impl.ports.empty() && !options.portFilter.empty()) {
            report << options.clientName << ": MIDI: no output port matches \""
                   << options.portFilter << "\"; listening on \"" << options.virtualPortName
                   << "\" only\n";
        }
    }
}

MidiInput::~MidiInput() {
    // Close the ports first: RtMidi's thread must stop calling back into
    // the queue before it is destroyed.
    m_impl->inputs.clear();
}

bool MidiInput::enabled() const { return !m_impl->inputs.empty(); }
const std::string& MidiInput::api() const { return m_impl->api; }
const std::string& MidiInput::status() const { return m_impl->status; }
const std::vector<std::string>& MidiInput::connectedPorts() const { return m_impl->ports; }
std::vector<TimedMessage> MidiInput::drain() { return m_impl->queue.drain(); }
std::uint64_t MidiInput::dropped() const { return m_impl->queue.dropped(); }

std::vector<std::string> MidiInput::diagnostics() const {
    std::lock_guard lock(m_impl->diagnosticsMutex);
    return m_impl->diagnostics;
}

double MidiInput::now() {
    using Seconds = std::chrono::duration<double>;
    return std::chrono::duration_cast<Seconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace polar::viewer::midi
