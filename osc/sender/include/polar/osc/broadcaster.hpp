// polar/osc/broadcaster.hpp — a Polar VM, broadcast as Open Sound Control.
//
//   polar::osc::OscBroadcaster osc({.destinations = {"127.0.0.1:9000"}});
//   polar::Polar polar;            // declared after: outlived by `osc`
//   polar.addObserver(osc);
//   polar.query("allow(...)").next();   // → /polar/query/begin, /polar/rule, ...
//
// An Observer (polar/observer.hpp) whose hooks copy each event into a
// fixed-size slot of a lock-free single-producer ring; a thread of its own
// encodes the events as the OSC address space of osc/README.md and sends
// them over UDP. The VM thread never blocks in real-time mode (a full queue
// drops the event and counts it) and never allocates unless values are on.
//
// Threading: one broadcaster may serve any number of Polars on any number
// of threads at once. Each producing thread gets a single-producer ring of
// its own (a "lane", registered under a mutex — and allocated — on the
// thread's first event; after that a thread_local lookup, no lock), and the
// sender thread merges the lanes by capture time, so one broadcaster's
// timetags never run backwards. A thread's lane is drained and freed after
// the thread exits. stats(), flush() and instanceId() may be called from any
// thread. Detach (or destroy the Polars) before destroying the broadcaster;
// its destructor sends what is still queued (bounded: at most about 2 s in
// paced mode), then joins its thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "polar/observer.hpp"
#include "polar/osc/options.hpp"

namespace polar::osc {

namespace detail {
struct Channel;
class Sender;
} // namespace detail

class OscBroadcaster final : public Observer {
public:
    // Resolves every destination and opens its socket, then starts the
    // sender thread (which sends /polar/hello first). Throws polar::Error
    // (kind Operational, subkind "OscConfiguration") naming the destination
    // that is malformed or does not resolve, or the option out of range.
    explicit OscBroadcaster(OscOptions options = {});
    ~OscBroadcaster() override;
    OscBroadcaster(const OscBroadcaster&) = delete;
    OscBroadcaster& operator=(const OscBroadcaster&) = delete;

    struct Stats {
        std::uint64_t captured;   // events the hooks saw (sent + dropped + waiting)
        std::uint64_t dropped;    // real-time mode: lost because the queue was full
        std::uint64_t waiting;    // in the queue now
        std::uint64_t sent;       // encoded and handed to the sockets
        std::uint64_t datagrams;  // UDP datagrams built (each goes to every destination)
        std::uint64_t sendErrors; // failed sends, one per datagram and destination
    };
    Stats stats() const;

    // Waits until every event captured before the call has been handed to
    // the sockets (or dropped), or until `timeout` passes; true when done.
    // With no producer running meanwhile, stats() then reads waiting == 0
    // and sent == captured - dropped. Paced mode releases one event per
    // pace, so a flush there may need up to kPacedWindow paces.
    bool flush(std::chrono::milliseconds timeout);

    // The fourth argument of /polar/hello: 31 random bits drawn once per
    // process, stepped by a per-broadcaster counter, so two broadcasters of
    // one process always differ and two processes almost surely do.
    std::int32_t instanceId() const;
    const OscOptions& options() const { return m_options; }

    void onQueryBegin(const QueryBeginEvent& event) override;
    void onQueryEnd(const QueryEndEvent& event) override;
    void onRuleCall(const RuleCallEvent& event) override;
    // Address space 1.3: /polar/rule/enter.
    void onRuleEnter(const RuleEnterEvent& event) override;
    void onDepthChange(const DepthEvent& event) override;
    void onBranch(const BranchEvent& event) override;
    void onBacktrack(const BacktrackEvent& event) override;
    void onResult(const ResultEvent& event) override;
    void onError(const ErrorEvent& event) override;
    // Address space 1.2: /polar/policy/loaded and /polar/policy/error.
    void onPolicyLoad(const PolicyLoadEvent& event) override;
    void onPolicyError(const PolicyErrorEvent& event) override;

private:
    OscOptions m_options;
    std::unique_ptr<detail::Channel> m_channel;
    std::unique_ptr<detail::Sender> m_sender;
};

} // namespace polar::osc
