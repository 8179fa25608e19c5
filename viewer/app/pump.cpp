#include "pump.hpp"

#include "event_adapter.hpp"
#include "performance.hpp"

namespace polar::viewer {

double Pump::seconds() const {
    if (replay || trace) return std::chrono::duration<double>(replayTime).count();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// --loop: once the input has given everything and the pass's rest is over,
// the next pass starts where this one ended. Recordings and traces alike.
template <class Source>
bool Pump::startNextPass(Source& source) {
    const std::chrono::microseconds length = source.duration() + kLoopRest;
    if (!loop || !source.finished() || replayTime < passStart + length) return false;
    passStart += length;
    source.rewind();
    ++passes;
    return true;
}

void Pump::takeReplay() {
    for (;;) {
        const std::size_t before = times.size();
        replay->take(replayTime - passStart, incoming, sound ? &times : nullptr);
        for (std::size_t k = before; k < times.size(); ++k) times[k] += passStart;
        if (!startNextPass(*replay)) return;
    }
}

// A trace's events are scene events already: no OSC, no controls among them.
void Pump::takeTrace(bool apply) {
    for (;;) {
        traced.clear();
        trace->take(replayTime - passStart, traced);
        for (const SceneEvent& event : traced) {
            ++events;
            ++windowEvents;
            if (apply) deliver(event, "", seconds());
        }
        if (!startNextPass(*trace)) return;
    }
}

void Pump::deliver(const SceneEvent& event, const std::string& sender, double at) {
    if (event.kind == EventKind::QueryEnd) ++queriesEnded;
    // The stage gives each sender that said hello its lane (stage.hpp).
    const int lane = stage.apply(sender, event);
    if (sound && lane >= 0) sound->event(at, event, lane);  // each sender its own place in the stereo field
}

void Pump::take(bool apply) {
    times.clear();
    if (trace) {
        incoming.clear();
        takeTrace(apply);
    } else if (receiver) {
        receiver->drain(incoming);
    } else {
        incoming.clear();
        takeReplay();
    }
    if (controlReceiver && performance) {
        controlReceiver->drain(controls);
        for (const osc::Incoming& in : controls) performance->handle(in.message, seconds(), true);
    }
    for (std::size_t k = 0; k < incoming.size(); ++k) {
        const osc::Incoming& in = incoming[k];
        if (performance && performance->handle(in.message, seconds())) continue;
        ++events;
        ++windowEvents;
        if (!apply) continue;
        // An address outside the table is an Unknown event.
        const SceneEvent event = in.event ? toSceneEvent(*in.event) : SceneEvent{};
        const double at = replay && sound ? std::chrono::duration<double>(times[k]).count()
                                          : std::chrono::duration<double>(in.message.arrival - start).count();
        deliver(event, in.sender, at);
    }
    if (sound) sound->advanceTo(seconds());
    const double elapsed = std::chrono::duration<double>(Clock::now() - windowStart).count();
    if (elapsed >= 1.0) {
        eventsPerSecond = static_cast<double>(windowEvents) / elapsed;
        windowEvents = 0;
        windowStart = Clock::now();
    }
}

void Pump::fill(HudInfo& hud) const {
    hud.eventsPerSecond = eventsPerSecond;
    if (receiver) {
        const auto c = receiver->counters();
        hud.dropped = c.dropped;
        hud.malformed = c.malformed;
        hud.mistyped = c.mistyped;
    } else if (replay) {
        hud.malformed = replay->malformed();
        hud.position = replay->position(replayTime - passStart);
    } else if (trace) {
        hud.position = trace->position();
    }
    if (controlReceiver) hud.mistyped += controlReceiver->counters().mistyped;
    if (performance) {
        hud.mistyped += performance->counters().mistyped;
        hud.performance = performance->status();
    }
}

} // namespace polar::viewer
