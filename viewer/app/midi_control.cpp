// midi_control.cpp — see midi_control.hpp.
#include "midi_control.hpp"

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "polar/viewer/midi/note_action.hpp"

namespace polar::viewer {

namespace {

midi::MidiInputOptions inputOptions(const ViewerOptions& o) {
    midi::MidiInputOptions options;
    options.api = o.midiApi;
    options.connectAll = !o.midiPort.empty();
    options.portFilter = o.midiPort;
    return options;
}

bool learnable(const ParamSpec& spec) { return spec.kind != ParamKind::Trigger; }

// A tempo from the clock is taken when it moved by more than this: the
// estimate wobbles by a few hundredths, and each change is published.
constexpr double kTempoStep = 0.5;

} // namespace

MidiControl::MidiControl(const ViewerOptions& o) : m_input(inputOptions(o)), m_mapFile(o.midiMap) {
    std::error_code ec;
    if (m_mapFile.empty() || !std::filesystem::exists(m_mapFile, ec)) return;
    try {
        m_map.load(m_mapFile);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string("--midi-map: ") + e.what());
    }
}

bool MidiControl::applyMessage(ControlModel& model, const midi::TimedMessage& timed) {
    const midi::MidiMessage& message = timed.message;
    m_clock.feed(message, timed.seconds);
    if (message.kind == midi::MidiKind::NoteOn) {
        const auto action = midi::noteAction(message);
        if (!action) return false;
        if (const auto* recall = std::get_if<midi::RecallPreset>(&*action)) {
            model.set("/viewer/preset/recall", {static_cast<double>(recall->preset)});
            return false;
        }
        return true;
    }
    if (message.kind != midi::MidiKind::ControlChange) return false;
    const bool learning = m_map.armed().has_value();
    const auto change = m_map.apply(message);
    if (!change) return false;
    if (learning && !m_map.armed()) {
        m_notice = "learned CC " + std::to_string(message.number) + " -> " + change->path;
        if (!m_mapFile.empty()) {
            try {
                m_map.save(m_mapFile);
            } catch (const std::exception& e) {
                m_notice = e.what();
            }
        }
    }
    if (const ParamSpec* spec = model.find(change->path))
        model.set(change->path, {spec->min + change->value * (spec->max - spec->min)});
    return false;
}

bool MidiControl::poll(ControlModel& model) {
    bool flash = false;
    for (const auto& timed : m_input.drain()) flash = applyMessage(model, timed) || flash;
    updateTempo(model);
    return flash;
}

void MidiControl::updateTempo(ControlModel& model) {
    const auto bpm = m_clock.bpm(midi::MidiInput::now());
    if (!bpm || std::abs(*bpm - m_lastClockBpm) < kTempoStep) return;
    m_lastClockBpm = *bpm;
    model.set(Param::Tempo, std::round(*bpm * 10) / 10);
}

void MidiControl::learnNext(const ControlModel& model) {
    const auto& params = model.params();
    std::size_t next = 0;
    if (const auto& armed = m_map.armed()) {
        for (std::size_t k = 0; k < params.size(); ++k)
            if (params[k].path == *armed) next = k + 1;
    }
    while (next < params.size() && !learnable(params[next])) ++next;
    if (next >= params.size()) {
        m_map.cancel();
        m_notice = "MIDI learn off";
        return;
    }
    m_map.arm(params[next].path);
    m_notice.clear();
}

std::string MidiControl::status() const {
    if (!m_input.enabled()) return "MIDI off";
    if (const auto& armed = m_map.armed()) return "MIDI learn " + *armed + ": move a control (M: next)";
    std::string text = "MIDI " + m_input.api() + " " + std::to_string(m_map.bindings().size()) + " bindings";
    if (!m_notice.empty()) text += ", " + m_notice;
    return text;
}

} // namespace polar::viewer
