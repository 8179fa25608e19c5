#pragma once
// wav_file — read a RIFF/WAVE file into float samples, for the sound probe.
//
// The synths under test each write their own flavour of WAV: Pd's writesf~
// writes 16- or 24-bit PCM, SuperCollider 32-bit float inside
// WAVE_FORMAT_EXTENSIBLE, our viewer 16-bit PCM. One reader takes them all
// and mixes channels down to mono for level and pitch; it also keeps the
// first two channels apart (left, right; a mono file gives the same signal
// twice) for the probe's stereo checks. A recorder killed before it could patch its header
// leaves a data size of 0 or past the end of the file; the reader then takes
// the bytes that are there (and says so) rather than losing the recording.
#include <cstdint>
#include <string>
#include <vector>

namespace polar::sound {

struct WavAudio {
    int sampleRate = 0;
    int channels = 0;
    int bitsPerSample = 0;
    bool isFloat = false;
    bool headerRepaired = false;  // the data size in the header was wrong
    std::vector<float> mono;      // -1..1, channels averaged
    std::vector<float> left, right;  // channels 1 and 2 (both channel 1 in a mono file)
};

// Throws std::runtime_error with a readable reason for anything it cannot read.
WavAudio readWav(const std::string& path);

}  // namespace polar::sound
