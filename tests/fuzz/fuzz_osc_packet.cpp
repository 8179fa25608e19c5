// fuzz_osc_packet.cpp — libFuzzer target: no datagram may crash the receiver.
//
// The input is one UDP datagram, handed to parseDatagram() exactly as the
// receive thread does, with a visitor that also types each message as a
// PolarEvent and formats it as `polar-osc dump` would: everything a
// hostile sender can reach from the socket. Malformed input must come back
// as summary.malformed, never as an exception, a crash or a sanitizer
// report; libFuzzer reports anything else.
//
// Beyond "no crash", two invariants are checked (abort() makes libFuzzer
// keep the input): a malformed datagram reaches the visitor not at all,
// and a well-formed one reaches it once per message and twice per bundle
// (begin and end), with the counts the summary reports.
//
// Note: Debian's liboscpack is a prebuilt shared library, so its own code
// has no coverage feedback and no ASan checks; the bounds checking that
// guards it (osc/receiver/src/packet_check.cpp) is instrumented, which is
// where a bad packet has to be caught.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "polar/osc/osc_text.hpp"
#include "polar/osc/parse_datagram.hpp"
#include "polar/osc/polar_event.hpp"

namespace {

class CheckingVisitor : public polar::osc::DatagramVisitor {
public:
    void bundleBegin(std::uint64_t /*timetag*/, int depth) override {
        if (depth < 0 || depth >= polar::osc::kMaxBundleDepth) std::abort();
        ++begins;
    }
    void bundleEnd(int /*depth*/) override { ++ends; }
    void message(polar::osc::OscMessage&& message) override {
        ++messages;
        const auto event = polar::osc::toPolarEvent(message);
        if (event && !polar::osc::isPolarAddress(message.address)) std::abort();
        formatted += polar::osc::formatMessage(message).size();
    }

    std::size_t begins = 0, ends = 0, messages = 0, formatted = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    CheckingVisitor visitor;
    const polar::osc::DatagramSummary summary = polar::osc::parseDatagram(
        reinterpret_cast<const char*>(data), size, polar::osc::Clock::now(), visitor);
    if (summary.malformed) {
        if (visitor.begins != 0 || visitor.messages != 0 || summary.error.empty()) std::abort();
    } else {
        if (visitor.messages != summary.messages || visitor.begins != summary.bundles ||
            visitor.ends != summary.bundles) {
            std::abort();
        }
    }
    return 0;
}
