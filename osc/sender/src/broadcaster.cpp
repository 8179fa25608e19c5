// broadcaster.cpp — the VM side of OscBroadcaster: the hooks.
//
// Each hook finds the calling thread's lane (channel.hpp: a thread_local
// lookup; only a thread's first event registers one), claims a slot of its
// ring, writes a few numbers, a timestamp and maybe a name into it, and
// publishes it: no lock, no system call, no allocation.
// In real-time mode a full ring means the event is dropped and counted; in
// paced mode the hook waits for the sender to free a slot, which is what
// slows the VM down to the pace — until the query's deadline, after which
// its events are dropped and counted too. With values on, the goal text or the
// bindings are formatted first (std::string, so that path allocates), then
// copied into a text slot claimed together with the event slot, so the
// sender always finds an event's text when it finds the event.
#include "polar/osc/broadcaster.hpp"

#include <string>

#include "channel.hpp"
#include "config_error.hpp"
#include "load_events.hpp"
#include "polar/error.hpp"
#include "sender.hpp"

namespace polar::osc {
namespace {

using detail::Channel;
using detail::Event;
using detail::Lane;
using detail::EventKind;
using detail::TextSlot;

// Claims an event slot (and a text slot when `text` is given), stamps it and
// returns it; nullptr when real-time mode drops the event. A query's begin,
// end and error may use the slots the others leave free (channel.hpp).
Event* begin(Channel& channel, Lane& lane, EventKind kind, TextSlot** text = nullptr) {
    // Loads count as lifecycle events too: rare, and what a live coder
    // most needs to see.
    const bool lifecycle = kind == EventKind::QueryBegin || kind == EventKind::QueryEnd ||
                           kind == EventKind::Error || kind == EventKind::PolicyLoad ||
                           kind == EventKind::PolicyError;
    for (;;) {
        TextSlot* slot = text ? lane.texts.claim() : nullptr;
        Event* event = lane.events.claim(lifecycle ? 0 : channel.reserve);
        if (event && (!text || slot)) {
            if (text) *text = slot;
            event->captured = detail::captureTicks(channel.tsc);
            event->kind = kind;
            event->hasValue = text != nullptr;
            event->name[0] = '\0';
            return event;
        }
        if (!channel.paced) {
            lane.countDrop();
            return nullptr;
        }
        // Paced: wait for the sender to free a slot, but never past the
        // query's deadline: a query must stop on time however slow the pace
        // (the engine reads the clock as soon as this hook returns). Past
        // it, events are dropped and counted; a query's error and end use
        // the reserved slots and do not wait.
        const auto deadline = lifecycle ? std::chrono::steady_clock::time_point::max() : lane.deadline;
        const bool room = (event || lane.events.waitForRoom(lifecycle ? 0 : channel.reserve, deadline)) &&
                          (!text || slot || lane.texts.waitForRoom(0, deadline));
        if (!room) {
            lane.countDrop();
            return nullptr;
        }
    }
}

void publish(Lane& lane, const Event& event) {
    if (event.hasValue) lane.texts.publish();
    lane.events.publish();
}

void setName(Event& event, std::string_view name) {
    const std::size_t length = detail::copyTruncated(event.name, detail::kNameCapacity, name);
    detail::markTruncated(event.name, length, name.size());
}

void setText(TextSlot& slot, std::string_view text) {
    slot.length = static_cast<std::uint32_t>(
        detail::copyTruncated(slot.text, detail::kMaxValueLength + 1, text));
}

// `{x: 2, y: "a"}`: the bindings on one line, as in the README.
std::string formatBindings(const EventDetail& detail) {
    std::string text = "{";
    // Each value is printed only as far as a datagram can carry it.
    for (const auto& [name, value] : detail.bindings(detail::kMaxValueLength)) {
        if (text.size() > 1) text += ", ";
        text += name;
        text += ": ";
        text += value;
    }
    text += '}';
    return text;
}

} // namespace

OscBroadcaster::OscBroadcaster(OscOptions options) : m_options(std::move(options)) {
    if (m_options.destinations.empty())
        throw detail::configError("an OscBroadcaster needs at least one destination");
    if (m_options.multicastTtl < 0 || m_options.multicastTtl > kMaxMulticastTtl)
        throw detail::configError("multicastTtl must be 0..255, got " +
                                  std::to_string(m_options.multicastTtl));
    if (m_options.mode == Mode::Paced && m_options.pace.count() <= 0)
        throw detail::configError("paced mode needs a positive pace");
    if (m_options.queueCapacity < kMinQueueCapacity || m_options.queueCapacity > kMaxQueueCapacity)
        throw detail::configError("queueCapacity " + std::to_string(m_options.queueCapacity) +
                                  " is out of range " + std::to_string(kMinQueueCapacity) + ".." +
                                  std::to_string(kMaxQueueCapacity) + " events");
    m_channel = std::make_unique<Channel>(m_options);
    m_sender = std::make_unique<detail::Sender>(*m_channel, m_options);
}

// The sender goes first: it drains the channel it points to.
OscBroadcaster::~OscBroadcaster() { m_sender.reset(); }

OscBroadcaster::Stats OscBroadcaster::stats() const {
    // Totals first: sent never exceeds what they count as published.
    const detail::Channel::Totals totals = m_channel->totals();
    const detail::SenderCounters counters = m_sender->counters();
    return {totals.published + totals.dropped, totals.dropped, totals.waiting, counters.sent,
            counters.datagrams, counters.sendErrors};
}

std::int32_t OscBroadcaster::instanceId() const { return m_sender->instanceId(); }

bool OscBroadcaster::flush(std::chrono::milliseconds timeout) {
    return m_sender->flush(std::chrono::steady_clock::now() + timeout);
}

void OscBroadcaster::onQueryBegin(const QueryBeginEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    lane->deadline = e.deadline;
    if (Event* event = begin(*m_channel, *lane, EventKind::QueryBegin)) {
        event->ints[0] = detail::saturate(e.queryId);
        setName(*event, e.predicate);
        publish(*lane, *event);
    }
}

void OscBroadcaster::onQueryEnd(const QueryEndEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    lane->deadline = std::chrono::steady_clock::time_point::max();
    if (Event* event = begin(*m_channel, *lane, EventKind::QueryEnd)) {
        event->ints[0] = detail::saturate(e.queryId);
        event->ints[1] = detail::saturate(e.results);
        event->ints[2] = detail::saturate(e.steps);
        event->ints[3] = e.failed ? 1 : 0;
        publish(*lane, *event);
    }
}

void OscBroadcaster::onRuleCall(const RuleCallEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    std::string value;
    TextSlot* text = nullptr;
    if (m_channel->values && e.detail) value = e.detail->goalText(detail::kMaxValueLength); // allocates: opt-in
    if (Event* event = begin(*m_channel, *lane, EventKind::Rule, m_channel->values ? &text : nullptr)) {
        event->ints[0] = e.arity;
        event->ints[1] = e.depth;
        event->ints[2] = e.applicable;
        setName(*event, e.predicate);
        if (text) setText(*text, value);
        publish(*lane, *event);
    }
}

// As onRuleCall: a slot, a few numbers, the name; the rule's source text
// (values on) goes through the text ring like the call's goal text.
void OscBroadcaster::onRuleEnter(const RuleEnterEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    std::string value;
    TextSlot* text = nullptr;
    if (m_channel->values && e.detail) value = e.detail->ruleText(); // allocates: opt-in
    if (Event* event = begin(*m_channel, *lane, EventKind::RuleEnter, m_channel->values ? &text : nullptr)) {
        event->ints[0] = detail::packDepthAlternatives(e.depth, e.alternatives);
        event->ints[1] = e.alternative;
        event->ints[2] = detail::saturate(e.call);
        event->ints[3] = detail::saturate(e.queryId);
        setName(*event, e.predicate);
        if (text) setText(*text, value);
        publish(*lane, *event);
    }
}

void OscBroadcaster::onDepthChange(const DepthEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    if (Event* event = begin(*m_channel, *lane, EventKind::Depth)) {
        event->ints[0] = e.depth;
        publish(*lane, *event);
    }
}

void OscBroadcaster::onBranch(const BranchEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    if (Event* event = begin(*m_channel, *lane, EventKind::Branch)) {
        event->ints[0] = e.depth;
        event->ints[1] = e.alternatives;
        publish(*lane, *event);
    }
}

void OscBroadcaster::onBacktrack(const BacktrackEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    if (Event* event = begin(*m_channel, *lane, EventKind::Backtrack)) {
        event->ints[0] = e.depth;
        publish(*lane, *event);
    }
}

void OscBroadcaster::onResult(const ResultEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    std::string value;
    TextSlot* text = nullptr;
    if (m_channel->values && e.detail) value = formatBindings(*e.detail); // allocates: opt-in
    if (Event* event = begin(*m_channel, *lane, EventKind::Result, m_channel->values ? &text : nullptr)) {
        event->ints[0] = detail::saturate(e.queryId);
        event->ints[1] = detail::saturate(e.ordinal);
        if (text) setText(*text, value);
        publish(*lane, *event);
    }
}

void OscBroadcaster::onError(const ErrorEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    if (Event* event = begin(*m_channel, *lane, EventKind::Error)) {
        event->ints[0] = detail::saturate(e.queryId);
        detail::setErrorName(*event, e.error);
        publish(*lane, *event);
    }
}

// Loads run on the VM thread too (Polar::loadString), so the same rules
// hold: a slot claim, a bounded copy, no lock (load_events.hpp).
void OscBroadcaster::onPolicyLoad(const PolicyLoadEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    TextSlot* text = nullptr;
    if (Event* event = begin(*m_channel, *lane, EventKind::PolicyLoad, &text)) {
        detail::fillPolicyLoad(*event, *text, e);
        publish(*lane, *event);
    }
}

void OscBroadcaster::onPolicyError(const PolicyErrorEvent& e) {
    Lane* const lane = m_channel->lane();
    if (!lane) return; // counted in Channel::unregisteredDrops
    TextSlot* text = nullptr;
    if (Event* event = begin(*m_channel, *lane, EventKind::PolicyError, &text)) {
        detail::fillPolicyError(*event, *text, e);
        publish(*lane, *event);
    }
}

} // namespace polar::osc
