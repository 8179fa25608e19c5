// recording.cpp — see recording.hpp for the file format.
#include "polar/osc/recording.hpp"

#include <cstdio>
#include <istream>
#include <ostream>

#include "polar/osc/parse_datagram.hpp"

namespace polar::osc {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "12.345678" → 12345678 µs; -1 when it is not digits[.1-6 digits].
std::int64_t parseTime(std::string_view text) {
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    // 12 digits of seconds is over 30,000 years: more is a typo, not a recording.
    if (whole.empty() || whole.size() > 12 ||
        (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 6))) {
        return -1;
    }
    std::int64_t micros = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9') return -1;
        micros = micros * 10 + (c - '0');
    }
    std::int64_t scale = 100'000;
    micros *= 1'000'000;
    for (const char c : fraction) {
        if (c < '0' || c > '9') return -1;
        micros += (c - '0') * scale;
        scale /= 10;
    }
    return micros;
}

} // namespace

std::string formatRecordedLine(std::chrono::microseconds time, const char* data, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const auto micros = static_cast<long long>(time.count());
    char stamp[40];
    std::snprintf(stamp, sizeof stamp, "%lld.%06lld", micros / 1'000'000, micros % 1'000'000);
    std::string line = stamp;
    if (size > 0) {
        line.reserve(line.size() + 1 + 2 * size);
        line += ' ';
        for (std::size_t i = 0; i < size; ++i) {
            const auto byte = static_cast<unsigned char>(data[i]);
            line += kDigits[byte >> 4];
            line += kDigits[byte & 0x0f];
        }
    }
    return line;
}

RecordingWriter::RecordingWriter(std::ostream& out) : m_out(out) {
    m_out << kRecordingHeader << '\n';
}

void RecordingWriter::write(std::chrono::microseconds time, const char* data, std::size_t size) {
    m_out << formatRecordedLine(time, data, size) << '\n';
}

RecordingReader::RecordingReader(std::istream& in, std::string name)
    : m_in(in), m_name(std::move(name)) {
    std::string header;
    ++m_line;
    if (!std::getline(m_in, header) || header != kRecordingHeader) {
        fail(std::string("not a polar-osc recording (the first line must be '") +
             kRecordingHeader + "')");
    }
}

void RecordingReader::fail(const std::string& what) const {
    throw RecordingError(m_name + ":" + std::to_string(m_line) + ": " + what);
}

bool RecordingReader::next(RecordedDatagram& datagram) {
    std::string line;
    while (std::getline(m_in, line)) {
        ++m_line;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();  // a file that went through Windows
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const std::size_t space = line.find(' ');
        const std::int64_t micros = parseTime(std::string_view(line).substr(0, space));
        if (micros < 0) {
            fail("expected a time in seconds such as 1.250000 at the start of the line");
        }
        if (micros < m_last.count()) {
            fail("time goes backwards");
        }
        const std::string_view hex =
            space == std::string::npos ? std::string_view{} : std::string_view(line).substr(space + 1);
        if (hex.size() % 2 != 0) {
            fail("odd number of hex digits");
        }
        if (hex.size() / 2 > kMaxDatagramSize) {
            fail("datagram larger than 65,535 bytes");
        }
        datagram.time = std::chrono::microseconds(micros);
        datagram.bytes.resize(hex.size() / 2);
        for (std::size_t i = 0; i < datagram.bytes.size(); ++i) {
            const int high = hexValue(hex[2 * i]);
            const int low = hexValue(hex[2 * i + 1]);
            if (high < 0 || low < 0) {
                fail("not a hex digit in the datagram bytes");
            }
            datagram.bytes[i] = static_cast<char>(high * 16 + low);
        }
        m_last = datagram.time;
        return true;
    }
    if (m_in.bad()) {
        fail("read error");
    }
    return false;
}

} // namespace polar::osc
