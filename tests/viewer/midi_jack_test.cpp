// midi_jack_test.cpp — polar_viewer_midi's MidiInput through a real JACK
// server (a dummy-driver jackd started by midi_jack_test.sh).
//
// A sender (RtMidiOut on JACK) connects to MidiInput's virtual port and
// plays what a controller and a drum machine would: a control change, a
// pad, Start and 48 clock ticks at 120 bpm. The test checks that MidiInput's
// queue receives them decoded, that MIDI learn binds the CC, and that the
// clock reads about 120 bpm (100..140: JACK delivers MIDI once per period,
// 21 ms here, so single ticks arrive in bursts). Then connectAll: MidiInput
// finds the sender's own output port by name and connects to it.
//
// Pass/fail never depends on timing except that tolerant tempo range; the
// waits are bounded polls. Exit 0 pass, 1 fail, 77 when no JACK server
// answered within kServerWaitSeconds (the wrapper reads that as a skip).
#include <RtMidi.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <polar/viewer/midi/midi_clock.hpp>
#include <polar/viewer/midi/midi_input.hpp>
#include <polar/viewer/midi/midi_map.hpp>
#include <polar/viewer/midi/note_action.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace polar::viewer::midi;
using namespace std::chrono_literals;

namespace {

// jackd's dummy driver is up in well under a second; 20 s allows for a
// loaded machine running other tests.
constexpr double kServerWaitSeconds = 20;
// How long the receiving side waits for messages already sent.
constexpr auto kDeliveryWait = 5s;

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAIL", what.c_str());
    if (!ok) ++failures;
}

// Polls `input` until `want` messages arrived or kDeliveryWait passed.
std::vector<TimedMessage> collect(MidiInput& input, std::size_t want) {
    std::vector<TimedMessage> got;
    const auto deadline = std::chrono::steady_clock::now() + kDeliveryWait;
    while (got.size() < want && std::chrono::steady_clock::now() < deadline) {
        for (auto& m : input.drain()) got.push_back(m);
        std::this_thread::sleep_for(10ms);
    }
    return got;
}

// The index of the first port of `out` whose name contains `part`, polling
// for it to appear; -1 if it never does.
int findPort(RtMidi& out, const std::string& part) {
    const auto deadline = std::chrono::steady_clock::now() + kDeliveryWait;
    do {
        for (unsigned i = 0; i < out.getPortCount(); ++i) {
            if (out.getPortName(i).find(part) != std::string::npos) return static_cast<int>(i);
        }
        std::this_thread::sleep_for(50ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return -1;
}

void send(RtMidiOut& out, std::vector<unsigned char> bytes) { out.sendMessage(&bytes); }

} // namespace

int main() {
    MidiInputOptions options;
    options.api = "jack";
    std::unique_ptr<MidiInput> input;
    const double waitStart = MidiInput::now();
    while (true) {
        std::ostringstream quiet; // "no JACK server running" until it is up
        input = std::make_unique<MidiInput>(options, quiet);
        if (input->enabled()) break;
        if (MidiInput::now() - waitStart > kServerWaitSeconds) {
            std::printf("no JACK server within %.0f s: %s\n", kServerWaitSeconds,
                        input->status().c_str());
            return 77;
        }
        input.reset();
        std::this_thread::sleep_for(200ms);
    }
    check(input->api() == "jack", "MidiInput runs on jack: " + input->status());

    RtMidiOut out(RtMidi::UNIX_JACK, "polar-midi-test-sender");
    const int port = findPort(out, options.virtualPortName);
    check(port >= 0, "the virtual port \"" + options.virtualPortName + "\" is visible");
    if (port < 0) return 1;
    out.openPort(static_cast<unsigned>(port), "to-viewer");
    std::this_thread::sleep_for(200ms); // the connection is made by JACK's next cycle

    send(out, {0xB3, 74, 100}); // CC 74 on channel 4
    send(out, {0x99, 36, 90});  // pad C1 on channel 10
    const auto got = collect(*input, 2);
    MidiMap map;
    map.arm("/viewer/zoom");
    bool sawCc = false, sawPreset = false;
    for (const auto& [msg, seconds] : got) {
        if (msg == MidiMessage{MidiKind::ControlChange, 4, 74, 100}) {
            const auto change = map.apply(msg);
            sawCc = change && change->path == "/viewer/zoom" && change->value == 100 / 127.0;
        }
        if (auto action = noteAction(msg)) sawPreset = *action == NoteAction{RecallPreset{1}};
    }
    check(sawCc, "the CC arrived as channel 4, cc 74, value 100, and MIDI learn bound it");
    check(sawPreset, "the pad C1 (note 36) recalls preset 1");

    // The clock: Start and 48 ticks at 120 bpm. A machine busy with other
    // builds can stall the sender for longer than a dropout (83 ms at this
    // tempo), which rightly restarts the estimate; so a round without a
    // tempo is played again, up to kClockRounds times, and the verdict is
    // the tempo read, never the wall clock.
    constexpr int kClockRounds = 3;
    std::optional<double> bpm;
    for (int round = 1; round <= kClockRounds && !bpm; ++round) {
        send(out, {0xFA}); // Start
        // 20.833 ms apart, on absolute deadlines so a late wake-up does
        // not accumulate.
        const auto tick = std::chrono::duration<double>(60.0 / (120 * 24));
        const auto first = std::chrono::steady_clock::now();
        for (int k = 0; k < 48; ++k) {
            std::this_thread::sleep_until(
                first + std::chrono::duration_cast<std::chrono::nanoseconds>(k * tick));
            send(out, {0xF8});
        }
        MidiClockTempo clock;
        int clocks = 0;
        bool sawStart = false;
        double last = 0;
        for (const auto& [msg, seconds] : collect(*input, 1 + 48)) {
            last = seconds;
            clock.feed(msg, seconds);
            if (msg.kind == MidiKind::Clock) ++clocks;
            if (msg.kind == MidiKind::Start) sawStart = true;
        }
        check(sawStart && clocks == 48, "round " + std::to_string(round) +
                                            ": Start and 48 clock ticks arrived (" +
                                            std::to_string(clocks) + ")");
        bpm = clock.bpm(last);
        std::printf("round %d: %s bpm\n", round,
                    bpm ? std::to_string(*bpm).c_str() : "no tempo (a stall?)");
    }
    check(bpm && *bpm > 100 && *bpm < 140, "the clock reads about 120 bpm");
    check(input->dropped() == 0, "nothing dropped");
    out.closePort();

    // connectAll: MidiInput finds an existing output port by name.
    RtMidiOut source(RtMidi::UNIX_JACK, "polar-midi-test-source");
    source.openVirtualPort("polar-test-knobs");
    MidiInputOptions all = options;
    all.clientName = "polar-viewer-all";
    all.virtualPortName = "polar-viewer-all control";
    all.connectAll = true;
    all.portFilter = "polar-test-knobs";
    std::ostringstream report;
    MidiInput connected(all, report);
    check(connected.connectedPorts().size() == 1,
          "connectAll with --midi-port polar-test-knobs connects one port: " + connected.status());
    std::this_thread::sleep_for(200ms);
    send(source, {0xB0, 1, 7});
    const auto knob = collect(connected, 1);
    check(!knob.empty() && knob.front().message == MidiMessage{MidiKind::ControlChange, 1, 1, 7},
          "a CC from the connected port arrives");
    check(report.str().empty(), "nothing reported when all is well");

    for (const auto& line : input->diagnostics()) std::printf("RtMidi said: %s\n", line.c_str());
    std::printf("%s\n", failures ? "FAILED" : "PASSED");
    return failures ? 1 : 0;
}
