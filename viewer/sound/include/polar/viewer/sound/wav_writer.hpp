// wav_writer.hpp — 16-bit PCM WAV files, written as the sound is made.
//
// The canonical 44-byte header (RIFF, "fmt " with PCM format 1, "data")
// followed by interleaved little-endian samples. The two sizes in the
// header are patched when the file is finished — and also after every
// second of audio, so a recording cut short (a crash, SIGKILL, a full
// disk) still opens with everything up to its last second. Errors throw
// std::runtime_error naming the file and the reason.
#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>

namespace polar::viewer::sound {

class WavWriter {
public:
    // Creates (or truncates) `path` and writes the header.
    WavWriter(const std::string& path, unsigned sampleRate, unsigned channels = 2);
    ~WavWriter();  // finishes, swallowing errors: call finish() to see them
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;

    // Appends interleaved frames (size must be a multiple of the channels).
    // Past the format's 4 GiB limit (6.7 hours of 44.1 kHz stereo) the rest
    // is dropped and full() turns true.
    void write(std::span<const std::int16_t> interleaved);
    // Patches the header and closes the file. Idempotent.
    void finish();

    std::uint64_t frames() const { return m_dataBytes / (2u * m_channels); }
    bool full() const { return m_full; }
    const std::string& path() const { return m_path; }

private:
    void patchSizes();
    [[noreturn]] void fail(const char* what);

    std::string m_path;
    std::FILE* m_file = nullptr;
    unsigned m_sampleRate;
    unsigned m_channels;
    std::uint64_t m_dataBytes = 0;
    std::uint64_t m_sincePatch = 0;
    bool m_full = false;
};

} // namespace polar::viewer::sound
