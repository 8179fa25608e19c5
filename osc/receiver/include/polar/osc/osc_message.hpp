// polar/osc/osc_message.hpp — one received OSC message, typed.
//
// The receiver turns every message of a datagram into an OscMessage whose
// arguments are a std::variant over the OSC 1.0 types plus the extensions
// oscpack understands (int64, double, bool T/F, nil, infinitum, char, RGBA,
// MIDI, timetag, symbol, array brackets). Each alternative is a distinct
// C++ type, so the type tag can always be recovered from the value
// (typeTag()) and a string `s` never gets confused with a symbol `S`.
// Blobs keep only their size: nothing in our address space sends them, and
// copying up to 64 KiB per blob into a render loop's queue buys nothing.
// Nothing here depends on oscpack or Asio: the viewer includes it freely.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace polar::osc {

// Arrival times are steady_clock: a render loop compares them with "now"
// and must not jump when the wall clock is adjusted.
using Clock = std::chrono::steady_clock;

// The OSC timetag meaning "immediately"; a message that arrives outside any
// bundle gets it too.
inline constexpr std::uint64_t kTimetagImmediately = 1;

struct OscSymbol { std::string value; };                // S
struct OscChar { char value; };                          // c
struct OscRgba { std::uint32_t value; };                 // r
struct OscMidi { std::uint32_t value; };                 // m (port, status, data1, data2)
struct OscTimetag { std::uint64_t value; };              // t
struct OscBlob { std::size_t size; };                    // b (contents not kept)
struct OscNil {};                                        // N
struct OscInfinitum {};                                  // I
struct OscArrayMark { bool begin; };                     // [ and ]

// i, f, s, h, d, T/F, then the rarer ones.
using OscArg = std::variant<std::int32_t, float, std::string, std::int64_t, double, bool,
                            OscSymbol, OscChar, OscRgba, OscMidi, OscTimetag, OscBlob, OscNil,
                            OscInfinitum, OscArrayMark>;

struct OscMessage {
    std::string address;
    std::vector<OscArg> args;
    // NTP format (seconds since 1900 in the high 32 bits, fraction in the
    // low 32) of the innermost enclosing bundle; kTimetagImmediately for a
    // message sent on its own.
    std::uint64_t timetag = kTimetagImmediately;
    Clock::time_point arrival{};
    // 0 for a message sent on its own, 1 inside a bundle, 2 inside a bundle
    // inside a bundle, ...
    int bundleDepth = 0;
};

// The OSC type tag of an argument: 'i', 'f', 's', 'T', 'F', '[', ...
char typeTag(const OscArg& arg);
// All of a message's type tags without the leading comma, e.g. "siii".
std::string typeTags(const OscMessage& message);

// A timetag as wall-clock time (for receivers that honour timetags).
// kTimetagImmediately, and any other time before 1970, gives the epoch.
std::chrono::system_clock::time_point timetagToSystemTime(std::uint64_t timetag);

} // namespace polar::osc
