// polar/osc/recording.hpp — the `polar-osc` recording file, read and written.
//
// A recording is text, so it diffs, greps and survives any transport:
//
//   # polar-osc recording v1
//   0.000000 2f706f6c61722f68656c6c6f00000000...
//   0.013507 2362756e646c65000000000000000001...
//
// The first line is the header, exactly. Then one line per datagram: the
// arrival time in seconds since the recording started, with exactly six
// decimals (microseconds), one space, and the datagram's bytes in lowercase
// hex (two digits a byte, nothing between). An empty datagram is the time
// alone. Hex makes any bytes safe — malformed OSC, NULs, newlines — which a
// recorder of "any OSC stream" must keep as they came. Lines starting with
// '#' after the header are comments; blank lines are ignored. Times never
// decrease. Readers accept 1 to 6 decimals and upper-case hex.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace polar::osc {

inline constexpr const char* kRecordingHeader = "# polar-osc recording v1";

struct RecordedDatagram {
    std::chrono::microseconds time{0};  // since the recording started
    std::string bytes;
};

// A file that is not a recording, or a line that breaks the format; the
// message is "FILE:LINE: what is wrong".
class RecordingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class RecordingWriter {
public:
    // Writes the header at once.
    explicit RecordingWriter(std::ostream& out);
    void write(std::chrono::microseconds time, const char* data, std::size_t size);

private:
    std::ostream& m_out;
};

// Reads datagrams one by one, so a long recording never sits in memory whole.
class RecordingReader {
public:
    // Reads and checks the header; `name` is used in error messages.
    RecordingReader(std::istream& in, std::string name);
    // The next datagram; false at the end of the file. Throws RecordingError.
    bool next(RecordedDatagram& datagram);

private:
    [[noreturn]] void fail(const std::string& what) const;

    std::istream& m_in;
    std::string m_name;
    std::size_t m_line = 0;
    std::chrono::microseconds m_last{0};
};

// One line in the format above (without the newline), exposed for tests.
std::string formatRecordedLine(std::chrono::microseconds time, const char* data, std::size_t size);

} // namespace polar::osc
