// live_synth.hpp — a Synth shared by two threads: the app posts events, the
// audio thread renders.
//
// The audio thread (SFML's SoundStream pulls from its own thread) must never
// wait for the app: a late buffer is an audible click. So events travel in a
// lock-free single-producer/single-consumer ring of trivially copyable
// SoundEvents — post() and render() touch only two atomic indices; neither
// locks, neither allocates. When the ring is full (the audio thread stalled
// for longer than kCapacity events) the event is dropped and counted, never
// waited for. Events are applied at the start of the block rendered next,
// so their timing is quantised to the block length (the caller picks it).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <span>

#include "polar/viewer/sound/synth.hpp"

namespace polar::viewer::sound {

class LiveSynth {
public:
    // Events between two rendered blocks: a block is ~23 ms and the fastest
    // broadcaster sends a few hundred thousand events a second, but the ear
    // cannot tell 4,096 events in 23 ms apart anyway (the tempo grid merges
    // them into one step); 4,096 × 20 bytes is 80 KiB.
    static constexpr std::size_t kCapacity = 4096;

    explicit LiveSynth(SynthConfig config = {}) : m_synth(config) {}

    // App thread. False (and counted) when the ring is full.
    bool post(const SoundEvent& event);
    // Audio thread: applies everything posted so far, then renders.
    void render(std::span<std::int16_t> interleaved);

    std::uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    unsigned sampleRate() const { return m_synth.sampleRate(); }

private:
    Synth m_synth;  // touched only by the audio thread once rendering began
    std::array<SoundEvent, kCapacity> m_ring{};
    std::atomic<std::size_t> m_head{0};  // next slot to write (app thread)
    std::atomic<std::size_t> m_tail{0};  // next slot to read (audio thread)
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace polar::viewer::sound
