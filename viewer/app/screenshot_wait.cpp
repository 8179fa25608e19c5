#include "screenshot_wait.hpp"

namespace polar::viewer {

ScreenshotWait::Verdict ScreenshotWait::check(const Pump& pump, double dt, bool coaster) {
    m_events = pump.events;
    if (m_afterQueries > 0) {
        if (pump.queriesEnded >= m_afterQueries) return Verdict::Ready;
        if (pump.replayDone()) m_reached = true;
        return pump.replayDone() ? Verdict::GaveUp : Verdict::Waiting;
    }
    if (pump.events < m_after) return pump.replayDone() ? Verdict::GaveUp : Verdict::Waiting;
    if (!m_reached) {
        m_reached = true;
        m_reachedAt = pump.events;
    } else {
        m_waited += dt;
    }
    for (const auto& lane : pump.stage.lanes())
        if (coaster ? lane->scene->ride().tree().size() > 1 : lane->scene->depth() > 0) return Verdict::Ready;
    if (pump.replayDone() || m_waited >= kMaxWaitSeconds) return Verdict::GaveUp;
    return Verdict::Waiting;
}

std::string ScreenshotWait::why() const {
    if (m_afterQueries > 0)
        return "the input ended after " + std::to_string(m_events) + " events, before " +
               std::to_string(m_afterQueries) + " queries had ended (--after-queries)";
    if (!m_reached)
        return "the recording ended after " + std::to_string(m_events) + " events, before --after " +
               std::to_string(m_after) + "; try a smaller --after";
    return "the stack stayed empty after event " + std::to_string(m_reachedAt) +
           ": the query had ended (the stack was back at depth 0) and no new one began; try a smaller --after";
}

} // namespace polar::viewer
