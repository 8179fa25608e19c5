// control_params.cpp — the /viewer/... table. Each range says why it is
// that wide; the defaults are the look polar-viewer had before controls.
#include "polar/viewer/control_params.hpp"

#include <array>

namespace polar::viewer {

namespace {

constexpr std::array<std::string_view, 5> kPalettes{"sender", "warm", "cool", "violet", "spectrum"};

ParamSpec real(Param id, std::string path, double min, double max, double initial, std::string unit,
               std::string description) {
    return ParamSpec{id, std::move(path), ParamKind::Real, min, max, initial, std::move(unit), std::move(description)};
}

ParamSpec setting(Param id, std::string path, double min, double max, double initial, std::string unit,
                  std::string description) {
    ParamSpec spec = real(id, std::move(path), min, max, initial, std::move(unit), std::move(description));
    spec.smooth = false;
    return spec;
}

ParamSpec toggle(Param id, std::string path, bool initial, std::string description) {
    return ParamSpec{id, std::move(path), ParamKind::Toggle, 0, 1, initial ? 1.0 : 0.0, "", std::move(description)};
}

ParamSpec trigger(Param id, std::string path, double min, double max, std::string description) {
    ParamSpec spec{id, std::move(path), ParamKind::Trigger, min, max, min, "", std::move(description)};
    spec.inPresets = false;
    return spec;
}

ParamSpec choice(Param id, std::string path, std::vector<std::string> names, std::size_t initial,
                 std::string description) {
    const double last = names.empty() ? 0.0 : static_cast<double>(names.size() - 1);
    ParamSpec spec{id, std::move(path), ParamKind::Choice, 0, last, static_cast<double>(initial), "",
                   std::move(description)};
    spec.choices = std::move(names);
    return spec;
}

} // namespace

std::string controlTypeTag(const ParamSpec& spec) {
    switch (spec.kind) {
    case ParamKind::Real: return "f";
    case ParamKind::Toggle:
    case ParamKind::Integer: return "i";
    case ParamKind::Choice: return "s";
    case ParamKind::Trigger: return spec.max > spec.min ? "i" : "";
    }
    return "";
}

std::span<const std::string_view> paletteNames() { return kPalettes; }

std::vector<ParamSpec> viewerParams(const std::vector<std::string>& themes, std::size_t initialTheme) {
    std::vector<std::string> palettes(kPalettes.begin(), kPalettes.end());
    std::vector<ParamSpec> params{
        choice(Param::Theme, "/viewer/theme", themes, initialTheme, "the look: palette, motion and texture"),
        choice(Param::Palette, "/viewer/palette", palettes, 0,
               "hue families: sender (each its own), or one for every lane"),
        // A dimmer, applied before the flash governor: 0 is black.
        real(Param::Intensity, "/viewer/intensity", 0, 1, 1, "", "overall brightness (0 black, 1 full)"),
        // 0.5 is each theme's own trail; 1 lasts about four times longer,
        // the most before a trail smears a whole search into one blur.
        real(Param::Trail, "/viewer/trail", 0, 1, 0.5, "",
             "trail length: 0 none, 0.5 the theme's own, 1 about four times longer"),
        // A quarter to four times: below, squares are specks on a projector;
        // above, the outer squares leave the frame and depth is lost.
        real(Param::Zoom, "/viewer/zoom", 0.25, 4, 1, "x", "scale of the squares around the lane's centre"),
        // A quarter turn a beat: at 120 bpm one turn in two seconds, the
        // fastest a square still reads as turning rather than flickering
        // (it is symmetric: 90 degrees looks like no turn at all, so the
        // eye sees the eased step). Negative turns the other way.
        real(Param::Rotation, "/viewer/rotation", -90, 90, 0, "deg/beat",
             "every square turns this much more on each beat, in an eased step (0: the theme's own motion)"),
        real(Param::Hue, "/viewer/hue", -180, 180, 0, "deg", "hue shift added to every lane's colours"),
        toggle(Param::Labels, "/viewer/labels", true, "rule names on the squares"),
        toggle(Param::Hud, "/viewer/hud", true, "the heads-up display (counters, status)"),
        toggle(Param::Freeze, "/viewer/freeze", false, "hold the picture (events are still counted)"),
        // Blackout ramps over /viewer/fade rather than the smoothing time: a
        // performer asks for "black in 4 seconds", not for a fader move.
        real(Param::Blackout, "/viewer/blackout", 0, 1, 0, "", "1 fades to black over /viewer/fade seconds, 0 back"),
        setting(Param::Fade, "/viewer/fade", 0, 60, 2, "s", "how long /viewer/blackout takes"),
        toggle(Param::FlashLimit, "/viewer/flashlimit", true,
               "the photosensitivity flash limiter (0 lifts it, as --unsafe-flashes)"),
        // The --bpm range: the span of music with a felt pulse.
        setting(Param::Tempo, "/viewer/tempo", 20, 300, 120, "bpm", "the beat rotation, pulses, trails and the built-in sound lock to"),
        trigger(Param::Tap, "/viewer/tap", 0, 0, "tap tempo: send on each beat (any value or none)"),
        // Ten seconds: slower than any fader a hand moves, quick enough that a
        // control still answers.
        setting(Param::Smoothing, "/viewer/smoothing", 0, 10, 0.25, "s", "how long a value glides to a new setting"),
        trigger(Param::PresetRecall, "/viewer/preset/recall", 1, 9, "recall preset 1..9 over /viewer/preset/crossfade"),
        trigger(Param::PresetStore, "/viewer/preset/store", 1, 9, "store the current values as preset 1..9"),
        setting(Param::Crossfade, "/viewer/preset/crossfade", 0, 30, 2, "s", "how long a preset recall glides"),
        ParamSpec{Param::Solo, "/viewer/source/solo", ParamKind::Integer, 0, 9, 0, "",
                  "show only source lane 1..9 (0: every lane)"},
        choice(Param::Mode, "/viewer/mode", {"squares", "coaster"}, 0,
               "what is drawn: the stack as nested squares, or the search tree as a coaster ride"),
    };
    for (const Param id : {Param::Tempo, Param::Smoothing, Param::Crossfade, Param::Solo, Param::FlashLimit})
        params[static_cast<std::size_t>(id)].inPresets = false;
    for (std::size_t lane = 0; lane < kMaxMuteLanes; ++lane) {
        ParamSpec mute = toggle(muteParam(lane), "/viewer/source/" + std::to_string(lane + 1) + "/mute", false,
                                "hide source lane " + std::to_string(lane + 1));
        mute.inPresets = false;
        params.push_back(std::move(mute));
    }
    return params;
}

} // namespace polar::viewer
