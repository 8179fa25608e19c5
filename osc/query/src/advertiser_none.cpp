// advertiser_none.cpp — the Advertiser of a build without Avahi (pkg-config
// found no avahi-client at configure time; osc/query/CMakeLists.txt). The
// server works the same; clients need its address.
#include "advertiser.hpp"

namespace polar::oscquery::detail {

struct Advertiser::Impl {};

Advertiser::Advertiser(const std::string&, std::uint16_t, std::uint16_t) {}
Advertiser::~Advertiser() = default;

std::string Advertiser::status() const {
    return "not advertised: built without Avahi (install libavahi-client-dev and reconfigure)";
}

} // namespace polar::oscquery::detail
