// catch_viewer_event_adapter.cpp — toSceneEvent, the one place that knows
// both the receiver's PolarEvent and the scene's SceneEvent: a 1.3 rule
// entry keeps its call ordinal, alternative and source text, and the
// Rule and Result fields the search tree needs are no longer dropped.
#include <catch2/catch.hpp>

#include "event_adapter.hpp"

using polar::osc::PolarEvent;
using polar::viewer::EventKind;
using polar::viewer::toSceneEvent;

TEST_CASE("toSceneEvent: a rule entry names its call", "[viewer][adapter]") {
    PolarEvent e;
    e.kind = polar::osc::EventKind::RuleEnter;
    e.name = "has_role";
    e.depth = 3;
    e.alternative = 1;
    e.alternatives = 2;
    e.call = 7;
    e.queryId = 4;
    e.values = "has_role(u, r) if u.role = r;";
    const auto s = toSceneEvent(e);
    CHECK(s.kind == EventKind::RuleEnter);
    CHECK(s.text == "has_role");
    CHECK(s.depth == 3);
    CHECK(s.alternative == 1);
    CHECK(s.alternatives == 2);
    CHECK(s.call == 7);
    CHECK(s.queryId == 4);
    CHECK(s.values == "has_role(u, r) if u.role = r;");
}

TEST_CASE("toSceneEvent: Rule and Result keep arity, applicable, ordinal, values", "[viewer][adapter]") {
    PolarEvent rule;
    rule.kind = polar::osc::EventKind::Rule;
    rule.name = "f";
    rule.arity = 2;
    rule.applicable = 3;
    rule.values = "f(1, _2)";
    const auto r = toSceneEvent(rule);
    CHECK(r.kind == EventKind::Rule);
    CHECK(r.arity == 2);
    CHECK(r.applicable == 3);
    CHECK(r.values == "f(1, _2)");

    PolarEvent result;
    result.kind = polar::osc::EventKind::Result;
    result.ordinal = 5;
    result.values = "{x: 2}";
    const auto s = toSceneEvent(result);
    CHECK(s.kind == EventKind::Result);
    CHECK(s.ordinal == 5);
    CHECK(s.values == "{x: 2}");
}
