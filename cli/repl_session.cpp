// cli/repl_session.cpp — see repl_session.hpp.
#include "repl_session.hpp"

#include <new>
#include <ostream>
#include <polar/osc/broadcaster.hpp>

#include "output.hpp"
#include "policy_loader.hpp"
#include "polar/flags/parse.hpp"

namespace polar::cli {

namespace {

constexpr const char* kHelp = R"(Queries: type one per line (a trailing ; is optional); exit or quit leaves.
:load FILE          load one more policy file
:reload             reload the files loaded so far (on error the old policy stays)
:limits             show the limits
:limits NAME VALUE  set one: timeout 5s | max-depth N | max-steps N | max-memory 512M (0 = none)
:osc HOST:PORT      broadcast later queries as OSC there too
:osc off            stop broadcasting; :osc alone lists the destinations
:help               this list
)";

// The command word and the rest, both trimmed.
std::pair<std::string_view, std::string_view> splitWord(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {{}, {}};
    text.remove_prefix(begin);
    const auto end = text.find_first_of(" \t");
    if (end == std::string_view::npos) return {text, {}};
    std::string_view rest = text.substr(end);
    const auto restBegin = rest.find_first_not_of(" \t");
    rest = restBegin == std::string_view::npos ? std::string_view{} : rest.substr(restBegin);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
    return {text.substr(0, end), rest};
}

std::string orNone(std::uint64_t value, const std::string& unit = "") {
    return value == 0 ? std::string("none") : std::to_string(value) + unit;
}

} // namespace

ReplSession::ReplSession(polar::Polar& polar, OscCliOptions osc, LimitCliOptions limits)
    : m_polar(polar), m_osc(std::move(osc)), m_limits(std::move(limits)) {
    applyLimits(m_limits, m_polar);
    if (auto broadcaster = makeBroadcaster(m_osc)) {
        m_broadcasters.push_back(std::move(broadcaster));
        m_polar.addObserver(*m_broadcasters.back());
    }
}

ReplSession::~ReplSession() {
    detach(m_polar);
}

void ReplSession::attach(polar::Polar& polar) {
    for (auto& broadcaster : m_broadcasters) polar.addObserver(*broadcaster);
}

void ReplSession::detach(polar::Polar& polar) {
    for (auto& broadcaster : m_broadcasters) polar.removeObserver(*broadcaster);
}

void ReplSession::load(const std::vector<std::string>& files, std::ostream& err) {
    for (const std::string& file : files) {
        if (!loadPolicies(m_polar, {file}, err)) return;  // later files build on this one
        m_files.push_back(file);
    }
}

void ReplSession::command(std::string_view line, std::ostream& out, std::ostream& err) {
    const auto [name, args] = splitWord(line.substr(1));
    if (name == "help" || name == "h" || name == "?") {
        out << kHelp;
    } else if (name == "load") {
        if (args.empty()) {
            err << "polar: error: :load needs a file\n";
        } else {
            const std::size_t before = m_files.size();
            load({std::string(args)}, err);
            if (m_files.size() > before) out << "loaded " << args << '\n';
        }
    } else if (name == "reload") {
        reload(out, err);
    } else if (name == "limits") {
        limits(args, out, err);
    } else if (name == "osc") {
        osc(args, out, err);
    } else {
        err << "polar: error: unknown command :" << name << " (:help lists them)\n";
    }
    out << std::flush;
    err << std::flush;
}

void ReplSession::reload(std::ostream& out, std::ostream& err) {
    polar::Polar next;
    try {
        applyLimits(m_limits, next);
    } catch (const polar::Error& error) {
        printError(err, error);
        return;
    }
    attach(next);  // before loading: the load events reach OSC
    if (!loadPolicies(next, m_files, err)) {
        detach(next);
        err << "polar: reload failed; the previous policy is still loaded\n";
        return;
    }
    detach(m_polar);
    m_polar = std::move(next);  // the observers move with the knowledge base
    out << "reloaded " << m_files.size() << (m_files.size() == 1 ? " file" : " files") << '\n';
}

void ReplSession::limits(std::string_view args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        const auto [name, value] = splitWord(args);
        LimitCliOptions changed = m_limits;
        try {
            const std::string text(value);
            if (value.empty()) throw flags::BadValue("needs a value");
            if (name == "timeout") {
                flags::parseDuration(text, kTimeoutRange);  // refuse before keeping it
                changed.timeout = text;
            } else if (name == "max-depth") {
                changed.maxDepth = flags::parseWhole(text, flags::wholeRange<std::uint64_t>());
            } else if (name == "max-steps") {
                changed.maxSteps = flags::parseWhole(text, flags::wholeRange<std::uint64_t>());
            } else if (name == "max-memory") {
                changed.maxMemory = flags::parseSize(text, flags::wholeRange<std::uint64_t>());
            } else {
                err << "polar: error: unknown limit " << name
                    << " (timeout, max-depth, max-steps, max-memory)\n";
                return;
            }
            applyLimits(changed, m_polar);
            m_limits = changed;
        } catch (const flags::BadValue& error) {
            err << "polar: error: :limits " << name << ": " << error.what() << '\n';
            return;
        } catch (const polar::Error& error) {
            printError(err, error);
            return;
        }
    }
    const polar::Limits& limits = m_polar.limits();
    out << "timeout " << orNone(static_cast<std::uint64_t>(limits.timeout.count()), "ms")
        << ", max-depth " << orNone(limits.maxDepth) << ", max-steps " << orNone(limits.maxSteps)
        << ", max-memory " << orNone(limits.maxHeapBytes, " bytes") << '\n';
}

void ReplSession::osc(std::string_view args, std::ostream& out, std::ostream& err) {
    if (args == "off") {
        detach(m_polar);
        finish(err);
        m_broadcasters.clear();
        out << "osc: off\n";
        return;
    }
    if (!args.empty()) {
        OscCliOptions options = m_osc;
        options.destinations = {std::string(args)};
        try {
            m_broadcasters.push_back(makeBroadcaster(options));
        } catch (const polar::Error& error) {
            printError(err, error);
            return;
        }
        m_polar.addObserver(*m_broadcasters.back());
    }
    if (m_broadcasters.empty()) {
        out << "osc: off\n";
        return;
    }
    out << "osc:";
    for (const auto& broadcaster : m_broadcasters) {
        for (const std::string& destination : broadcaster->options().destinations) {
            out << ' ' << destination;
        }
    }
    out << '\n';
}

void ReplSession::finish(std::ostream& err) {
    for (auto& broadcaster : m_broadcasters) reportOscLosses(*broadcaster, err);
}

} // namespace polar::cli
