// banner.hpp — the live-coding banner: a refused load, shown until the
// next load succeeds, and a short toast when one does.
//
// Design. `polar live` keeps the previous policy running when a save does
// not load, so the viewer keeps drawing the squares and tells the room why
// the new text was refused: `file:line:col`, the error's name and its
// message, in a band at the bottom of the screen. The state lives here,
// in plain C++, so its rules are unit-tested without a window:
//   - /polar/policy/error sets the banner; it stays (no timeout: the error
//     stands until the coder fixes it) and fades in over kFadeInSeconds, a
//     single monotonic ramp — never a flash (WCAG 2.3.1: no more than three
//     luminance flips a second; this makes exactly one, slowly). A second
//     error replaces the text but does not restart the fade: the banner is
//     already up, and a blink per keystroke would be a strobe.
//   - /polar/policy/loaded clears it and starts a toast "loaded (N rules)"
//     that fades in, holds, then fades out.
//   - Texts are cut to what fits with cutToWidth(), ending in the project's
//     truncation marker `~`; the renderer says how many characters fit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace polar::viewer {

class LoadBanner {
public:
    // 300 ms: above the 200 ms under which a change reads as a flash, short
    // enough that the coder sees the verdict as soon as they look up.
    static constexpr double kFadeInSeconds = 0.3;
    // The toast: 0.3 s in, 1.5 s held, 0.6 s out — long enough to read
    // three words, short enough not to cover the squares for long.
    static constexpr double kToastIn = 0.3;
    static constexpr double kToastHold = 1.5;
    static constexpr double kToastOut = 0.6;

    void showError(std::string_view file, int line, int column, std::string_view name,
                   std::string_view message);
    void showLoaded(std::string_view file, int rules);
    void clear();
    void advance(double seconds);

    bool showing() const { return m_showing; }
    // "policy.polar:3:14"; "policy.polar:3" without a column, the file alone
    // without a line (0 = unknown).
    const std::string& location() const { return m_location; }
    const std::string& name() const { return m_name; }
    const std::string& message() const { return m_message; }
    // 0..1, rising linearly over kFadeInSeconds once an error arrives.
    double opacity() const;

    bool toastShowing() const { return m_toastAge < kToastIn + kToastHold + kToastOut; }
    // "loaded (12 rules)"; "loaded (1 rule)".
    const std::string& toastText() const { return m_toast; }
    double toastOpacity() const;

private:
    bool m_showing = false;
    double m_age = 0;
    std::string m_location, m_name, m_message;
    std::string m_toast;
    double m_toastAge = kToastIn + kToastHold + kToastOut; // over: nothing shown
};

// The first `maxChars` characters (UTF-8 code points) of `text`; when it
// is longer, the first maxChars - 1 and the marker `~`, so the result is
// never wider than maxChars characters. maxChars 0 gives "".
std::string cutToWidth(std::string_view text, std::size_t maxChars);

// Code points in `text` (bytes that do not continue a UTF-8 sequence).
std::size_t countCharacters(std::string_view text);

} // namespace polar::viewer
