// cli/repl_session.hpp — the state behind `polar repl` and its `:` commands.
//
//   :load FILE          load one more file (added to the running policy)
//   :reload             reload every file loaded so far into a fresh policy;
//                       on error the old policy stays, as in `polar live`
//   :limits             show the limits; `:limits timeout 5s`, `:limits
//                       max-depth N`, `max-steps N`, `max-memory SIZE` set one
//   :osc HOST:PORT      broadcast every later query to one more destination;
//                       `:osc off` stops all; `:osc` lists them
//   :help               this list
//
// The session borrows the caller's Polar and replaces its contents on a
// good :reload (Polar is movable), so whoever holds it sees the new policy.
// Broadcasters are owned here, attached to each Polar before its files load
// (the engine's load events reach OSC), and detached before they go.
// Limits are kept as the command line spelled them, so a :reload applies the
// same ones to the new policy.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "limit_options.hpp"
#include "osc_options.hpp"
#include "polar/polar.hpp"

namespace polar::osc {
class OscBroadcaster;
} // namespace polar::osc

namespace polar::cli {

class ReplSession {
public:
    // Throws polar::Error for a bad --osc destination or limit.
    ReplSession(polar::Polar& polar, OscCliOptions osc, LimitCliOptions limits);
    ~ReplSession();
    ReplSession(const ReplSession&) = delete;
    ReplSession& operator=(const ReplSession&) = delete;

    polar::Polar& polar() { return m_polar; }
    // Loads files (errors reported, the session goes on); remembers the
    // ones that loaded for :reload.
    void load(const std::vector<std::string>& files, std::ostream& err);
    // A line that starts with ':'. Output to `out`, problems to `err`.
    void command(std::string_view line, std::ostream& out, std::ostream& err);
    // At the end: flush OSC and say what was lost (reportOscLosses).
    void finish(std::ostream& err);

private:
    void reload(std::ostream& out, std::ostream& err);
    void limits(std::string_view args, std::ostream& out, std::ostream& err);
    void osc(std::string_view args, std::ostream& out, std::ostream& err);
    void attach(polar::Polar& polar);
    void detach(polar::Polar& polar);

    polar::Polar& m_polar;
    OscCliOptions m_osc;
    LimitCliOptions m_limits;
    std::vector<std::string> m_files;
    std::vector<std::unique_ptr<polar::osc::OscBroadcaster>> m_broadcasters;
};

} // namespace polar::cli
