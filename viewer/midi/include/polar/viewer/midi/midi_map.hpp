// midi_map.hpp — which knob moves which parameter, and MIDI learn.
//
// A binding ties one controller (channel, CC number) to one parameter
// path such as "/viewer/zoom". The map knows nothing of what a path means:
// apply() turns a control change into {path, value / 127} and the app sets
// the parameter. Learning is the usual studio gesture: arm(path), move a
// knob, and that knob now drives the path. One knob drives one path and one
// path is driven by one knob, so learning replaces any older binding of
// either — re-learning never leaves a stale knob fighting the new one.
//
// The map is saved as JSON ({"version":1,"bindings":[{"channel":1,"cc":74,
// "path":"/viewer/zoom"}]}). save() writes a temporary file beside the
// target, syncs it and renames it over the target, so a crash or a full
// disk leaves either the old mapping or the new one, never half a file.
// load() checks every field; a bad file throws std::runtime_error naming
// the file and what is wrong, and leaves the map as it was.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "polar/viewer/midi/midi_message.hpp"

namespace polar::viewer::midi {

struct MidiBinding {
    int channel = 1; // 1–16
    int cc = 0;      // 0–127
    std::string path;

    bool operator==(const MidiBinding&) const = default;
};

// What a control change asks of the app: set `path` to `value` (0..1).
struct ParameterChange {
    std::string path;
    double value = 0;
};

class MidiMap {
public:
    // The file format's version; load() refuses others.
    static constexpr int kFileVersion = 1;

    // Binds directly (the learn gesture without the knob), replacing any
    // binding of the same controller or the same path. Throws
    // std::invalid_argument for a channel outside 1–16, a CC outside
    // 0–127 or a path not starting with '/'.
    void bind(int channel, int cc, const std::string& path);
    // Removes the binding of `path`; false if there was none.
    bool unbind(const std::string& path);

    // MIDI learn: the next control change binds its controller to `path`.
    void arm(const std::string& path);
    void cancel() { m_armed.reset(); }
    const std::optional<std::string>& armed() const { return m_armed; }

    // The parameter change a message asks for, if it is a bound control
    // change. While armed, a control change first completes the learning
    // (and then applies, so the parameter jumps to where the knob is).
    std::optional<ParameterChange> apply(const MidiMessage& msg);

    const std::vector<MidiBinding>& bindings() const { return m_bindings; }
    std::optional<MidiBinding> bindingFor(const std::string& path) const;

    // Throws std::runtime_error "<file>: <what is wrong>".
    void load(const std::string& file);
    void save(const std::string& file) const;
    // The JSON text save() writes (two-space indent, trailing newline).
    std::string toJson() const;
    // Parses the text load() reads; `name` prefixes error messages.
    static MidiMap fromJson(const std::string& text, const std::string& name);

private:
    std::vector<MidiBinding> m_bindings;
    std::optional<std::string> m_armed;
};

} // namespace polar::viewer::midi
