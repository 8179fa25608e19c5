// trace_reader.cpp — reading a POLAR_LOG trace back as events (see the header).
#include "polar/viewer/trace_reader.hpp"

#include <algorithm>
#include <limits>

namespace polar::viewer {

namespace {

constexpr std::size_t kMaxLine = 64 * 1024;

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// `[oso][info]   RULE: …` → tags "[oso][info]", indent 3, content "RULE: …".
// False for a line that has no tag, or whose last tag is `trace`.
bool splitTraceLine(std::string_view text, int& indent, std::string_view& content) {
    std::size_t at = 0;
    std::string_view lastTag;
    while (at < text.size() && text[at] == '[') {
        const std::size_t close = text.find(']', at);
        if (close == std::string_view::npos) return false;
        lastTag = text.substr(at + 1, close - at - 1);
        at = close + 1;
    }
    if (lastTag.empty() || lastTag == "trace") return false;
    const std::size_t start = text.find_first_not_of(' ', at);
    if (start == std::string_view::npos) return false;
    indent = static_cast<int>(start - at);
    content = text.substr(start);
    while (!content.empty() && (content.back() == '\r' || content.back() == ' ')) content.remove_suffix(1);
    return true;
}

// The rule name of a goal or head: `has_role(user: User, …)` → `has_role`.
std::string nameOf(std::string_view goal) {
    const std::size_t paren = goal.find('(');
    return std::string(goal.substr(0, paren == std::string_view::npos ? goal.size() : paren));
}

// `f(x) at line 1, column 7 of file p.polar` → `f(x)`.
std::string headOf(std::string_view item) {
    const std::size_t at = item.rfind(" at line ");
    return std::string(item.substr(0, at == std::string_view::npos ? item.size() : at));
}

} // namespace

void TraceReader::line(std::string_view text, std::vector<SceneEvent>& out) {
    ++m_counters.lines;
    if (text.size() > kMaxLine) text = text.substr(0, kMaxLine);
    int indent = 0;
    std::string_view content;
    if (!splitTraceLine(text, indent, content)) {
        ++m_counters.skipped;
        return;
    }
    ++m_counters.traceLines;
    if (m_inResult) {
        if (content == "}") {
            endResult(out);
        } else {
            m_bindings += m_bindings.size() > 1 ? ", " : "";
            m_bindings += content;
        }
        return;
    }
    // The applicable rules sit two in from their header, one a line.
    if (m_applicableIndent >= 0 && indent == m_applicableIndent + 2 && m_pending &&
        !startsWith(content, "RULE: ") && !startsWith(content, "QUERY RULE: ")) {
        m_calls.back().heads.push_back(headOf(content));
        return;
    }
    m_applicableIndent = -1;
    if (m_pending && m_calls.back().heads.empty() && !startsWith(content, "QUERY RULE: ") &&
        !startsWith(content, "RULE: ") && !startsWith(content, "RESULT: ") && !startsWith(content, "ERROR: ") &&
        content != "APPLICABLE_RULES:" && content != "No matching rules found") {
        // Oso prints a host object over several lines (`User {`, `name: …`,
        // `} TYPE \`User\``): the goal goes on until its rules are listed.
        std::string& goal = m_calls.back().goal;
        if (goal.size() < kMaxLine) goal.append(" ").append(content);
        return;
    }
    if (content == "APPLICABLE_RULES:" && m_pending) {
        m_applicableIndent = indent;
        return;
    }
    if (content == "No matching rules found" && m_pending) {
        flushCall(out);
        return;
    }
    flushCall(out);
    if (startsWith(content, "QUERY RULE: ")) {
        std::string_view goal = content.substr(12);
        const std::size_t bindings = goal.rfind(", BINDINGS: {");
        if (bindings != std::string_view::npos) goal = goal.substr(0, bindings);
        queryRule(indent, goal, out);
    } else if (startsWith(content, "RULE: ")) {
        rule(indent, content.substr(6), out);
    } else if (content == "RESULT: {") {
        m_inResult = true;
        m_bindings = "{";
    } else if (content == "RESULT: SUCCESS" || content == "RESULT: {}") {
        m_bindings = "{";
        endResult(out);
    } else if (startsWith(content, "ERROR: ")) {
        SceneEvent e = makeSceneEvent(EventKind::Error, m_queryId);
        e.text = std::string(content.substr(7));
        out.push_back(std::move(e));
    } else {
        ++m_counters.skipped;
        --m_counters.traceLines;
    }
}

void TraceReader::queryRule(int indent, std::string_view goal, std::vector<SceneEvent>& out) {
    // The body this call runs in: the newest open RULE line further out.
    const Body* body = nullptr;
    for (auto it = m_bodies.rbegin(); it != m_bodies.rend(); ++it)
        if (it->indent < indent) {
            body = &*it;
            break;
        }
    const int level = indent / 2;
    if (!body && (!m_queryOpen || m_queryLevel <= 1 || level < m_queryLevel)) {
        endQuery(out);
        m_queryOpen = true;
        m_queryLevel = level;
        SceneEvent begin = makeSceneEvent(EventKind::QueryBegin, ++m_queryId);
        // A compound query's operator is not in the trace: it is named
        // after its first call.
        begin.text = level <= 1 ? nameOf(goal) : nameOf(goal) + " …";
        out.push_back(std::move(begin));
    }
    m_calls.push_back(Call{++m_serial, indent, ++m_callCount, body ? body->depth : 0, nameOf(goal),
                           std::string(goal), {}, 0});
    m_pending = true;
}

// The call's Rule event, once its applicable rules are known.
void TraceReader::flushCall(std::vector<SceneEvent>& out) {
    if (!m_pending) return;
    m_pending = false;
    m_applicableIndent = -1;
    Call& c = m_calls.back();
    SceneEvent e = makeSceneEvent(EventKind::Rule, m_queryId, c.depth);
    e.text = c.name;
    e.applicable = static_cast<int>(c.heads.size());
    e.values = std::move(c.goal);
    out.push_back(std::move(e));
}

TraceReader::Call* TraceReader::callFor(int indent, std::string_view text) {
    Call* open = nullptr;
    for (auto it = m_calls.rbegin(); it != m_calls.rend(); ++it) {
        if (it->indent != indent - 2 || it->next >= static_cast<int>(it->heads.size())) continue;
        if (startsWith(text, it->heads[static_cast<std::size_t>(it->next)])) return &*it;
        if (!open) open = &*it;
    }
    if (open) return open;
    for (auto it = m_calls.rbegin(); it != m_calls.rend(); ++it)
        if (it->indent < indent && it->next < static_cast<int>(it->heads.size())) return &*it;
    return nullptr;
}

void TraceReader::rule(int indent, std::string_view text, std::vector<SceneEvent>& out) {
    Call* c = callFor(indent, text);
    SceneEvent e = makeSceneEvent(EventKind::RuleEnter, m_queryId);
    e.values = std::string(text);
    if (!c) {
        ++m_counters.orphans;
        e.text = nameOf(text);
        e.depth = 1;
        out.push_back(std::move(e));
        return;
    }
    // Backtracking undid what opened after the call.
    const std::uint64_t serial = c->serial;
    std::erase_if(m_bodies, [&](const Body& b) { return b.serial > serial; });
    m_calls.erase(std::remove_if(m_calls.begin(), m_calls.end(), [&](const Call& k) { return k.serial > serial; }),
                  m_calls.end());
    Call& call = *std::find_if(m_calls.begin(), m_calls.end(), [&](const Call& k) { return k.serial == serial; });
    e.text = call.name;
    e.depth = call.depth + 1;
    e.call = call.ordinal;
    e.alternative = call.next++;
    e.alternatives = static_cast<int>(call.heads.size());
    m_bodies.push_back(Body{++m_serial, indent, e.depth});
    out.push_back(std::move(e));
}

void TraceReader::endResult(std::vector<SceneEvent>& out) {
    m_inResult = false;
    SceneEvent e = makeSceneEvent(EventKind::Result, m_queryId);
    e.ordinal = ++m_results;
    e.values = m_bindings + "}";
    m_bindings.clear();
    out.push_back(std::move(e));
}

void TraceReader::endQuery(std::vector<SceneEvent>& out) {
    if (!m_queryOpen) return;
    SceneEvent e = makeSceneEvent(EventKind::QueryEnd, m_queryId);
    e.ordinal = m_results;
    out.push_back(std::move(e));
    m_queryOpen = false;
    m_calls.clear();
    m_bodies.clear();
    m_callCount = 0;
    m_results = 0;
}

void TraceReader::finish(std::vector<SceneEvent>& out) {
    flushCall(out);
    if (m_inResult) endResult(out);
    endQuery(out);
}

bool readTraceLine(std::istream& in, std::string& line) {
    // getline into a fixed buffer: a hostile file's gigabyte line costs
    // 64 KiB, its rest is skipped.
    line.resize(kMaxLine + 1);
    in.getline(line.data(), static_cast<std::streamsize>(line.size()));
    const auto got = in.gcount();
    if (in.fail() && !in.eof() && got > 0) {  // too long: keep the start, skip the rest
        in.clear();
        in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
        line.resize(std::char_traits<char>::length(line.data()));
        return true;
    }
    if (got == 0 && !in.good()) {
        line.clear();
        return false;
    }
    line.resize(std::char_traits<char>::length(line.data()));
    return true;
}

std::vector<SceneEvent> readTrace(std::istream& in, TraceCounters* counters) {
    TraceReader reader;
    std::vector<SceneEvent> events;
    std::string line;
    while (readTraceLine(in, line)) reader.line(line, events);
    reader.finish(events);
    if (counters) *counters = reader.counters();
    return events;
}

} // namespace polar::viewer
