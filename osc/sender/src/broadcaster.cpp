// broadcaster.cpp — the VM side of OscBroadcaster: the hooks.
//
// Each hook claims a ring slot, writes a few numbers, a timestamp and maybe
// a name into it, and publishes it: no lock, no system call, no allocation.
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
#include "polar/error.hpp"
#include "sender.hpp"

namespace polar::osc {
namespace {

using detail::Channel;
using detail::Event;
using detail::EventKind;
using detail::TextSlot;

// Claims an event slot (and a text slot when `text` is given), stamps it and
// returns it; nullptr when real-time mode drops the event. A query's begin,
// end and error may use the slots the others leave free (channel.hpp).
Event* begin(Channel& channel, EventKind kind, TextSlot** text = nullptr) {
    const bool lifecycle =
        kind == EventKind::QueryBegin || kind == EventKind::QueryEnd || kind == EventKind::Error;
    for (;;) {
        TextSlot* slot = text ? channel.texts.claim() : nullptr;
        Event* event = channel.events.claim(lifecycle ? 0 : channel.reserve);
        if (event && (!text || slot)) {
            if (text) *text = slot;
            event->captured = detail::captureTicks(channel.tsc);
            event->kind = kind;
            event->hasValue = text != nullptr;
            event->name[0] = '\0';
            return event;
        }
        if (!channel.paced) {
            channel.countDrop();
            return nullptr;
        }
        // Paced: wait for the sender to free a slot, but never past the
        // query's deadline: a query must stop on time however slow the pace
        // (the engine reads the clock as soon as this hook returns). Past
        // it, events are dropped and counted; a query's error and end use
        // the reserved slots and do not wait.
        const auto deadline = lifecycle ? std::chrono::steady_clock::time_point::max() : channel.deadline;
        const bool room = (event || channel.events.waitForRoom(lifecycle ? 0 : channel.reserve, deadline)) &&
                          (!text || slot || channel.texts.waitForRoom(0, deadline));
        if (!room) {
            channel.countDrop();
            return nullptr;
        }
    }
}

void publish(Channel& channel, const Event& event) {
    if (event.hasValue) channel.texts.publish();
    channel.events.publish();
}

void setName(Event& event, std::string_view name) {
    detail::copyTruncated(event.name, detail::kNameCapacity, name);
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
    const detail::SenderCounters counters = m_sender->counters();
    const std::uint64_t dropped = m_channel->dropped.load(std::memory_order_relaxed);
    const std::uint64_t published = m_channel->events.published();
    const std::uint64_t waiting = m_channel->events.size();
    return {published + dropped, dropped, waiting, counters.sent, counters.datagrams,
            counters.sendErrors};
}

void OscBroadcaster::onQueryBegin(const QueryBeginEvent& e) {
    m_channel->deadline = e.deadline;
    if (Event* event = begin(*m_channel, EventKind::QueryBegin)) {
        event->ints[0] = detail::saturate(e.queryId);
        setName(*event, e.predicate);
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onQueryEnd(const QueryEndEvent& e) {
    m_channel->deadline = std::chrono::steady_clock::time_point::max();
    if (Event* event = begin(*m_channel, EventKind::QueryEnd)) {
        event->ints[0] = detail::saturate(e.queryId);
        event->ints[1] = detail::saturate(e.results);
        event->ints[2] = detail::saturate(e.steps);
        event->ints[3] = e.failed ? 1 : 0;
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onRuleCall(const RuleCallEvent& e) {
    std::string value;
    TextSlot* text = nullptr;
    if (m_channel->values && e.detail) value = e.detail->goalText(detail::kMaxValueLength); // allocates: opt-in
    if (Event* event = begin(*m_channel, EventKind::Rule, m_channel->values ? &text : nullptr)) {
        event->ints[0] = e.arity;
        event->ints[1] = e.depth;
        event->ints[2] = e.applicable;
        setName(*event, e.predicate);
        if (text) setText(*text, value);
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onDepthChange(const DepthEvent& e) {
    if (Event* event = begin(*m_channel, EventKind::Depth)) {
        event->ints[0] = e.depth;
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onBranch(const BranchEvent& e) {
    if (Event* event = begin(*m_channel, EventKind::Branch)) {
        event->ints[0] = e.depth;
        event->ints[1] = e.alternatives;
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onBacktrack(const BacktrackEvent& e) {
    if (Event* event = begin(*m_channel, EventKind::Backtrack)) {
        event->ints[0] = e.depth;
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onResult(const ResultEvent& e) {
    std::string value;
    TextSlot* text = nullptr;
    if (m_channel->values && e.detail) value = formatBindings(*e.detail); // allocates: opt-in
    if (Event* event = begin(*m_channel, EventKind::Result, m_channel->values ? &text : nullptr)) {
        event->ints[0] = detail::saturate(e.queryId);
        event->ints[1] = detail::saturate(e.ordinal);
        if (text) setText(*text, value);
        publish(*m_channel, *event);
    }
}

void OscBroadcaster::onError(const ErrorEvent& e) {
    if (Event* event = begin(*m_channel, EventKind::Error)) {
        event->ints[0] = detail::saturate(e.queryId);
        // Error::name() without its std::string: kind, "::", subkind.
        std::size_t length =
            detail::copyTruncated(event->name, detail::kNameCapacity, kindName(e.error.kind()));
        if (!e.error.subkind().empty()) {
            length = detail::appendTruncated(event->name, detail::kNameCapacity, length, "::");
            detail::appendTruncated(event->name, detail::kNameCapacity, length, e.error.subkind());
        }
        publish(*m_channel, *event);
    }
}

} // namespace polar::osc
