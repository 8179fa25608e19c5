// performance.hpp — polar-viewer as an instrument: what the performer plays.
//
// Design. The ControlModel (viewer/control) holds the /viewer/... values;
// the Performance is where they meet the program. Inputs arrive here —
// control messages from the event port, the --control-port and a
// recording, the keys, preset recalls, (with their own files) MIDI and
// OSCQuery — and once a frame tick() glides the values, runs the
// triggers (recall and store a preset, flash) and hands the Show, the
// Stage and the sound what they read: the theme, the flash limit, the
// palette, and a Look (zoom, spin, trails, the beat, the dimmer, which
// lanes show).
//
// The /polar/... stream and the /viewer/... controls share a port so a
// controller needs only the viewer's address; anything else under
// /viewer/ that is not a parameter is counted (unknown, mistyped) and
// shown in the HUD, never silently lost.
#pragma once

#include <filesystem>
#include <ostream>
#include <memory>
#include <optional>
#include <string>

#include <SFML/Window/Keyboard.hpp>

#include "polar/osc/osc_message.hpp"
#include "polar/viewer/control_model.hpp"
#include "polar/viewer/preset_bank.hpp"
#include "polar/viewer/stage.hpp"
#include "show.hpp"
#include "viewer_options.hpp"

namespace polar::viewer {

class SoundOutput;
class MidiControl;
class ControlQuery;

struct ControlCounters {
    std::uint64_t accepted = 0;  // control messages that set a value or ran a trigger
    std::uint64_t unknown = 0;   // under /viewer/ but no such parameter
    std::uint64_t mistyped = 0;  // a parameter, but no usable value
};

class Performance {
public:
    // Reads --preset FILE (a missing file is a new, empty bank; a bad one
    // throws std::runtime_error with the reason, which main reports as a
    // usage error) and applies its preset 1 at once; opens MIDI (--midi,
    // a bad --midi-map throws too).
    explicit Performance(const ViewerOptions& options);
    ~Performance();
    // --oscquery-port: serves the table, its controls taken on `oscPort`.
    // An explicit port that cannot be bound throws std::runtime_error; the
    // default one (9001, busy with another viewer) is a warning. Prints
    // where it serves.
    void serveOscQuery(const ViewerOptions& options, std::uint16_t oscPort, bool explicitPort);

    // True when `message` was a control (its address starts with /viewer/);
    // then it has been applied or counted. `now` is seconds on any steady
    // clock (tap tempo reads it).
    // From --control-port (`controlPort`), anything else counts as unknown.
    bool handle(const osc::OscMessage& message, double now, bool controlPort = false);
    // A key of the window; true when it was a performance key.
    bool key(sf::Keyboard::Key key, bool shift, double now);

    // Once a frame: glide, run the triggers, apply to stage, show and sound.
    // `now`: seconds on the sound's clock (Pump::seconds()).
    void tick(double dt, Stage& stage, Show* show, SoundOutput* sound, double now = 0);

    Look look() const;
    bool labels() const { return m_model.on(Param::Labels); }
    bool hud() const { return m_model.on(Param::Hud); }
    bool frozen() const { return m_model.on(Param::Freeze); }
    bool coaster() const { return m_model.integer(Param::Mode) == 1; }
    void toggleFreeze() { m_model.set(Param::Freeze, frozen() ? 0.0 : 1.0); }

    ControlModel& model() { return m_model; }
    const ControlCounters& counters() const { return m_counters; }
    // A line for the HUD: "controls 12   preset 3   120 bpm", and what went wrong.
    std::string status() const;

private:
    void runActions();
    void recall(int slot);
    void store(int slot);
    void updateSpin();

    ControlModel m_model;
    std::unique_ptr<MidiControl> m_midi;  // --midi
    std::unique_ptr<ControlQuery> m_query;  // --oscquery-port
    std::filesystem::path m_presetFile;
    PresetBank m_bank;
    ControlCounters m_counters;
    int m_lastPreset = 0;
    std::string m_notice;  // the last preset message, for the HUD
    bool m_flashLimit = true;
    double m_soundBpm = 0;  // the tempo the sound was last given
    // --alternate: squares and coaster take turns every this many seconds
    // (0: never), for a demo or an installation left running.
    double m_alternate = 0;
    double m_sinceSwitch = 0;
    // The eased beat step of /viewer/rotation (look().spin).
    double m_spin = 0, m_spinFrom = 0, m_spinTo = 0;
    long long m_beatIndex = 0;
};

// The theme names of themeList(), for the control table.
std::vector<std::string> themeNames();

// `--controls`: the table as Markdown rows, what viewer/README.md shows.
void printControls(std::ostream& out);

} // namespace polar::viewer
