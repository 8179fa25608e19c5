// polar/tracer.hpp — a readable trace of a query, in the layout of Oso's
// POLAR_LOG output, built on the Observer hooks (no prints in the solver).
//
//   [polar][info]   QUERY RULE: g(x)
//   [polar][info]     APPLICABLE_RULES:
//   [polar][info]       g(x) at line 1, column 22
//   [polar][info]     RULE: g(x) if f(x) and x > 1;
//   [polar][info]       QUERY RULE: f(_12)
//   ...
//   [polar][info]   RESULT: {
//   [polar][info]     x: 2
//   [polar][info]   }
//
// Each rule-call level indents by four spaces, as Oso's does; a query that
// is not a single rule call (a conjunction) starts two further in, a call
// no rule applies to says "No matching rules found" and a result with no
// bindings "RESULT: SUCCESS", as Oso's do. Setting the
// environment variable POLAR_LOG=1 attaches a Tracer writing to stderr to
// every polar::Polar created afterwards.
#pragma once

#include <iosfwd>
#include <string>

#include "polar/observer.hpp"

namespace polar {

class Tracer : public Observer {
public:
    explicit Tracer(std::ostream& out, std::string prefix = "[polar][info]");

    void onQueryBegin(const QueryBeginEvent& e) override;
    void onRuleCall(const RuleCallEvent& e) override;
    void onRuleEnter(const RuleEnterEvent& e) override;
    void onResult(const ResultEvent& e) override;
    void onError(const ErrorEvent& e) override;

private:
    void line(int indent, const std::string& text);

    std::ostream& m_out;
    std::string m_prefix;
    int m_base = 0;  // 2 when the query is not a single rule call (onQueryBegin)
};

} // namespace polar
