#include "polar/viewer/sound/wav_writer.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace polar::viewer::sound {

namespace {
constexpr std::uint64_t kHeaderBytes = 44;
// The RIFF size field is 32 bits and counts everything after its own 8 bytes.
constexpr std::uint64_t kMaxDataBytes = 0xFFFFFFFFull - (kHeaderBytes - 8);

void put16(unsigned char* p, std::uint32_t v) {
    p[0] = static_cast<unsigned char>(v & 0xFF);
    p[1] = static_cast<unsigned char>((v >> 8) & 0xFF);
}
void put32(unsigned char* p, std::uint32_t v) {
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}
} // namespace

WavWriter::WavWriter(const std::string& path, unsigned sampleRate, unsigned channels)
    : m_path(path), m_sampleRate(sampleRate), m_channels(channels) {
    if (channels == 0 || sampleRate == 0) throw std::runtime_error(path + ": a WAV needs channels and a sample rate");
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) fail("cannot create");
    std::array<unsigned char, kHeaderBytes> h{};
    std::memcpy(h.data(), "RIFF", 4);
    put32(h.data() + 4, static_cast<std::uint32_t>(kHeaderBytes - 8));
    std::memcpy(h.data() + 8, "WAVEfmt ", 8);
    put32(h.data() + 16, 16);  // fmt chunk size for PCM
    put16(h.data() + 20, 1);   // PCM
    put16(h.data() + 22, channels);
    put32(h.data() + 24, sampleRate);
    put32(h.data() + 28, sampleRate * channels * 2);  // bytes per second
    put16(h.data() + 32, channels * 2);               // bytes per frame
    put16(h.data() + 34, 16);                          // bits per sample
    std::memcpy(h.data() + 36, "data", 4);
    put32(h.data() + 40, 0);
    if (std::fwrite(h.data(), 1, h.size(), m_file) != h.size()) fail("cannot write");
}

WavWriter::~WavWriter() {
    try {
        finish();
    } catch (const std::exception&) {
        // A destructor must not throw; callers who care call finish().
    }
}

void WavWriter::fail(const char* what) {
    const std::string reason = std::strerror(errno);
    if (m_file) {
        std::fclose(m_file);
        m_file = nullptr;
    }
    throw std::runtime_error(std::string(what) + " " + m_path + ": " + reason);
}

void WavWriter::write(std::span<const std::int16_t> samples) {
    if (!m_file || m_full) return;
    std::uint64_t bytes = samples.size() * 2;
    if (m_dataBytes + bytes > kMaxDataBytes) {
        bytes = (kMaxDataBytes - m_dataBytes) / (2u * m_channels) * (2u * m_channels);
        m_full = true;
    }
    // Little-endian on disk, whatever the machine.
    unsigned char buffer[4096];
    std::uint64_t done = 0;
    while (done < bytes) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buffer, bytes - done));
        for (std::size_t i = 0; i < n; i += 2) put16(buffer + i, static_cast<std::uint16_t>(samples[(done + i) / 2]));
        if (std::fwrite(buffer, 1, n, m_file) != n) fail("cannot write");
        done += n;
    }
    m_dataBytes += bytes;
    m_sincePatch += bytes;
    if (m_sincePatch >= std::uint64_t{m_sampleRate} * m_channels * 2) patchSizes();
}

void WavWriter::patchSizes() {
    m_sincePatch = 0;
    unsigned char size[4];
    const long end = std::ftell(m_file);
    put32(size, static_cast<std::uint32_t>(kHeaderBytes - 8 + m_dataBytes));
    if (std::fseek(m_file, 4, SEEK_SET) != 0 || std::fwrite(size, 1, 4, m_file) != 4) fail("cannot write");
    put32(size, static_cast<std::uint32_t>(m_dataBytes));
    if (std::fseek(m_file, 40, SEEK_SET) != 0 || std::fwrite(size, 1, 4, m_file) != 4) fail("cannot write");
    if (std::fseek(m_file, end, SEEK_SET) != 0 || std::fflush(m_file) != 0) fail("cannot write");
}

void WavWriter::finish() {
    if (!m_file) return;
    patchSizes();
    std::FILE* file = m_file;
    m_file = nullptr;
    if (std::fclose(file) != 0) {
        throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    }
}

} // namespace polar::viewer::sound
