// polar/osc/options.hpp — how an OscBroadcaster is configured, and the one
// text syntax (POLAR_OSC, `--osc`, `--pace`, `--bpm`) that fills it in.
//
// Every knob has a safe default: loopback only, real time, no values (only
// rule names and numbers leave the process), bundles on. Problems in the
// text are reported as polar::Error (kind Operational, subkind
// "OscConfiguration") naming the offending piece, so the CLI prints them
// like any other error.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "polar/osc/address_space.hpp"

namespace polar::osc {

enum class Mode {
    // Events leave as they happen; the VM never waits. When the queue is
    // full an event is dropped and counted.
    RealTime,
    // One event per `pace`, each stamped with its scheduled time; the VM
    // waits so that it never runs more than kPacedWindow events ahead.
    Paced,
};

// 65,536 events of 64 bytes = 4 MiB: about 16 ms of the fastest VM output
// measured (~4 M events/s on the GitHub example), so the sender can be
// descheduled for a few scheduler slices on a busy machine without losing
// anything, while the memory stays modest. Rounded up to a power of two.
inline constexpr std::size_t kDefaultQueueCapacity = 65'536;
// At most 1,048,576 events (64 MiB, a quarter second of the fastest VM
// output): every thread that runs queries gets a queue of its own (one
// lane per producing thread), so a larger cap (it was 16,777,216, 1 GiB
// each) lets one environment variable exhaust a machine's memory. At least 2: one event and the slot
// a ring keeps free.
inline constexpr std::size_t kMinQueueCapacity = 2;
inline constexpr std::size_t kMaxQueueCapacity = std::size_t{1} << 20;
// IP TTL / IPv6 hops are one byte on the wire.
inline constexpr int kMaxMulticastTtl = 255;

// In paced mode each thread's queue holds at most this many events: the VM stays
// within a few beats of what is heard (8 x 40 ms = 320 ms), and a query
// takes as long as its sound. Also bounds the flush at shutdown.
inline constexpr std::size_t kPacedWindow = 8;

// A pace lies between one microsecond (the sender's timer resolution) and
// an hour: slower than one event an hour is a unit slip (`3600000s` for
// `3600000us`), not a performance. A tempo between 0.1 bpm (a beat every
// ten minutes) and 600,000 bpm (one every 100 us, as fast as a sender
// drains in paced mode). Programs show these ranges in their messages.
inline constexpr std::chrono::microseconds kMinPace{1};
inline constexpr std::chrono::microseconds kMaxPace{std::chrono::hours(1)};
inline constexpr double kMinBpm = 0.1;
inline constexpr double kMaxBpm = 600'000;

struct OscOptions {
    // "HOST:PORT", "[v6addr]:PORT", a broadcast address or a multicast group.
    std::vector<std::string> destinations{std::string(kDefaultDestination)};
    Mode mode = Mode::RealTime;
    // Paced mode: time between two events (paceFromBpm: one event a beat).
    std::chrono::microseconds pace{40'000};
    // Opt in to goal text (/polar/rule) and bindings (/polar/result).
    // Capturing them formats strings on the VM thread, so that path
    // allocates; with values off no hook allocates.
    bool values = false;
    // Multicast TTL / IPv6 hops: 1 keeps packets on the local network.
    int multicastTtl = 1;
    // Several messages per datagram in a timetagged bundle; off: one bare
    // message per datagram and no timetags.
    bool bundling = true;
    std::size_t queueCapacity = kDefaultQueueCapacity;
    // Second argument of /polar/hello; empty: the process's own short name.
    std::string programName;
};

// "40ms", "0.5s", "250us", "1500000ns": a decimal number and a unit, from
// kMinPace to kMaxPace (polar/flags/parse.hpp's syntax, shared with every
// duration flag). The error states the range: `bad duration: 7200s is
// above the 3600s cap (range 1us..3600s)`.
std::chrono::microseconds parseDuration(std::string_view text);
// One event per beat: 60 s / bpm, bpm from kMinBpm to kMaxBpm.
std::chrono::microseconds paceFromBpm(double bpm);
double parseBpm(std::string_view text);

// The options programs build from their command line (`polar query --osc
// --pace --bpm --osc-values`, polar-github): `pace` is a duration ("" for
// real time), `bpm` a tempo (0 for none; at most one of the two).
OscOptions makeOscOptions(std::vector<std::string> destinations, std::string_view pace, double bpm,
                          bool values);

// POLAR_OSC's syntax: destinations separated by commas, then options after
// semicolons — `127.0.0.1:9000,239.0.0.1:9000;paced=40ms;values`. Options:
// `paced=DURATION`, `bpm=N` (paced, 60 s / N per event), `values`,
// `nobundle`, `ttl=N`, `queue=N`. "1" or "on" alone means the default
// destination.
OscOptions parseOscSpec(std::string_view spec);

} // namespace polar::osc
