// wav_file.cpp — a lenient RIFF/WAVE reader: PCM 8/16/24/32-bit and 32/64-bit
// float, plain or WAVE_FORMAT_EXTENSIBLE. See wav_file.hpp for why lenient.
#include "wav_file.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace polar::sound {
namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint32_t le32(const unsigned char* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24);
}
std::uint16_t le16(const unsigned char* p) { return std::uint16_t(p[0] | (p[1] << 8)); }

[[noreturn]] void fail(const std::string& path, const std::string& why) {
    throw std::runtime_error(path + ": " + why);
}

// One sample at p, as -1..1.
float decode(const unsigned char* p, int bits, bool isFloat) {
    if (isFloat) {
        if (bits == 32) {
            float f;
            std::uint32_t u = le32(p);
            std::memcpy(&f, &u, sizeof f);
            return f;
        }
        std::uint64_t u = le32(p) | (std::uint64_t(le32(p + 4)) << 32);
        double d;
        std::memcpy(&d, &u, sizeof d);
        return float(d);
    }
    switch (bits) {
        case 8: return (float(p[0]) - 128.0f) / 128.0f;  // 8-bit WAV is unsigned
        case 16: return float(std::int16_t(le16(p))) / 32768.0f;
        case 24: {
            std::int32_t v = std::int32_t((p[0] << 8) | (p[1] << 16) | (std::uint32_t(p[2]) << 24)) >> 8;
            return float(v) / 8388608.0f;
        }
        default: return float(double(std::int32_t(le32(p))) / 2147483648.0);
    }
}

}  // namespace

WavAudio readWav(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open");
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
        std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
        fail(path, "not a RIFF/WAVE file");

    WavAudio audio;
    std::uint16_t format = 0;
    bool haveFormat = false;
    std::size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const unsigned char* chunk = bytes.data() + pos;
        std::uint32_t size = le32(chunk + 4);
        std::size_t body = pos + 8;
        if (std::memcmp(chunk, "fmt ", 4) == 0) {
            if (size < 16 || body + 16 > bytes.size()) fail(path, "short fmt chunk");
            format = le16(bytes.data() + body);
            audio.channels = le16(bytes.data() + body + 2);
            audio.sampleRate = int(le32(bytes.data() + body + 4));
            audio.bitsPerSample = le16(bytes.data() + body + 14);
            if (format == kFormatExtensible && size >= 40 && body + 26 <= bytes.size())
                format = le16(bytes.data() + body + 24);  // the sub-format GUID's first two bytes
            haveFormat = true;
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            if (!haveFormat) fail(path, "data chunk before fmt chunk");
            if (format != kFormatPcm && format != kFormatFloat)
                fail(path, "unsupported sample format " + std::to_string(format));
            audio.isFloat = format == kFormatFloat;
            const int bits = audio.bitsPerSample;
            const bool bitsOk = audio.isFloat ? (bits == 32 || bits == 64)
                                              : (bits == 8 || bits == 16 || bits == 24 || bits == 32);
            if (!bitsOk || audio.channels < 1 || audio.sampleRate < 1)
                fail(path, "unsupported layout: " + std::to_string(audio.channels) + " channels, " +
                               std::to_string(bits) + " bits, " + std::to_string(audio.sampleRate) + " Hz");
            std::size_t available = bytes.size() - body;
            if (size == 0 || size > available) {  // the recorder never patched its header
                audio.headerRepaired = true;
                size = std::uint32_t(available);
            }
            const std::size_t frameBytes = std::size_t(bits / 8) * std::size_t(audio.channels);
            const std::size_t frames = size / frameBytes;
            audio.mono.resize(frames);
            audio.left.resize(frames);
            audio.right.resize(frames);
            for (std::size_t f = 0; f < frames; ++f) {
                float sum = 0;
                for (int c = 0; c < audio.channels; ++c) {
                    const float x = decode(bytes.data() + body + f * frameBytes + std::size_t(c) * (bits / 8), bits,
                                           audio.isFloat);
                    sum += x;
                    if (c == 0) audio.left[f] = audio.right[f] = x;
                    if (c == 1) audio.right[f] = x;
                }
                audio.mono[f] = sum / float(audio.channels);
            }
            return audio;
        }
        pos = body + size + (size & 1);  // chunks are padded to even sizes
    }
    fail(path, haveFormat ? "no data chunk" : "no fmt chunk");
}

}  // namespace polar::sound
