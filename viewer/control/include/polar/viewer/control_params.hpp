// control_params.hpp — what a performer can play on polar-viewer: the
// /viewer/... control namespace, version 1.0 (viewer/README.md, "Control").
//
// Design. One table (viewerParams()) lists every parameter once: its OSC
// path, kind, range, default, unit and a sentence for humans. Everything
// that speaks about parameters reads that table: the OSC control handler,
// the keys, MIDI learn, presets, the OSCQuery tree, `--help` and the README.
// A parameter is addressed by its `Param` id in code (a typo is a compile
// error) and by its path on the wire.
//
// Kinds. A Real moves smoothly (ControlModel ramps it, so a fader or a
// preset never makes the picture jump) unless it is a setting (`smooth`
// false: a time, a tempo); a Toggle, an Integer and a Choice switch at once
// (labels on, solo lane 2, another theme); a Trigger keeps no value, it
// asks for an action (tap the tempo, recall preset 3).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace polar::viewer {

// The namespace's version, answered by /viewer/version and in OSCQuery.
// 1.1 added /viewer/mode (squares or the coaster ride).
inline constexpr std::string_view kControlVersion = "1.1";

enum class ParamKind { Real, Toggle, Integer, Choice, Trigger };

// The viewer shows at most Stage::kMaxLanes (9) sources; each can be muted.
inline constexpr std::size_t kMaxMuteLanes = 9;

enum class Param : std::size_t {
    Theme,
    Palette,
    Intensity,
    Trail,
    Zoom,
    Rotation,
    Hue,
    Labels,
    Hud,
    Freeze,
    Blackout,
    Fade,
    FlashLimit,
    Tempo,
    Tap,
    Smoothing,
    PresetRecall,
    PresetStore,
    Crossfade,
    Solo,
    Mode,  // 1.1: added last (before the mutes), so MIDI learn's order (M) keeps its first steps
    Mute1, // Mute1 + k mutes lane k+1, up to kMaxMuteLanes
    Count = Mute1 + kMaxMuteLanes,
};

inline constexpr std::size_t kParamCount = static_cast<std::size_t>(Param::Count);

constexpr Param muteParam(std::size_t lane) {
    return static_cast<Param>(static_cast<std::size_t>(Param::Mute1) + lane);
}

struct ParamSpec {
    Param id;
    std::string path;  // "/viewer/zoom"
    ParamKind kind;
    double min = 0, max = 1, initial = 0;
    std::string unit;  // "s", "bpm", "deg", "x" (a multiple), "" (a plain number)
    std::string description;
    std::vector<std::string> choices{};  // Choice: the names; the value is an index
    bool inPresets = true;               // false: not part of a preset (tempo, store, mute...)
    bool smooth = true;                  // Real only: ramp to a new value (false: settings)
};

// The palettes of /viewer/palette: how lanes get their hue families.
// "sender" keeps each sender's own family (issue 14); warm, cool and violet
// give every lane one family, so a performer sets one mood for the screen;
// spectrum walks the hue circle with the beat.
std::span<const std::string_view> paletteNames();

// The OSC type tag a controller sends for a parameter: f, i, s (a Choice
// takes its name or its index), or "" (a trigger that takes no value).
std::string controlTypeTag(const ParamSpec& spec);

// The table. `themes` are the theme names (the app's themeList(); the
// control library knows no theme), `initialTheme` the one --theme chose.
std::vector<ParamSpec> viewerParams(const std::vector<std::string>& themes, std::size_t initialTheme = 0);

} // namespace polar::viewer
