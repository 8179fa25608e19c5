// frame_stats.hpp — the frame rate polar-viewer shows and reports, measured.
//
// Each frame adds its wall time (from the previous frame's start to this
// one's). The HUD's fps is 1 / the smoothed frame time, so a stall shows
// within a few frames and one slow frame does not make the figure jump.
// --report-seconds adds the median and the 99th percentile of the frame
// times, which an average hides (one 200 ms hitch in a second of 16 ms
// frames barely moves the mean, but it is what a projector audience sees).
// The times go into a fixed histogram, so memory stays constant however
// long the run: 0.1 ms bins up to a second, and one bin for anything slower.
#pragma once

#include <cstdint>
#include <vector>

namespace polar::viewer {

class FrameStats {
public:
    FrameStats();

    // One frame's wall time, in seconds.
    void add(double seconds);
    // Frames per second from the smoothed frame time; 0 before any frame.
    double fps() const;
    // The frame time under which `fraction` (0..1) of the frames fell, in
    // milliseconds, to the bin (0.1 ms); 0 before any frame.
    double percentileMs(double fraction) const;
    std::uint64_t frames() const { return m_frames; }

private:
    // 0.1 ms: finer than any display's refresh step (16.7 ms at 60 Hz,
    // 6.9 ms at 144 Hz), so percentiles are exact enough to compare runs.
    static constexpr double kBinMs = 0.1;
    // Up to one second of frame time: past that the picture has frozen,
    // and "over 1000 ms" says all there is to say.
    static constexpr std::size_t kBins = 10000;
    // Smoothing: each frame moves the average a tenth of the way, so the
    // figure settles within ~20 frames (a third of a second at 60 fps).
    static constexpr double kSmoothing = 0.1;

    std::vector<std::uint64_t> m_bins;  // kBins + 1: the last holds >= 1 s
    std::uint64_t m_frames = 0;
    double m_smoothedSeconds = 0;
};

} // namespace polar::viewer
