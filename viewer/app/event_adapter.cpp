#include "event_adapter.hpp"

namespace polar::viewer {

SceneEvent toSceneEvent(const osc::PolarEvent& e) {
    SceneEvent out;
    out.queryId = e.queryId;
    out.depth = e.depth;
    out.alternatives = e.alternatives;
    out.text = e.name;
    out.file = e.file;
    out.rules = e.rules;
    out.line = e.line;
    out.column = e.column;
    out.message = e.message;
    // Unused fields are zero or empty on both sides, so copying all of them
    // is right for every kind.
    out.arity = e.arity;
    out.applicable = e.applicable;
    out.call = e.call;
    out.alternative = e.alternative;
    out.ordinal = e.ordinal;
    out.values = e.values;
    switch (e.kind) {
    case osc::EventKind::Hello: out.kind = EventKind::Hello; break;
    case osc::EventKind::QueryBegin: out.kind = EventKind::QueryBegin; break;
    case osc::EventKind::QueryEnd: out.kind = EventKind::QueryEnd; break;
    case osc::EventKind::Rule: out.kind = EventKind::Rule; break;
    case osc::EventKind::Depth: out.kind = EventKind::Depth; break;
    case osc::EventKind::Branch: out.kind = EventKind::Branch; break;
    case osc::EventKind::Backtrack: out.kind = EventKind::Backtrack; break;
    case osc::EventKind::Result: out.kind = EventKind::Result; break;
    case osc::EventKind::Error: out.kind = EventKind::Error; break;
    case osc::EventKind::Stats: out.kind = EventKind::Stats; break;
    case osc::EventKind::PolicyLoaded: out.kind = EventKind::PolicyLoaded; break;
    case osc::EventKind::PolicyError: out.kind = EventKind::PolicyError; break;
    case osc::EventKind::RuleEnter: out.kind = EventKind::RuleEnter; break;
    }
    return out;
}

} // namespace polar::viewer
