// flash_limiter.hpp — how often the scene may start a flash of its own.
//
// A backtrack brightens the background, a result lights the innermost
// square: both are full-area luminance changes, so the scene starts at most
// `perSecond` of them in any window of a second, whatever the event rate;
// an event over the limit is counted, not shown (the envelope already
// running carries it). This is the scene's own share of safety; the frame
// governor (flash_governor.hpp) checks what actually reaches the screen.
#pragma once

#include <cstdint>
#include <deque>

namespace polar::viewer {

class FlashLimiter {
public:
    // 0 lifts the limit (--unsafe-flashes).
    explicit FlashLimiter(int perSecond) : m_perSecond(perSecond) {}
    // True when a flash may start at `now` (seconds of scene time); records it.
    bool admit(double now);
    std::uint64_t suppressed() const { return m_suppressed; }
    // A performer lifts or restores the limit live (/viewer/flashlimit).
    void setPerSecond(int perSecond) { m_perSecond = perSecond; }

private:
    int m_perSecond;
    std::deque<double> m_onsets;
    std::uint64_t m_suppressed = 0;
};

} // namespace polar::viewer
