// cli/repl.cpp — see repl.hpp.
#include "repl.hpp"

#include <istream>
#include <memory>
#include <new>
#include <optional>
#include <ostream>

#include "line_reader.hpp"
#include "output.hpp"
#include "repl_session.hpp"

namespace polar::cli {

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// One query: stream the bindings, then the verdict. An error ends the
// query, not the session.
void evaluate(polar::Polar& polar, const std::string& text, std::ostream& out,
              std::ostream& err) {
    bool answered = false;
    try {
        polar::Query query = polar.query(text);
        while (std::optional<polar::Bindings> result = query.next()) {
            answered = true;
            if (!result->empty()) {
                out << formatPlain(*result) << '\n' << std::flush;
            }
        }
    } catch (const polar::Error& error) {
        out.flush();  // answers already printed come before the error
        printError(err, error);
        return;
    } catch (const std::bad_alloc&) {
        // The query's memory went with it; the policy is intact, so the
        // session goes on, as after any other error.
        out.flush();
        printOutOfMemory(err, "running the query");
        return;
    }
    out << (answered ? "true" : "false") << '\n' << std::flush;
}

} // namespace

std::string replQueryText(std::string_view line) {
    std::size_t end = line.size();
    // Trailing blanks and `;`s may alternate ("f(x) ; ;"), so strip both together.
    while (end > 0 && (isBlank(line[end - 1]) || line[end - 1] == ';')) {
        --end;
    }
    std::size_t begin = 0;
    while (begin < end && isBlank(line[begin])) {
        ++begin;
    }
    return std::string(line.substr(begin, end - begin));
}

int runRepl(polar::Polar& polar, std::istream& in, std::ostream& out, std::ostream& err,
            bool showPrompt) {
    ReplSession session(polar, OscCliOptions{}, LimitCliOptions{});
    const std::unique_ptr<LineReader> reader = makeStreamReader(in, out, showPrompt, kReplPrompt);
    return runRepl(session, *reader, out, err);
}

int runRepl(ReplSession& session, LineReader& reader, std::ostream& out, std::ostream& err) {
    while (std::optional<std::string> line = reader.read()) {
        const std::string query = replQueryText(*line);
        if (query.empty()) {
            continue;
        }
        if (query == "exit" || query == "quit") {
            break;
        }
        if (query.front() == ':') {
            session.command(query, out, err);
            continue;
        }
        evaluate(session.polar(), query, out, err);
    }
    session.finish(err);
    return kExitOk;
}

} // namespace polar::cli
