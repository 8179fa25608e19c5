// midi_send — plays MIDI into a JACK port for the viewer's MIDI test:
//
//   midi_send PORT-NAME-PART STEP...
//     cc CHANNEL NUMBER VALUE      a control change (channel 1-16)
//     note CHANNEL NOTE VELOCITY   a note-on
//     clock BPM TICKS              Start, then TICKS clock ticks at BPM (24 a beat)
//     wait MILLISECONDS
//
// Finds the first JACK MIDI input whose name holds PORT-NAME-PART (waiting
// up to 20 s for it to appear), connects, plays the steps in order. Exit
// 77 when no JACK server answers; 1 when the port never appears.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <rtmidi/RtMidi.h>

using namespace std::chrono_literals;

namespace {

void send(RtMidiOut& out, std::vector<unsigned char> bytes) { out.sendMessage(&bytes); }

int findPort(RtMidiOut& out, const std::string& part) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    do {
        for (unsigned i = 0; i < out.getPortCount(); ++i)
            if (out.getPortName(i).find(part) != std::string::npos) return static_cast<int>(i);
        std::this_thread::sleep_for(100ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: midi_send PORT-NAME-PART STEP...\n");
        return 2;
    }
    try {
        RtMidiOut out(RtMidi::UNIX_JACK, "polar-midi-send");
        const int port = findPort(out, argv[1]);
        if (port < 0) {
            std::fprintf(stderr, "midi_send: no JACK MIDI port holding \"%s\"\n", argv[1]);
            return 1;
        }
        out.openPort(static_cast<unsigned>(port), "out");
        std::this_thread::sleep_for(300ms);  // JACK connects on its next cycle
        for (int k = 2; k < argc;) {
            const std::string step = argv[k];
            const auto number = [&](int offset) { return std::atoi(argv[k + offset]); };
            if (step == "cc" && k + 3 < argc) {
                send(out, {static_cast<unsigned char>(0xB0 + number(1) - 1), static_cast<unsigned char>(number(2)),
                           static_cast<unsigned char>(number(3))});
                k += 4;
            } else if (step == "note" && k + 3 < argc) {
                send(out, {static_cast<unsigned char>(0x90 + number(1) - 1), static_cast<unsigned char>(number(2)),
                           static_cast<unsigned char>(number(3))});
                k += 4;
            } else if (step == "clock" && k + 2 < argc) {
                send(out, {0xFA});
                const auto tick = std::chrono::duration<double>(60.0 / (std::atof(argv[k + 1]) * 24));
                const auto first = std::chrono::steady_clock::now();
                for (int t = 0; t < number(2); ++t) {
                    std::this_thread::sleep_until(first + std::chrono::duration_cast<std::chrono::steady_clock::duration>(tick * t));
                    send(out, {0xF8});
                }
                k += 3;
            } else if (step == "wait" && k + 1 < argc) {
                std::this_thread::sleep_for(std::chrono::milliseconds(number(1)));
                k += 2;
            } else {
                std::fprintf(stderr, "midi_send: bad step \"%s\"\n", step.c_str());
                return 2;
            }
        }
        std::this_thread::sleep_for(200ms);  // let the last messages leave
    } catch (const RtMidiError& e) {
        std::fprintf(stderr, "midi_send: %s\n", e.getMessage().c_str());
        return 77;
    }
    return 0;
}
