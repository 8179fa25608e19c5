#include "polar/tracer.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <ostream>
#include <string_view>

#include "polar/error.hpp"

namespace polar {

Tracer::Tracer(std::ostream& out, std::string prefix) : m_out(out), m_prefix(std::move(prefix)) {}

void Tracer::line(int indent, const std::string& text) {
    m_out << m_prefix << std::string(static_cast<std::size_t>(indent), ' ') << text << '\n';
}

namespace {
// Operators a query's outermost term can be (QueryBeginEvent::predicate);
// anything else that reads as a name is a rule call.
bool isRuleCall(std::string_view predicate) {
    static constexpr std::string_view kWords[] = {"and", "or", "not", "in", "matches", "forall",
                                                 "cut", "print", "debug", "new", "isa"};
    if (predicate.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(predicate.front());
    if (!(std::isalpha(first) || first == '_')) return false;
    return std::find(std::begin(kWords), std::end(kWords), predicate) == std::end(kWords);
}
} // namespace

// Oso's trace indents by the depth of its trace stack: a query that is one
// rule call starts at 2; any other query (`f(x) and g(x)`, `a or b`) puts
// its operator on the stack first, so its calls start at 4.
void Tracer::onQueryBegin(const QueryBeginEvent& e) { m_base = isRuleCall(e.predicate) ? 0 : 2; }

// Oso indents a call at depth d by 2 + 4d: the rule body it enters sits two
// further in, and the bodies' calls two more.
void Tracer::onRuleCall(const RuleCallEvent& e) {
    const int indent = m_base + 2 + 4 * e.depth;
    line(indent, "QUERY RULE: " + e.detail->goalText());
    const auto rules = e.detail->applicableRules();
    if (rules.empty()) {
        line(indent + 2, "No matching rules found");
        return;
    }
    line(indent + 2, "APPLICABLE_RULES:");
    for (const auto& rule : rules) line(indent + 4, rule);
}

void Tracer::onRuleEnter(const RuleEnterEvent& e) {
    line(m_base + 4 * e.depth, "RULE: " + e.detail->ruleText());
}

void Tracer::onResult(const ResultEvent& e) {
    const auto bindings = e.detail->bindings();
    if (bindings.empty()) {
        line(2, "RESULT: SUCCESS");
        return;
    }
    line(2, "RESULT: {");
    for (const auto& [name, value] : bindings) line(4, name + ": " + value);
    line(2, "}");
}

void Tracer::onError(const ErrorEvent& e) { line(2, "ERROR: " + e.error.message()); }

} // namespace polar
