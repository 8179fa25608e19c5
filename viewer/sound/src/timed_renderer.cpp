#include "polar/viewer/sound/timed_renderer.hpp"

#include <algorithm>
#include <cmath>

namespace polar::viewer::sound {

TimedRenderer::TimedRenderer(SynthConfig config, Sink sink)
    : m_synth(config), m_sink(std::move(sink)), m_block(2 * kBlockFrames) {}

double TimedRenderer::seconds() const {
    return static_cast<double>(m_synth.framesRendered()) / m_synth.sampleRate();
}

void TimedRenderer::advanceTo(double seconds) {
    if (!(seconds > 0)) return;  // also rejects NaN
    const auto target = static_cast<std::uint64_t>(std::llround(seconds * m_synth.sampleRate()));
    while (m_synth.framesRendered() < target) {
        const std::size_t frames = static_cast<std::size_t>(std::min<std::uint64_t>(kBlockFrames, target - m_synth.framesRendered()));
        const std::span<std::int16_t> block(m_block.data(), 2 * frames);
        m_synth.render(block);
        m_sink(block);
    }
}

void TimedRenderer::event(double seconds, const SoundEvent& e) {
    advanceTo(seconds);
    m_synth.apply(e);
}

} // namespace polar::viewer::sound
