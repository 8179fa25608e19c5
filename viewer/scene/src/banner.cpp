// banner.cpp — see banner.hpp.
#include "polar/viewer/banner.hpp"

#include <algorithm>

namespace polar::viewer {

namespace {
bool continues(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
} // namespace

void LoadBanner::showError(std::string_view file, int line, int column, std::string_view name,
                           std::string_view message) {
    m_location = std::string(file);
    if (line > 0) {
        m_location += ':' + std::to_string(line);
        if (column > 0) m_location += ':' + std::to_string(column);
    }
    m_name = std::string(name);
    m_message = std::string(message);
    if (!m_showing) m_age = 0; // already up: replace the text, keep it steady
    m_showing = true;
    m_toastAge = kToastIn + kToastHold + kToastOut; // an error ends any toast
}

void LoadBanner::showLoaded(std::string_view, int rules) {
    clear();
    m_toast = "loaded (" + std::to_string(rules) + (rules == 1 ? " rule)" : " rules)");
    m_toastAge = 0;
}

void LoadBanner::clear() {
    m_showing = false;
    m_age = 0;
    m_location.clear();
    m_name.clear();
    m_message.clear();
}

void LoadBanner::advance(double seconds) {
    if (seconds <= 0) return;
    if (m_showing) m_age = std::min(m_age + seconds, kFadeInSeconds);
    if (toastShowing()) m_toastAge += seconds;
}

double LoadBanner::opacity() const {
    if (!m_showing) return 0;
    return std::clamp(m_age / kFadeInSeconds, 0.0, 1.0);
}

double LoadBanner::toastOpacity() const {
    if (!toastShowing()) return 0;
    if (m_toastAge < kToastIn) return m_toastAge / kToastIn;
    if (m_toastAge < kToastIn + kToastHold) return 1;
    return std::clamp(1 - (m_toastAge - kToastIn - kToastHold) / kToastOut, 0.0, 1.0);
}

std::size_t countCharacters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !continues(c); }));
}

std::string cutToWidth(std::string_view text, std::size_t maxChars) {
    if (countCharacters(text) <= maxChars) return std::string(text);
    if (maxChars == 0) return {};
    // Keep maxChars - 1 characters: walk to the start of character number
    // maxChars - 1 (0-based), which is where the marker goes.
    std::size_t chars = 0, at = 0;
    for (; at < text.size(); ++at) {
        if (!continues(text[at])) {
            if (chars == maxChars - 1) break;
            ++chars;
        }
    }
    return std::string(text.substr(0, at)) + '~';
}

} // namespace polar::viewer
