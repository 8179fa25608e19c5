#include "polar/tracer.hpp"

#include <ostream>

#include "polar/error.hpp"

namespace polar {

Tracer::Tracer(std::ostream& out, std::string prefix) : m_out(out), m_prefix(std::move(prefix)) {}

void Tracer::line(int indent, const std::string& text) {
    m_out << m_prefix << std::string(static_cast<std::size_t>(indent), ' ') << text << '\n';
}

// Oso indents a call at depth d by 2 + 4d: the rule body it enters sits two
// further in, and the bodies' calls two more.
void Tracer::onRuleCall(const RuleCallEvent& e) {
    const int indent = 2 + 4 * e.depth;
    line(indent, "QUERY RULE: " + e.detail->goalText());
    line(indent + 2, "APPLICABLE_RULES:");
    for (const auto& rule : e.detail->applicableRules()) line(indent + 4, rule);
}

void Tracer::onRuleEnter(const RuleEnterEvent& e) {
    line(4 * e.depth, "RULE: " + e.detail->ruleText());
}

void Tracer::onResult(const ResultEvent& e) {
    const auto bindings = e.detail->bindings();
    if (bindings.empty()) {
        line(2, "RESULT: {}");
        return;
    }
    line(2, "RESULT: {");
    for (const auto& [name, value] : bindings) line(4, name + ": " + value);
    line(2, "}");
}

void Tracer::onError(const ErrorEvent& e) { line(2, "ERROR: " + e.error.message()); }

} // namespace polar
