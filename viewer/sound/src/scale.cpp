#include "polar/viewer/sound/scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace polar::viewer::sound {

namespace {
// The minor pentatonic scale within one octave, in semitones above its root.
constexpr std::array<int, 5> kMinorPentatonic{0, 3, 5, 7, 10};
} // namespace

int depthToSemitones(int depth) {
    const int d = std::clamp(depth, 0, kMaxScaleDepth);
    const int octave = d / static_cast<int>(kMinorPentatonic.size());
    const int step = d % static_cast<int>(kMinorPentatonic.size());
    return 12 * octave + kMinorPentatonic[static_cast<std::size_t>(step)];
}

double depthToFrequency(int depth) {
    return kRootHz * std::exp2(depthToSemitones(depth) / 12.0);
}

} // namespace polar::viewer::sound
