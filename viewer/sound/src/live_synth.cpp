#include "polar/viewer/sound/live_synth.hpp"

namespace polar::viewer::sound {

bool LiveSynth::post(const SoundEvent& event) {
    const std::size_t head = m_head.load(std::memory_order_relaxed);
    if (head - m_tail.load(std::memory_order_acquire) >= kCapacity) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    m_ring[head % kCapacity] = event;
    m_head.store(head + 1, std::memory_order_release);  // publishes the slot
    return true;
}

void LiveSynth::render(std::span<std::int16_t> interleaved) {
    const std::size_t head = m_head.load(std::memory_order_acquire);
    std::size_t tail = m_tail.load(std::memory_order_relaxed);
    for (; tail != head; ++tail) m_synth.apply(m_ring[tail % kCapacity]);
    m_tail.store(tail, std::memory_order_release);  // frees the slots
    m_synth.render(interleaved);
}

} // namespace polar::viewer::sound
