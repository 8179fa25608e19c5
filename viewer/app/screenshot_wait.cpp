#include "screenshot_wait.hpp"

namespace polar::viewer {

ScreenshotWait::Verdict ScreenshotWait::check(const Pump& pump, double dt) {
    if (pump.events < m_after) return Verdict::Waiting;
    if (!m_reached) {
        m_reached = true;
        m_reachedAt = pump.events;
    } else {
        m_waited += dt;
    }
    for (const auto& lane : pump.stage.lanes())
        if (lane->scene->depth() > 0) return Verdict::Ready;
    if (pump.replayDone() || m_waited >= kMaxWaitSeconds) return Verdict::StayedEmpty;
    return Verdict::Waiting;
}

const char* ScreenshotWait::why() const {
    return "the query had ended (the stack was back at depth 0) and no new one began; try a smaller --after";
}

} // namespace polar::viewer
