#pragma once
// sound_analysis — what a listener checks, as numbers: where a recording is
// busy and where it rests, how loud each is, and which pitch dominates.
//
// Level is measured in 50 ms windows (short enough to see a 20 ms-paced
// stream's gaps, long enough to hold a 60 Hz cycle three times). Busy
// stretches are found on a 250 ms running mean, so the decay between two
// percussive hits does not split a stretch; runs closer than 0.6 s merge and
// runs shorter than 0.4 s are dropped as clicks. Pitch is the median, over a
// stretch, of the strongest FFT peak between 60 Hz and 4 kHz in 8192-sample
// Hann windows (5.9 Hz bins at 48 kHz, a quarter semitone at 110 Hz after
// interpolation) — the median ignores the odd drum hit or sweep.
#include <string>
#include <vector>

namespace polar::sound {

struct Segment {
    double start = 0, end = 0;  // seconds
    double rmsDb = 0;           // mean power over the stretch, dBFS
    double pitchHz = 0;         // 0 when no window had a clear peak
    double balanceDb = 0;       // right over left power over the stretch, dB (+: to the right)
};

struct Analysis {
    double seconds = 0;
    double peakDb = -120, rmsDb = -120;  // whole file
    double quietDb = -120;               // the pauses between busy stretches
    std::vector<Segment> busy;
    // Stereo (measureStereo): left/right correlation over the whole file —
    // 1 the same signal, 0 unrelated, < 0 a mono sum that cancels.
    double lrCorrelation = 1;
};

Analysis analyse(const std::vector<float>& mono, int sampleRate);
// Adds each busy stretch's balance and the file's L/R correlation.
void measureStereo(Analysis& analysis, const std::vector<float>& left, const std::vector<float>& right, int sampleRate);

// "A2", "C#5": the nearest equal-tempered note, for people reading figures.
std::string noteName(double hz);

}  // namespace polar::sound
