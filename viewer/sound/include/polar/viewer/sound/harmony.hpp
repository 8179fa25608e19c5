// harmony.hpp — the chord the search plays in, and depth as a note of it.
//
// scale.hpp's mapping (depth walks A minor pentatonic) gave five notes for
// ever. Here the search moves through a progression instead: A minor, F,
// C, G (i–VI–III–VII in A minor, the progression of a thousand pop songs:
// every chord diatonic to A natural minor, so any note of one sounds right
// against the tail of another). Each result or query end asks for the next
// chord; the synth takes it on the next bar line, so the harmony moves at
// the music's pace, not the event rate. Depth walks the pentatonic scale of
// the current chord (minor on A, major on the others) upwards from its
// root, over several octaves, so deeper is always higher and all seven
// notes of the key are heard. Chord 0 is exactly scale.hpp's mapping.
#pragma once

#include <array>

namespace polar::viewer::sound {

struct ChordShape {
    int rootSemitones;  // above (or below) A2, the scale's root
    bool minor;         // minor pentatonic (0 3 5 7 10) or major (0 2 4 7 9)
    const char* name;
};

class Harmony {
public:
    // Am F C G: roots within a fifth of A2, so every chord's depth 0 hums
    // in the same register (87–131 Hz).
    static constexpr std::array<ChordShape, 4> kProgression{{
        {0, true, "Am"}, {-4, false, "F"}, {3, false, "C"}, {-2, false, "G"}}};

    // A result or a query end: move on at the next bar line.
    void requestChange() { m_changeRequested = true; }
    // At a bar line: takes a requested change; true when the chord moved.
    bool onBar();

    std::size_t chord() const { return m_chord; }
    const ChordShape& shape() const { return kProgression[m_chord]; }
    // Semitones above A2 of a depth's note in the current chord.
    int semitones(int depth) const;
    double frequency(int depth) const;
    // The chord's third above a note: minor (3) or major (4) semitones.
    int third() const { return shape().minor ? 3 : 4; }

private:
    std::size_t m_chord = 0;
    bool m_changeRequested = false;
};

} // namespace polar::viewer::sound
