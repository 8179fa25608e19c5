// scale.hpp — stack depth as a note: the mapping every Polar AV synth shares.
//
// Depth 0 is the root, A2 = 110 Hz; each level of the stack is one step up
// an A minor-pentatonic scale (A C D E G), so a deepening search climbs a
// melody that never sounds wrong, whatever the order of the steps. Five
// steps make an octave, so depth 32 is 6.4 octaves up (~9.3 kHz) — no
// octave wrap, so deeper always sounds higher, as patches/pd and
// patches/supercollider do. Depths below 0 play the root; depths above
// kMaxScaleDepth play its note (nothing above ~10 kHz is pleasant, and no
// partial may cross the Nyquist frequency of 22.05 kHz).
#pragma once

namespace polar::viewer::sound {

// The root: A2. Low enough that the shallow search hums, high enough that
// laptop speakers (which roll off below ~100 Hz) still play it.
inline constexpr double kRootHz = 110.0;
// The scale tops out here: the OSC address space normalises depth by 32.
inline constexpr int kMaxScaleDepth = 32;

// Semitones above the root for a depth (0, 3, 5, 7, 10, 12, 15, ...).
int depthToSemitones(int depth);
// The frequency of a depth's note in Hz: kRootHz * 2^(semitones / 12).
double depthToFrequency(int depth);

} // namespace polar::viewer::sound
