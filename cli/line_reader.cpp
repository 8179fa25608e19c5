// cli/line_reader.cpp — see line_reader.hpp.
#include "line_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <istream>
#include <ostream>

#ifdef POLAR_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

namespace polar::cli {

namespace {

class StreamReader final : public LineReader {
public:
    StreamReader(std::istream& in, std::ostream& out, bool showPrompt, std::string_view prompt)
        : m_in(in), m_out(out), m_showPrompt(showPrompt), m_prompt(prompt) {}

    std::optional<std::string> read() override {
        if (m_showPrompt) m_out << m_prompt << std::flush;
        std::string line;
        if (!std::getline(m_in, line)) {
            // After Ctrl-D, put the shell's prompt back on a line of its own.
            if (m_showPrompt) m_out << '\n' << std::flush;
            return std::nullopt;
        }
        return line;
    }

private:
    std::istream& m_in;
    std::ostream& m_out;
    bool m_showPrompt;
    std::string m_prompt;
};

#ifdef POLAR_HAVE_LIBEDIT
class EditLineReader final : public LineReader {
public:
    explicit EditLineReader(std::string_view prompt) : m_prompt(prompt) {
        using_history();
        stifle_history(kHistoryLines);
        if (const char* home = std::getenv("HOME"); home && *home) {
            m_historyFile = std::string(home) + "/.polar_history";
            read_history(m_historyFile.c_str());  // absent on first use: fine
        }
    }
    ~EditLineReader() override {
        // History is a convenience: a read-only home must not be an error.
        if (!m_historyFile.empty()) write_history(m_historyFile.c_str());
    }

    std::optional<std::string> read() override {
        char* raw = readline(m_prompt.c_str());
        if (!raw) {
            std::fputc('\n', stdout);
            return std::nullopt;
        }
        std::string line(raw);
        std::free(raw);  // readline's buffer comes from malloc
        if (line.find_first_not_of(" \t") != std::string::npos) add_history(line.c_str());
        return line;
    }

private:
    std::string m_prompt;
    std::string m_historyFile;
};
#endif

} // namespace

std::unique_ptr<LineReader> makeStreamReader(std::istream& in, std::ostream& out, bool showPrompt,
                                             std::string_view prompt) {
    return std::make_unique<StreamReader>(in, out, showPrompt, prompt);
}

std::unique_ptr<LineReader> makeTerminalReader(std::string_view prompt) {
#ifdef POLAR_HAVE_LIBEDIT
    return std::make_unique<EditLineReader>(prompt);
#else
    (void)prompt;
    return nullptr;
#endif
}

} // namespace polar::cli
