// preset_bank.hpp — nine presets in one JSON file (`--preset FILE`).
//
//   {"version": 1,
//    "presets": {"1": {"name": "calm",
//                      "values": {"/viewer/theme": "ink", "/viewer/zoom": 0.8, ...}},
//                "2": {...}}}
//
// Design. A file, not a folder of files: a performer carries one thing to
// the venue. Slots are "1".."9" (the keys 1-9, MIDI notes 36-44,
// /viewer/preset/recall N). Values are keyed by OSC path, the same names
// a controller sends, so the file reads as a list of messages; a theme is
// kept by name. Loading checks everything and says what is wrong where
// (`presets.json: preset 3: "/viewer/zoom" is not a number`); a bad file
// never half-loads. Saving writes a temporary file and renames it over
// the old one, so a crash mid-write never loses the previous bank.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "polar/viewer/control_model.hpp"

namespace polar::viewer {

inline constexpr std::size_t kPresetSlots = 9;

struct PresetBank {
    std::array<std::optional<Preset>, kPresetSlots> slots;  // slot 1 is slots[0]
};

struct PresetLoad {
    std::optional<PresetBank> bank;
    std::string error;  // "FILE: what is wrong" when bank is empty
};

// A missing file is an error here; the app decides whether that is fine
// (a new bank that the first store creates).
PresetLoad loadPresetBank(const std::filesystem::path& file);
// Empty on success, otherwise why it failed.
std::string savePresetBank(const std::filesystem::path& file, const PresetBank& bank);

std::string presetBankJson(const PresetBank& bank);  // the text savePresetBank writes

} // namespace polar::viewer
