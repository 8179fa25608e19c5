// advertiser_avahi.cpp — the Advertiser over avahi-client, with Avahi's
// threaded poll (a thread of Avahi's own; our io thread never waits on
// D-Bus). Avahi calls back from that thread — and once from inside
// avahi_client_new() — so the status is kept under a mutex.
//
// Without a running avahi-daemon (or without the system D-Bus),
// avahi_client_new() fails at once: we say so and stop there. A name
// already taken on the network gets Avahi's alternative ("polar #2").
#include <mutex>

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/thread-watch.h>

#include "advertiser.hpp"

namespace polar::oscquery::detail {

struct Advertiser::Impl {
    std::string name;
    std::uint16_t httpPort = 0;
    std::uint16_t oscPort = 0;
    AvahiThreadedPoll* poll = nullptr;
    AvahiClient* client = nullptr;
    AvahiEntryGroup* group = nullptr;  // touched on Avahi's thread only (after start)
    mutable std::mutex mutex;
    std::string status = "not advertised yet";

    void setStatus(std::string text) {
        std::lock_guard lock(mutex);
        status = std::move(text);
    }

    void publish(AvahiClient* c) {
        if (!group) group = avahi_entry_group_new(c, &Impl::onGroup, this);
        if (!group) return setStatus(std::string("not advertised: ") + avahi_strerror(avahi_client_errno(c)));
        int error = avahi_entry_group_add_service(group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, AvahiPublishFlags(0),
                                                  name.c_str(), "_oscjson._tcp", nullptr, nullptr, httpPort,
                                                  nullptr);
        if (!error && oscPort != 0)
            error = avahi_entry_group_add_service(group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, AvahiPublishFlags(0),
                                                  name.c_str(), "_osc._udp", nullptr, nullptr, oscPort, nullptr);
        if (!error) error = avahi_entry_group_commit(group);
        if (error == AVAHI_ERR_COLLISION) return rename(c);
        if (error) setStatus(std::string("not advertised: ") + avahi_strerror(error));
    }

    void rename(AvahiClient* c) {
        char* alternative = avahi_alternative_service_name(name.c_str());
        name = alternative;
        avahi_free(alternative);
        if (group) avahi_entry_group_reset(group);
        publish(c);
    }

    static void onGroup(AvahiEntryGroup* g, AvahiEntryGroupState state, void* self) {
        auto* impl = static_cast<Impl*>(self);
        switch (state) {
        case AVAHI_ENTRY_GROUP_ESTABLISHED:
            impl->setStatus("advertised as _oscjson._tcp '" + impl->name + "'");
            break;
        case AVAHI_ENTRY_GROUP_COLLISION:
            impl->rename(avahi_entry_group_get_client(g));
            break;
        case AVAHI_ENTRY_GROUP_FAILURE:
            impl->setStatus(std::string("not advertised: ") +
                            avahi_strerror(avahi_client_errno(avahi_entry_group_get_client(g))));
            break;
        default:
            break;
        }
    }

    static void onClient(AvahiClient* c, AvahiClientState state, void* self) {
        auto* impl = static_cast<Impl*>(self);
        switch (state) {
        case AVAHI_CLIENT_S_RUNNING:
            impl->publish(c);
            break;
        case AVAHI_CLIENT_S_COLLISION:
        case AVAHI_CLIENT_S_REGISTERING: // the host name changes: announce again when running
            if (impl->group) avahi_entry_group_reset(impl->group);
            break;
        case AVAHI_CLIENT_FAILURE:
            impl->setStatus(std::string("not advertised: ") + avahi_strerror(avahi_client_errno(c)));
            break;
        default:
            break;
        }
    }
};

Advertiser::Advertiser(const std::string& name, std::uint16_t httpPort, std::uint16_t oscPort)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->name = name;
    m_impl->httpPort = httpPort;
    m_impl->oscPort = oscPort;
    m_impl->poll = avahi_threaded_poll_new();
    if (!m_impl->poll) {
        m_impl->setStatus("not advertised: cannot start Avahi's poll thread");
        return;
    }
    int error = 0;
    m_impl->client = avahi_client_new(avahi_threaded_poll_get(m_impl->poll), AvahiClientFlags(0),
                                      &Impl::onClient, m_impl.get(), &error);
    if (!m_impl->client) {
        m_impl->setStatus(error == AVAHI_ERR_NO_DAEMON
                              ? std::string("not advertised: no avahi-daemon (") + avahi_strerror(error) + ")"
                              : std::string("not advertised: ") + avahi_strerror(error));
        return;
    }
    if (avahi_threaded_poll_start(m_impl->poll) < 0)
        m_impl->setStatus("not advertised: cannot start Avahi's poll thread");
}

Advertiser::~Advertiser() {
    if (m_impl->poll) avahi_threaded_poll_stop(m_impl->poll);
    if (m_impl->client) avahi_client_free(m_impl->client); // frees the group too
    if (m_impl->poll) avahi_threaded_poll_free(m_impl->poll);
}

std::string Advertiser::status() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->status;
}

} // namespace polar::oscquery::detail
