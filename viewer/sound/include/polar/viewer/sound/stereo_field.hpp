// stereo_field.hpp — where a sound of the search sits between the speakers.
//
// Depth is a place: shallow to the left, deep to the right, so a deepening
// search walks across the field (the Pd and SuperCollider patches do the
// same). Several senders each get a place of their own, their depths spread
// around it. Equal-power panning (left cos, right sin of (pan + 1)·π/4): a
// sound keeps its loudness wherever it sits, both channels always carry it
// in phase, so the mono sum of any placement never cancels.
#pragma once

namespace polar::viewer::sound {

struct PanGains {
    double left = 0.7071067811865476, right = 0.7071067811865476;
};
// pan -1 (left) .. 1 (right), clamped.
PanGains equalPowerPan(double pan);

// Where a sound of the search sits: the source's place (source 0 in the
// middle; further sources alternate left and right of it) plus the depth,
// shallow to the left of that place and deep to the right.
double placeInField(int depth, int source);
// The source's own place (where its chords, ticks and buzzes sit).
double sourcePlace(int source);

} // namespace polar::viewer::sound
