// cli/live_session.cpp — see live_session.hpp.
#include "live_session.hpp"

#include <cstdio>
#include <new>
#include <ostream>
#include <sstream>

#include "output.hpp"
#include "policy_loader.hpp"

namespace polar::cli {

namespace {

// Records what the engine says about each source it loads, for the status
// line; the OSC broadcaster hears the same events.
class LoadRecorder final : public polar::Observer {
public:
    void onPolicyLoad(const polar::PolicyLoadEvent& event) override {
        m_rules = event.rules;
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(event.hash));
        if (!m_hashes.empty()) m_hashes += ' ';
        m_hashes += hash;
    }
    std::size_t rules() const { return m_rules; }
    const std::string& hashes() const { return m_hashes; }

private:
    std::size_t m_rules = 0;
    std::string m_hashes;
};

} // namespace

LiveSession::LiveSession(std::vector<std::string> files, LimitCliOptions limits,
                         std::vector<polar::Observer*> observers)
    : m_files(std::move(files)), m_limits(std::move(limits)), m_observers(std::move(observers)) {}

LiveSession::~LiveSession() {
    // Observers are not owned: detach them before the Polar goes.
    if (m_polar) {
        for (polar::Observer* observer : m_observers) m_polar->removeObserver(*observer);
    }
}

bool LiveSession::reload(std::ostream& err) {
    LoadRecorder recorder;
    auto next = std::make_unique<polar::Polar>();
    bool ok = false;
    try {
        applyLimits(m_limits, *next);  // inline `?=` queries obey the limits too
        next->limits().cancel = m_cancel;
        next->addObserver(recorder);
        for (polar::Observer* observer : m_observers) next->addObserver(*observer);
        std::ostringstream messages;  // warnings and the error, printed in one piece
        ok = loadPolicies(*next, m_files, messages);
        err << messages.str() << std::flush;
    } catch (const polar::Error& error) {
        printError(err, error);
    } catch (const std::bad_alloc&) {
        printOutOfMemory(err, "reloading the policy");
    }
    next->removeObserver(recorder);
    if (!ok) {
        for (polar::Observer* observer : m_observers) next->removeObserver(*observer);
        ++m_counters.loadErrors;
        err << "polar: " << (m_polar ? "load failed; the previous policy keeps running"
                                     : "load failed; waiting for a policy that loads")
            << '\n' << std::flush;
        return false;
    }
    if (m_polar) {
        for (polar::Observer* observer : m_observers) m_polar->removeObserver(*observer);
        ++m_counters.reloads;
    }
    m_polar = std::move(next);
    err << "polar: " << (m_loadedOnce ? "reloaded" : "loaded") << ' ' << m_files.size()
        << (m_files.size() == 1 ? " file" : " files") << ", " << recorder.rules() << " rules, hash "
        << recorder.hashes() << '\n' << std::flush;
    m_loadedOnce = true;
    return true;
}

void LiveSession::setQueries(std::vector<std::string> queries) {
    m_queries = std::move(queries);
    m_lastErrors.assign(m_queries.size(), std::string());
}

void LiveSession::runPass(const PassStyle& style, std::ostream& out, std::ostream& err,
                          const std::function<bool()>& stop) {
    if (!m_polar || m_queries.empty()) return;  // --wait: the queries file is not there yet
    const std::uint64_t pass = ++m_counters.passes;
    std::uint64_t answers = 0;
    std::uint64_t errors = 0;
    for (std::size_t i = 0; i < m_queries.size() && !stop(); ++i) {
        std::string line = "#" + std::to_string(pass) + ' ' + m_queries[i] + ':';
        std::size_t found = 0;
        std::string error;
        try {
            polar::Query query = m_polar->query(m_queries[i]);
            while ((style.limit == 0 || found < style.limit) && !stop()) {
                std::optional<polar::Bindings> result = query.next();
                if (!result) break;
                line += found == 0 ? " " : " | ";
                line += formatPlain(*result);
                ++found;
            }
        } catch (const polar::Error& caught) {
            // Stopped by Ctrl-C (Limits::cancel): the pass ends, no error to report.
            if (caught.subkind() == "Cancelled" && stop()) break;
            error = caught.format();
            if (!caught.location()) error = "polar: " + error;
        } catch (const std::bad_alloc&) {
            error = "polar: error: out of memory while running the query";
        }
        answers += found;
        if (!error.empty()) {
            ++errors;
            line += found == 0 ? " error" : " | error";
            if (error != m_lastErrors[i]) {
                err << error << (error.back() == '\n' ? "" : "\n") << std::flush;
            }
        } else if (found == 0) {
            line += " false";
        }
        m_lastErrors[i] = error;
        if (!style.quiet) out << line << '\n';
    }
    m_counters.answers += answers;
    m_counters.queryErrors += errors;
    if (style.quiet) {
        out << '#' << pass << ": " << m_queries.size() << " queries, " << answers << " answers, "
            << errors << " errors\n";
    }
    out << std::flush;
}

} // namespace polar::cli
