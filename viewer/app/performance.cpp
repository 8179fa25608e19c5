// performance.cpp — see performance.hpp.
#include "performance.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "control_query.hpp"
#include "midi_control.hpp"
#include "sound_stream.hpp"
#include "theme.hpp"

namespace polar::viewer {

namespace {

constexpr std::string_view kControlPrefix = "/viewer/";

// The Scene's flashes a second while limited (SceneConfig's default).
constexpr int kSafeFlashesPerSecond = 2;

// An OSC argument as the control model takes it: any number is a number
// (T/F are 1/0), strings and symbols are names; anything else is no value.
std::optional<ControlArg> toControlArg(const osc::OscArg& arg) {
    if (const auto* v = std::get_if<std::int32_t>(&arg)) return ControlArg{static_cast<double>(*v)};
    if (const auto* v = std::get_if<float>(&arg)) return ControlArg{static_cast<double>(*v)};
    if (const auto* v = std::get_if<double>(&arg)) return ControlArg{*v};
    if (const auto* v = std::get_if<std::int64_t>(&arg)) return ControlArg{static_cast<double>(*v)};
    if (const auto* v = std::get_if<bool>(&arg)) return ControlArg{*v ? 1.0 : 0.0};
    if (const auto* v = std::get_if<std::string>(&arg)) return ControlArg{*v};
    if (const auto* v = std::get_if<osc::OscSymbol>(&arg)) return ControlArg{v->value};
    return std::nullopt;
}

double ease(double t) { return t * t * (3 - 2 * t); }

// The hue family of lane `k` under palette `palette` (paletteNames()).
double paletteHue(std::string_view palette, std::size_t k, double own, double beats) {
    const double step = 14.0 * static_cast<double>(k);  // neighbours stay told apart
    if (palette == "warm") return 20 + step;
    if (palette == "cool") return 195 + step;
    if (palette == "violet") return 275 + step;
    if (palette == "spectrum") return std::fmod(beats * 6, 360.0) + 40 * static_cast<double>(k);  // a turn in 60 beats
    return own;
}

std::size_t indexOf(const std::vector<std::string>& names, const std::string& name) {
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == name) return k;
    return 0;
}

} // namespace

std::vector<std::string> themeNames() {
    std::vector<std::string> names;
    for (const ThemeInfo& theme : themeList()) names.emplace_back(theme.name);
    return names;
}

void printControls(std::ostream& out) {
    const auto number = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", v);
        return std::string(text);
    };
    out << "| path | type | range | default | unit | what it does |\n|---|---|---|---|---|---|\n";
    const auto themes = themeNames();
    for (const ParamSpec& spec : viewerParams(themes, indexOf(themes, ViewerOptions{}.theme))) {
        std::string range = number(spec.min) + ".." + number(spec.max), initial = number(spec.initial);
        if (spec.kind == ParamKind::Choice) {
            range.clear();
            for (const auto& name : spec.choices) range += (range.empty() ? "" : ", ") + name;
            initial = spec.choices.empty() ? "" : spec.choices[static_cast<std::size_t>(spec.initial)];
        }
        if (spec.kind == ParamKind::Toggle) range = "0, 1";
        if (spec.kind == ParamKind::Trigger) initial = "-";
        if (spec.kind == ParamKind::Trigger && spec.min == spec.max) range = "-";
        const std::string type = controlTypeTag(spec);
        out << "| `" << spec.path << "` | " << (type.empty() ? "-" : type) << " | " << range << " | " << initial
            << " | " << (spec.unit.empty() ? "-" : spec.unit) << " | " << spec.description << " |\n";
    }
}

Performance::Performance(const ViewerOptions& o)
    : m_model(viewerParams(themeNames(), indexOf(themeNames(), o.theme))), m_presetFile(o.preset) {
    m_model.set(Param::Labels, o.labels ? 1 : 0);
    m_model.set(Param::Hud, o.hud ? 1 : 0);
    m_model.set(Param::FlashLimit, o.unsafeFlashes ? 0 : 1);
    m_model.set(Param::Tempo, o.bpm);
    m_model.set(Param::Mode, o.mode == "coaster" ? 1 : 0);
    m_alternate = o.alternate;
    if (!m_presetFile.empty()) {
        std::error_code ec;
        if (std::filesystem::exists(m_presetFile, ec)) {
            PresetLoad load = loadPresetBank(m_presetFile);
            if (!load.bank) throw std::runtime_error("--preset: " + load.error);
            m_bank = std::move(*load.bank);
            if (m_bank.slots[0]) {
                m_model.recall(*m_bank.slots[0], 0);
                m_lastPreset = 1;
            }
        }
    }
    m_model.advance(1e-9);  // settle the recalled choices
    m_model.changed();
    if (o.midi) m_midi = std::make_unique<MidiControl>(o);
}

Performance::~Performance() = default;

void Performance::serveOscQuery(const ViewerOptions& o, std::uint16_t oscPort, bool explicitPort) {
    if (o.oscqueryPort == 0) return;
    try {
        m_query = std::make_unique<ControlQuery>(o, m_model, oscPort);
    } catch (const std::runtime_error& e) {
        if (explicitPort) throw std::runtime_error(std::string("--oscquery-port: ") + e.what());
        std::cerr << "polar-viewer: warning: no OSCQuery service (" << e.what() << "); --oscquery-port P picks another port\n";
        return;
    }
    std::cout << "polar-viewer: OSCQuery on http://" << o.bind << ":" << m_query->port() << "/ ("
              << m_query->advertiseStatus() << ")" << std::endl;
}

bool Performance::handle(const osc::OscMessage& message, double now, bool controlPort) {
    if (message.address.compare(0, kControlPrefix.size(), kControlPrefix) != 0) {
        if (controlPort) ++m_counters.unknown;
        return controlPort;
    }
    std::vector<ControlArg> args;
    for (const osc::OscArg& arg : message.args) {
        const auto converted = toControlArg(arg);
        if (!converted) {
            ++m_counters.mistyped;
            return true;
        }
        args.push_back(*converted);
    }
    switch (m_model.set(message.address, args, now)) {
    case ControlModel::Outcome::Accepted:
    case ControlModel::Outcome::Action: ++m_counters.accepted; break;
    case ControlModel::Outcome::Unknown: ++m_counters.unknown; break;
    case ControlModel::Outcome::Mistyped: ++m_counters.mistyped; break;
    }
    return true;
}

bool Performance::key(sf::Keyboard::Key key, bool shift, double now) {
    if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num9) {
        const int slot = key - sf::Keyboard::Num1 + 1;
        m_model.set(shift ? "/viewer/preset/store" : "/viewer/preset/recall", {static_cast<double>(slot)});
        return true;
    }
    switch (key) {
    case sf::Keyboard::T: {
        const auto& themes = m_model.params()[static_cast<std::size_t>(Param::Theme)].choices;
        m_model.set(Param::Theme, static_cast<double>((m_model.integer(Param::Theme) + 1) % themes.size()));
        return true;
    }
    case sf::Keyboard::V: m_model.set(Param::Mode, coaster() ? 0 : 1); return true;
    case sf::Keyboard::H: m_model.set(Param::Hud, hud() ? 0 : 1); return true;
    case sf::Keyboard::L: m_model.set(Param::Labels, labels() ? 0 : 1); return true;
    case sf::Keyboard::Space: toggleFreeze(); return true;
    case sf::Keyboard::B: m_model.set(Param::Blackout, m_model.target(Param::Blackout) >= 0.5 ? 0 : 1); return true;
    case sf::Keyboard::Tab: m_model.set("/viewer/tap", {}, now); return true;
    case sf::Keyboard::M:
        if (m_midi) m_midi->learnNext(m_model);
        return m_midi != nullptr;
    case sf::Keyboard::Up: m_model.set(Param::Zoom, m_model.target(Param::Zoom) * 1.1); return true;
    case sf::Keyboard::Down: m_model.set(Param::Zoom, m_model.target(Param::Zoom) / 1.1); return true;
    case sf::Keyboard::Left: m_model.set(Param::Hue, m_model.target(Param::Hue) - 15); return true;
    case sf::Keyboard::Right: m_model.set(Param::Hue, m_model.target(Param::Hue) + 15); return true;
    default: return false;
    }
}

void Performance::recall(int slot) {
    const auto& preset = m_bank.slots[static_cast<std::size_t>(slot - 1)];
    if (!preset) {
        m_notice = "preset " + std::to_string(slot) + " is empty";
        return;
    }
    const std::size_t skipped = m_model.recall(*preset, m_model.value(Param::Crossfade));
    m_lastPreset = slot;
    m_notice = "preset " + std::to_string(slot) + (preset->name.empty() ? "" : " " + preset->name) +
               (skipped ? " (" + std::to_string(skipped) + " values skipped)" : "");
}

void Performance::store(int slot) {
    m_bank.slots[static_cast<std::size_t>(slot - 1)] = m_model.snapshot("preset " + std::to_string(slot));
    m_lastPreset = slot;
    if (m_presetFile.empty()) {
        m_notice = "stored preset " + std::to_string(slot) + " (in memory: no --preset FILE)";
        return;
    }
    const std::string problem = savePresetBank(m_presetFile, m_bank);
    m_notice = problem.empty() ? "stored preset " + std::to_string(slot) + " in " + m_presetFile.string() : problem;
    std::cout << "polar-viewer: " << m_notice << std::endl;
}

void Performance::runActions() {
    for (const ControlModel::Action& action : m_model.takeActions()) {
        if (action.id == Param::PresetRecall) recall(action.value);
        else if (action.id == Param::PresetStore) store(action.value);
    }
}

void Performance::updateSpin() {
    // /viewer/rotation turns every square by that many degrees on each
    // beat, in an eased step over the beat's first quarter.
    const double beats = m_model.beat().beats();
    const auto index = static_cast<long long>(std::floor(beats));
    if (index != m_beatIndex) {
        m_beatIndex = index;
        m_spinFrom = m_spin;
        m_spinTo += m_model.value(Param::Rotation);
        // Kept within a turn (a square looks the same 360 degrees on).
        const double wrap = std::floor(m_spinFrom / 360) * 360;
        m_spinFrom -= wrap;
        m_spinTo -= wrap;
    }
    m_spin = m_spinFrom + (m_spinTo - m_spinFrom) * ease(std::min(1.0, m_model.beat().phase() * 4));
}

void Performance::tick(double dt, Stage& stage, Show* show, SoundOutput* sound, double now) {
    // A MIDI note's flash goes through each lane's limiter like any other.
    const bool flash = m_midi && m_midi->poll(m_model);
    m_model.advance(dt);
    runActions();
    if (m_alternate > 0 && (m_sinceSwitch += dt) >= m_alternate) {
        m_sinceSwitch = 0;
        m_model.set(Param::Mode, coaster() ? 0 : 1);
    }
    updateSpin();
    if (show) show->setTheme(m_model.choice(Param::Theme));
    if (m_model.on(Param::FlashLimit) != m_flashLimit) {
        m_flashLimit = m_model.on(Param::FlashLimit);
        stage.setFlashesPerSecond(m_flashLimit ? kSafeFlashesPerSecond : 0);
        if (show) show->setSafe(m_flashLimit);
    }
    const std::string palette = m_model.choice(Param::Palette);
    const double shift = m_model.value(Param::Hue), beats = m_model.beat().beats();
    stage.setHueMap([palette, shift, beats](std::size_t k, double own) {
        return std::fmod(paletteHue(palette, k, own, beats) + shift + 720.0, 360.0);
    });
    if (flash)
        for (const auto& lane : stage.lanes()) lane->scene->flash();
    if (m_query) m_query->publish(m_model);
    const double bpm = m_model.value(Param::Tempo);
    if (sound && bpm != m_soundBpm) {
        // The first call only records --bpm, which the synthesis starts at.
        if (m_soundBpm > 0) sound->setTempo(now, bpm);
        m_soundBpm = bpm;
    }
}

Look Performance::look() const {
    Look look;
    look.zoom = static_cast<float>(m_model.value(Param::Zoom));
    look.spin = m_spin;
    look.trail = m_model.value(Param::Trail);
    look.bpm = m_model.value(Param::Tempo);
    look.pulse = m_model.beat().pulse();
    const double shown = m_model.value(Param::Intensity) * (1 - m_model.value(Param::Blackout));
    look.dim = 1 - std::clamp(shown, 0.0, 1.0);
    look.solo = m_model.integer(Param::Solo);
    look.coaster = coaster();
    for (std::size_t k = 0; k < look.muted.size(); ++k) look.muted[k] = m_model.on(muteParam(k));
    return look;
}

std::string Performance::status() const {
    char line[200];
    std::snprintf(line, sizeof line, "controls %llu   %.0f bpm%s%s%s",
                  static_cast<unsigned long long>(m_counters.accepted), m_model.value(Param::Tempo),
                  m_lastPreset ? ("   preset " + std::to_string(m_lastPreset)).c_str() : "",
                  m_notice.empty() ? "" : "   ", m_notice.c_str());
    std::string text = line;
    if (m_counters.unknown) text += "   unknown controls " + std::to_string(m_counters.unknown);
    if (m_midi) text += "   " + m_midi->status();
    return text;
}

} // namespace polar::viewer
