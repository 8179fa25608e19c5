#include "sound_stream.hpp"

#include <iostream>
#include <sstream>
#include <vector>

#include <SFML/Audio.hpp>

#include "polar/viewer/sound/live_synth.hpp"
#include "polar/viewer/sound/timed_renderer.hpp"
#include "polar/viewer/sound/wav_writer.hpp"

namespace polar::viewer {

namespace snd = polar::viewer::sound;

// The sf::SoundStream that pulls from a LiveSynth on SFML's audio thread.
class SynthStream : public sf::SoundStream {
public:
    explicit SynthStream(const snd::SynthConfig& config) : m_synth(config), m_block(2 * kBlockFrames) {
        initialize(2, config.sampleRate);
    }
    ~SynthStream() override { stop(); }
    snd::LiveSynth& synth() { return m_synth; }

private:
    // 1,024 frames (23 ms at 44.1 kHz) a block; SFML queues three, so sound
    // follows events within ~70 ms — under the ~100 ms at which a sound
    // feels late to what it accompanies, with room for a busy 2-core machine.
    static constexpr std::size_t kBlockFrames = 1024;

    bool onGetData(Chunk& chunk) override {
        m_synth.render(m_block);
        chunk.samples = m_block.data();
        chunk.sampleCount = m_block.size();
        return true;  // endless: silence when nothing happens
    }
    void onSeek(sf::Time) override {}

    snd::LiveSynth m_synth;
    std::vector<sf::Int16> m_block;
};

struct SoundOutput::File {
    snd::WavWriter writer;
    snd::TimedRenderer renderer;
    File(const std::string& path, const snd::SynthConfig& config)
        : writer(path, config.sampleRate, 2),
          renderer(config,
                   [this](std::span<const std::int16_t> block) { writer.write(block); }) {}
};

namespace {
// SFML reports a missing sound device only on sf::err() — and then its
// stream thread floods sf::err() with failed OpenAL calls for as long as it
// plays. So: capture sf::err() while the stream is created, and never play
// a stream whose device failed to open.
class CaptureSfmlErrors {
public:
    CaptureSfmlErrors() : m_old(sf::err().rdbuf(m_text.rdbuf())) {}
    ~CaptureSfmlErrors() { sf::err().rdbuf(m_old); }
    std::string text() const { return m_text.str(); }

private:
    std::ostringstream m_text;
    std::streambuf* m_old;
};
} // namespace

SoundOutput::SoundOutput(bool play, const std::string& wavPath, unsigned sampleRate, snd::SynthConfig config) {
    config.sampleRate = sampleRate;
    if (!wavPath.empty()) m_file = std::make_unique<File>(wavPath, config);
    if (!play) return;
    CaptureSfmlErrors capture;
    auto stream = std::make_unique<SynthStream>(config);
    const std::string errors = capture.text();
    if (errors.find("Failed to open the audio device") != std::string::npos || stream->getChannelCount() != 2) {
        std::cerr << "polar-viewer: warning: cannot open the audio device; no sound (the picture goes on). "
                     "Without a sound card, ALSOFT_DRIVERS=null lets OpenAL run silently; --sound-out FILE.wav "
                     "writes the sound to a file instead\n";
        // Its destructor talks to the missing device too: keep that quiet.
        stream.reset();
        return;
    }
    stream->play();
    m_stream = std::move(stream);
    std::cout << "polar-viewer: playing sound at " << sampleRate << " Hz, ";
    if (config.tempoMode == snd::TempoMode::Fixed) std::cout << config.bpm << " bpm" << std::endl;
    else std::cout << "following the sender's pace (" << config.bpm << " bpm when it floods)" << std::endl;
}

SoundOutput::~SoundOutput() {
    if (m_stream) {
        m_stream->stop();
        const auto dropped = m_stream->synth().dropped();
        if (dropped > 0) std::cerr << "polar-viewer: the audio thread fell behind; " << dropped << " sound events dropped\n";
    }
}

void SoundOutput::event(double seconds, const SceneEvent& e, int source) {
    const snd::SoundEvent se = snd::toSoundEvent(e, source);
    if (m_stream) m_stream->synth().post(se);
    if (m_file) m_file->renderer.event(seconds, se);
}

void SoundOutput::setTempo(double seconds, double bpm) {
    sound::SoundEvent tempo;
    tempo.tempo = bpm;
    if (m_stream) m_stream->synth().post(tempo);
    if (m_file) m_file->renderer.event(seconds, tempo);
}

void SoundOutput::advanceTo(double seconds) {
    if (m_file) m_file->renderer.advanceTo(seconds);
}

void SoundOutput::finish(double tailSeconds) {
    if (!m_file) return;
    m_file->renderer.advanceTo(m_file->renderer.seconds() + tailSeconds);
    m_file->writer.finish();
    const double seconds = static_cast<double>(m_file->writer.frames()) / m_file->renderer.synth().sampleRate();
    std::cout << "polar-viewer: wrote " << m_file->writer.path() << " (" << seconds << " s, "
              << m_file->renderer.synth().eventsApplied() << " sound events)" << std::endl;
    m_file.reset();
}

} // namespace polar::viewer
