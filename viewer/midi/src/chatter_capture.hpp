// chatter_capture.hpp — RtMidi's and libjack's stderr chatter, captured.
//
// Private to midi_input_rtmidi.cpp. Opening MIDI where there is none is a
// normal case for the viewer, worth one line of its own (midi_input.hpp);
// but RtMidi prints a warning to std::cerr from inside its constructors,
// before an error callback can be installed, and jack2's libjack prints
// five lines through jack_error ("Cannot connect to server socket ...").
// Both captures are scoped to the opening of a port and keep the text for
// MidiInput::diagnostics().
#pragma once

#include <iostream>
#include <mutex>
#include <sstream>
#include <string>

#ifdef POLAR_MIDI_HAVE_JACK
#include <jack/jack.h>
#endif

namespace polar::viewer::midi::detail {

// Sends std::cerr to a string while alive: RtMidi's constructors print
// there before an error callback can be installed.
class CerrCapture {
public:
    CerrCapture() : m_saved(std::cerr.rdbuf(m_text.rdbuf())) {}
    ~CerrCapture() { std::cerr.rdbuf(m_saved); }
    CerrCapture(const CerrCapture&) = delete;
    CerrCapture& operator=(const CerrCapture&) = delete;
    std::string text() const { return m_text.str(); }

private:
    std::ostringstream m_text;
    std::streambuf* m_saved;
};

// Records libjack's messages instead of printing them, while alive. The
// functions are process-wide, so they are restored at once: JACK errors
// after start-up (the server going away) print as JACK means them to.
class JackCapture {
public:
#ifdef POLAR_MIDI_HAVE_JACK
    JackCapture() : m_savedError(jack_error_callback), m_savedInfo(jack_info_callback) {
        std::lock_guard lock(s_mutex);
        s_text.clear();
        jack_set_error_function(&record);
        jack_set_info_function(&record);
    }
    ~JackCapture() {
        jack_set_error_function(m_savedError);
        jack_set_info_function(m_savedInfo);
    }
    std::string text() const {
        std::lock_guard lock(s_mutex);
        return s_text;
    }
#else
    std::string text() const { return {}; }
#endif
    JackCapture(const JackCapture&) = delete;
    JackCapture& operator=(const JackCapture&) = delete;

private:
#ifdef POLAR_MIDI_HAVE_JACK
    static void record(const char* msg) {
        std::lock_guard lock(s_mutex);
        s_text += msg;
        s_text += '\n';
    }
    void (*m_savedError)(const char*);
    void (*m_savedInfo)(const char*);
    static inline std::mutex s_mutex;
    static inline std::string s_text;
#endif
};

} // namespace polar::viewer::midi::detail
