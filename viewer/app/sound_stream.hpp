// sound_stream.hpp — the built-in synthesis on the sound card, and in a file.
//
// SoundOutput is what the render loop talks to: each event with its time
// (seconds since the viewer started, or the recording's own time when
// replaying), then "time has reached t". It feeds up to two sinks:
//   --sound      a LiveSynth played by an sf::SoundStream (OpenAL), which
//                pulls blocks on SFML's own thread; events cross over
//                through LiveSynth's lock-free ring, so the audio thread
//                never waits for the app;
//   --sound-out  a TimedRenderer writing a WavWriter on the app thread, each
//                event placed at its exact sample — deterministic for a
//                replay, wall-clock for a live stream.
// Both play the same SynthConfig (tempo, grid, levels); the sample rate
// given to the constructor overrides the config's. The synthesis itself
// (viewer/sound) knows nothing of SFML.
#pragma once

#include <memory>
#include <string>

#include "polar/viewer/scene.hpp"
#include "polar/viewer/sound/synth.hpp"

namespace polar::viewer {

class SynthStream;

class SoundOutput {
public:
    // Opens the sound card when `play` (a warning, not an error, when it
    // cannot: the viewer keeps drawing) and creates `wavPath` when not
    // empty (throws std::runtime_error when it cannot). `config`: the
    // tempo (`--bpm`) and the rest of the synthesis; its sampleRate is
    // replaced by `sampleRate`.
    SoundOutput(bool play, const std::string& wavPath, unsigned sampleRate, sound::SynthConfig config = {});
    ~SoundOutput();

    // `source`: the sender's index when several drive the viewer (0: the
    // first or only one) — its place in the stereo field.
    void event(double seconds, const SceneEvent& event, int source = 0);
    void advanceTo(double seconds);
    // The performer's tempo (/viewer/tempo, tap, MIDI clock) from `seconds`
    // on: the grid takes it at its next point, live and in the WAV.
    void setTempo(double seconds, double bpm);
    // Renders the file's last `tailSeconds` (so the last sounds decay in it),
    // finishes the WAV and prints what was written; throws on write errors.
    void finish(double tailSeconds);

    bool playing() const { return m_stream != nullptr; }

private:
    std::unique_ptr<SynthStream> m_stream;
    struct File;
    std::unique_ptr<File> m_file;
};

} // namespace polar::viewer
