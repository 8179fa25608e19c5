#include "polar/viewer/sound/harmony.hpp"

#include <algorithm>
#include <cmath>

#include "polar/viewer/sound/scale.hpp"

namespace polar::viewer::sound {

namespace {
constexpr std::array<int, 5> kMinorPentatonic{0, 3, 5, 7, 10};
constexpr std::array<int, 5> kMajorPentatonic{0, 2, 4, 7, 9};
} // namespace

bool Harmony::onBar() {
    if (!m_changeRequested) return false;
    m_changeRequested = false;
    m_chord = (m_chord + 1) % kProgression.size();
    return true;
}

int Harmony::semitones(int depth) const {
    const int d = std::clamp(depth, 0, kMaxScaleDepth);
    const auto& steps = shape().minor ? kMinorPentatonic : kMajorPentatonic;
    const int n = static_cast<int>(steps.size());
    return shape().rootSemitones + 12 * (d / n) + steps[static_cast<std::size_t>(d % n)];
}

double Harmony::frequency(int depth) const { return kRootHz * std::exp2(semitones(depth) / 12.0); }

} // namespace polar::viewer::sound
