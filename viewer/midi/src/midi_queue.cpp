// midi_queue.cpp — the bounded hand-over queue (see midi_queue.hpp).
#include "polar/viewer/midi/midi_queue.hpp"

namespace polar::viewer::midi {

void MidiQueue::push(const TimedMessage& msg) {
    std::lock_guard lock(m_mutex);
    if (m_messages.size() >= m_bound) {
        m_messages.pop_front();
        ++m_dropped;
    }
    m_messages.push_back(msg);
}

std::vector<TimedMessage> MidiQueue::drain() {
    std::deque<TimedMessage> taken;
    {
        std::lock_guard lock(m_mutex);
        taken.swap(m_messages);
    }
    return {taken.begin(), taken.end()};
}

std::uint64_t MidiQueue::dropped() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace polar::viewer::midi
