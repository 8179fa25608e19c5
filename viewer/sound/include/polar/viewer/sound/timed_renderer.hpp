// timed_renderer.hpp — a Synth driven by event times, for files.
//
// Writing a WAV needs no audio thread: each event comes with its time in
// seconds since the start, and the renderer first renders the synth up to
// that sample, then applies the event, so every event sounds exactly when
// it happened (to the sample), whatever the caller's frame rate. Times that
// go backwards (late arrivals) are applied at once. Rendered blocks go to a
// sink — a WavWriter, or a vector in tests.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "polar/viewer/sound/synth.hpp"

namespace polar::viewer::sound {

class TimedRenderer {
public:
    using Sink = std::function<void(std::span<const std::int16_t> interleaved)>;

    TimedRenderer(SynthConfig config, Sink sink);

    // Renders up to `seconds`, then applies the event.
    void event(double seconds, const SoundEvent& event);
    // Renders up to `seconds` (nothing when already past it).
    void advanceTo(double seconds);

    double seconds() const;
    const Synth& synth() const { return m_synth; }

private:
    // Blocks of 1,024 frames (23 ms at 44.1 kHz): small enough to keep the
    // buffer in cache, large enough that the sink's per-call cost vanishes.
    static constexpr std::size_t kBlockFrames = 1024;

    Synth m_synth;
    Sink m_sink;
    std::vector<std::int16_t> m_block;
};

} // namespace polar::viewer::sound
