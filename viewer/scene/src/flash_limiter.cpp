#include "polar/viewer/flash_limiter.hpp"

namespace polar::viewer {

bool FlashLimiter::admit(double now) {
    if (m_perSecond <= 0) return true;
    while (!m_onsets.empty() && m_onsets.front() <= now - 1.0) m_onsets.pop_front();
    if (static_cast<int>(m_onsets.size()) >= m_perSecond) {
        ++m_suppressed;
        return false;
    }
    m_onsets.push_back(now);
    return true;
}

} // namespace polar::viewer
