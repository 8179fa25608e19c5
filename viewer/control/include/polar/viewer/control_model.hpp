// control_model.hpp — the live values of the /viewer/... parameters.
//
// Design. Every input (OSC on the event or control port, MIDI, keys,
// presets, the command line) ends in set(): the value is checked against
// the table (control_params.hpp), clamped to its range, and becomes the
// parameter's *target*. The *current* value, which the picture reads,
// follows: advance(dt) moves each smooth Real towards its target along a
// ramp (an eased curve over /viewer/smoothing seconds, /viewer/fade for
// blackout, the crossfade time for a preset), so no control ever makes
// the picture jump. Toggles, integers and choices switch at once; a
// choice (the theme) recalled by a preset switches halfway through the
// crossfade, when the numbers are halfway too.
//
// Actions that the model cannot do itself (store a preset to its file,
// flash on a MIDI note) come back from set() as Outcome::Action with the
// trigger's value; the app runs them. changed() lists the parameters whose
// target moved since the last call, for the OSCQuery server to publish.
//
// Plain C++, no window and no network: tests/unit/viewer/catch_control_*.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "polar/viewer/beat_clock.hpp"
#include "polar/viewer/control_params.hpp"

namespace polar::viewer {

// One argument of a control message, whatever its OSC type: numbers (i f
// d h, T/F as 1/0) are doubles, strings (s S) are strings.
using ControlArg = std::variant<double, std::string>;

// A preset: the target of every parameter with inPresets, by path. Choices
// are kept by name, so a preset survives a theme list that grew.
struct Preset {
    std::string name;
    std::vector<std::pair<std::string, ControlArg>> values;
};

class ControlModel {
public:
    enum class Outcome {
        Accepted,  // the value was taken (perhaps clamped)
        Action,    // a trigger the app performs (see action())
        Unknown,   // no parameter at that path
        Mistyped,  // no usable value (a word for a number, a number out of a choice, NaN)
    };

    explicit ControlModel(std::vector<ParamSpec> params);

    // The path's parameter, or nullptr. Paths are exact ("/viewer/zoom").
    const ParamSpec* find(std::string_view path) const;
    const std::vector<ParamSpec>& params() const { return m_params; }

    // A message's arguments: the first one is the value; a Toggle with no
    // argument flips; a Trigger with none uses its minimum.
    Outcome set(std::string_view path, const std::vector<ControlArg>& args, double now = 0);
    void set(Param id, double value);  // from code (keys, command line), clamped
    // Triggers that reached the app: the id and its value (preset 3 → 3).
    struct Action {
        Param id;
        int value;
    };
    std::vector<Action> takeActions();

    void advance(double dt);

    double value(Param id) const { return m_state[index(id)].current; }
    double target(Param id) const { return m_state[index(id)].target; }
    bool on(Param id) const { return value(id) >= 0.5; }
    int integer(Param id) const { return static_cast<int>(value(id) + 0.5); }
    const std::string& choice(Param id) const;  // a Choice's current name

    // Paths whose target changed since the last call (for OSCQuery).
    std::vector<Param> changed();

    Preset snapshot(std::string name = "") const;
    // Glides every parameter of the preset to its value over `seconds`;
    // unknown paths and bad values in a preset are skipped (counted).
    std::size_t recall(const Preset& preset, double seconds);

    BeatClock& beat() { return m_beat; }
    const BeatClock& beat() const { return m_beat; }

private:
    struct State {
        double current = 0, target = 0;
        double from = 0, elapsed = 0, duration = 0;  // the ramp from `from` to target
        bool changed = false;
    };
    static std::size_t index(Param id) { return static_cast<std::size_t>(id); }
    void setTarget(std::size_t i, double value, double seconds);
    std::optional<double> toValue(const ParamSpec& spec, const ControlArg& arg) const;
    double glideSeconds(const ParamSpec& spec) const;

    std::vector<ParamSpec> m_params;
    std::vector<State> m_state;
    std::vector<Action> m_actions;
    BeatClock m_beat;
    // A preset's choice waits for the crossfade's middle: param, value, seconds left.
    struct PendingChoice {
        std::size_t param;
        double value;
        double wait;
    };
    std::vector<PendingChoice> m_pendingChoices;
};

} // namespace polar::viewer
