// advertiser.hpp — DNS-SD (Bonjour/Zeroconf) announcement of the server:
// `_oscjson._tcp` on the HTTP port, as the proposal asks, and `_osc._udp`
// on the OSC port when there is one, so ossia score, Chataigne or VRChat
// list us without being told an address.
//
// Two implementations, chosen at configure time: advertiser_avahi.cpp
// when pkg-config finds avahi-client, advertiser_none.cpp otherwise. With
// Avahi, a missing avahi-daemon (containers, CI) is not an error: the
// announcement is skipped and status() says why. Nothing here blocks or
// throws.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace polar::oscquery::detail {

class Advertiser {
public:
    // oscPort 0: no _osc._udp record.
    Advertiser(const std::string& name, std::uint16_t httpPort, std::uint16_t oscPort);
    ~Advertiser();
    Advertiser(const Advertiser&) = delete;
    Advertiser& operator=(const Advertiser&) = delete;

    std::string status() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace polar::oscquery::detail
