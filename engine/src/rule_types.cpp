// Rule types: `type f(x: Integer);` declares the shapes rules named f may
// take. A rule matches a type when it has as many parameters and each
// parameter is at least as specific: the same class (or, with host classes,
// a subclass), a literal of that class, or a dictionary pattern where the
// type wants a Dictionary. Messages follow Oso's.
#include <optional>
#include <string>

#include "knowledge_base.hpp"

namespace polar::detail {
namespace {

std::optional<std::uint32_t> literalClass(const KnowledgeBase& kb, const Cell& value) {
    switch (value.tag) {
    case Tag::Int: return kb.sym.Integer;
    case Tag::Float: return kb.sym.Float;
    case Tag::Str: return kb.sym.String;
    case Tag::Bool: return kb.sym.Boolean;
    case Tag::Cons:
    case Tag::Empty: return kb.sym.List;
    case Tag::Dict: return kb.sym.Dictionary;
    default: return std::nullopt;
    }
}

Cell specOf(const KnowledgeBase& kb, const Clause& c, std::uint32_t k) {
    return c.specs == kNone ? Cell::makeNil() : kb.code[c.specs + k];
}

std::optional<std::string> mismatch(const KnowledgeBase& kb, const Clause& rule, const Clause& type) {
    if (rule.arity != type.arity)
        return "Different number of parameters. Rule has " + std::to_string(rule.arity) +
               " parameter(s) but rule type has " + std::to_string(type.arity) + ".";
    for (std::uint32_t k = 0; k < rule.arity; ++k) {
        const Cell ts = specOf(kb, type, k);
        const Cell rs = specOf(kb, rule, k);
        const Cell rv = kb.code[rule.params + k];
        const std::string position = " on parameter " + std::to_string(k + 1);
        if (ts.tag == Tag::InstancePattern) {
            const std::uint64_t wanted = kb.code[ts.u].u;
            const std::string wantedName = kb.symbols.text(wanted);
            if (rs.tag == Tag::InstancePattern) {
                const std::uint64_t got = kb.code[rs.u].u;
                if (got != wanted)
                    return "Rule specializer " + kb.symbols.text(got) + position +
                           " must match rule type specializer " + wantedName;
            } else if (rs.tag == Tag::DictPattern) {
                if (wanted != kb.sym.Dictionary)
                    return "Rule specializer {...}" + position + " must match rule type specializer " + wantedName;
            } else if (rs.tag != Tag::Nil && literalClass(kb, rs)) {
                if (*literalClass(kb, rs) != wanted)
                    return "Rule specializer " + kb.symbols.text(*literalClass(kb, rs)) + position +
                           " must match rule type specializer " + wantedName;
            } else if (auto cls = literalClass(kb, rv)) {
                if (*cls != wanted)
                    return "Rule specializer " + kb.symbols.text(*cls) + position +
                           " must match rule type specializer " + wantedName;
            } else {
                return "Rule parameter" + position + " must match rule type specializer " + wantedName;
            }
        } else if (ts.tag == Tag::DictPattern) {
            const Cell fields = rs.tag == Tag::DictPattern ? rs : rv;
            if (fields.tag != Tag::DictPattern && fields.tag != Tag::Dict)
                return "Rule parameter" + position + " must match a dictionary pattern";
            // Every field of the type must be there, with the same value where the type gives one.
            const Cell th = kb.code[ts.u], fh = kb.code[fields.u];
            for (std::uint32_t f = 0; f < th.aux; ++f) {
                const Cell key = kb.code[ts.u + 1 + 2 * f];
                const Cell want = kb.code[ts.u + 2 + 2 * f];
                bool found = false;
                for (std::uint32_t g = 0; g < fh.aux && !found; ++g) {
                    if (kb.code[fields.u + 1 + 2 * g].u != key.u) continue;
                    found = true;
                    const Cell got = kb.code[fields.u + 2 + 2 * g];
                    std::uint64_t a, b;
                    if (want.isAtomic() && !(indexKey(want, a) && indexKey(got, b) && a == b))
                        return "Invalid parameter " + std::to_string(k + 1) +
                               ". Rule type expected Dictionary with field " + kb.symbols.text(key.u);
                }
                if (!found)
                    return "Invalid parameter " + std::to_string(k + 1) + ". Rule type expected field " +
                           kb.symbols.text(key.u);
            }
        } else if (kb.code[type.params + k].isAtomic()) {
            const Cell tv = kb.code[type.params + k];
            std::uint64_t a, b;
            if (rv.tag != Tag::TVar && !(indexKey(tv, a) && indexKey(rv, b) && a == b))
                return "Rule value" + position + " must match rule type value";
        }
    }
    return std::nullopt;
}

} // namespace

void validateRuleTypes(KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    // A rule type may only name classes that exist.
    for (const auto& [name, types] : kb.ruleTypes) {
        for (const RuleType& t : types) {
            const Clause& type = kb.clauses[t.clause];
            for (std::uint32_t k = 0; type.specs != kNone && k < type.arity; ++k) {
                const Cell spec = kb.code[type.specs + k];
                if (spec.tag != Tag::InstancePattern) continue;
                const auto cls = static_cast<std::uint32_t>(kb.code[spec.u].u);
                auto it = kb.constants.find(cls);
                if (it == kb.constants.end() || it->second.tag != Tag::Class)
                    throw Error(ErrorKind::Validation, "UnregisteredClass",
                                "Unregistered class: " + kb.symbols.text(cls));
            }
        }
    }
    for (const std::uint32_t id : added) {
        const Clause& rule = kb.clauses[id];
        auto it = kb.ruleTypes.find(rule.name);
        if (it == kb.ruleTypes.end() || it->second.empty()) continue;
        std::string reasons;
        bool matched = false;
        for (const RuleType& t : it->second) {
            const Clause& type = kb.clauses[t.clause];
            auto why = mismatch(kb, rule, type);
            if (!why) {
                matched = true;
                break;
            }
            reasons += "\n" + kb.clauseText(type) + "\n\tFailed to match because: " + *why + "\n";
        }
        if (!matched)
            throw Error(ErrorKind::Validation, "InvalidRule",
                        "Invalid rule: " + kb.clauseText(rule) +
                            " Must match one of the following rule types:\n" + reasons,
                        kb.locate(SourcePos{rule.source, rule.start}));
    }
}

void warnUnknownSpecializers(KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    for (const std::uint32_t id : added) {
        const Clause& rule = kb.clauses[id];
        if (rule.specs == kNone) continue;
        for (std::uint32_t k = 0; k < rule.arity; ++k) {
            const Cell spec = kb.code[rule.specs + k];
            if (spec.tag != Tag::InstancePattern) continue;
            const std::uint64_t cls = kb.code[spec.u].u;
            auto known = kb.constants.find(static_cast<std::uint32_t>(cls));
            if (known != kb.constants.end() && known->second.tag == Tag::Class) continue;
            Warning w;
            w.kind = "UnknownSpecializer";
            w.message = "Unknown specializer " + kb.symbols.text(cls);
            auto pos = kb.positions.find(static_cast<std::uint32_t>(spec.u));
            if (pos != kb.positions.end()) w.location = kb.locate(pos->second);
            else w.location = kb.locate(SourcePos{rule.source, rule.start});
            kb.warnings.push_back(std::move(w));
        }
    }
}

namespace {

// The first call, in a rule body, of a name no rule defines.
std::optional<std::uint32_t> undefinedCall(const KnowledgeBase& kb, const Cell& goal) {
    if (goal.tag == Tag::Call) {
        const auto name = static_cast<std::uint32_t>(kb.code[goal.u].u);
        if (name >= kb.predicateOf.size() || kb.predicateOf[name] < 0) return static_cast<std::uint32_t>(goal.u);
        return std::nullopt;
    }
    if (goal.tag != Tag::Op) return std::nullopt;
    const Cell h = kb.code[goal.u];
    const auto op = static_cast<Operator>(h.u);
    if (op != Operator::And && op != Operator::Or && op != Operator::Not && op != Operator::ForAll)
        return std::nullopt;
    for (std::uint32_t k = 0; k < h.aux; ++k)
        if (auto found = undefinedCall(kb, kb.code[goal.u + 1 + k])) return found;
    return std::nullopt;
}

} // namespace

void validateCalls(KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    for (const std::uint32_t id : added) {
        const Clause& rule = kb.clauses[id];
        const Cell body = kb.code[rule.body];
        for (std::uint32_t k = 0; k < body.aux; ++k) {
            if (auto header = undefinedCall(kb, kb.code[rule.body + 1 + k])) {
                const auto name = static_cast<std::uint32_t>(kb.code[*header].u);
                std::optional<SourceLocation> where = kb.locateCode(*header);
                throw Error(ErrorKind::Validation, "UndefinedRuleCall",
                            "Call to undefined rule: " + kb.symbols.text(name) + "()", where);
            }
        }
    }
}

} // namespace polar::detail
