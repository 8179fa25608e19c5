// Rule types: `type f(x: Integer);` declares the shapes rules named f may
// take. A rule matches a type when it has as many parameters and each
// parameter is at least as specific: the same class or a subclass (by the
// host class's MRO), a member of a union (`Actor`, `Resource`: the classes
// of resource blocks) or a subclass of one, a literal of that class, or a
// dictionary pattern where the type wants a Dictionary. Some generated rule
// types are *required*: some rule must implement them (resource_blocks.hpp).
// The checks and messages follow Oso's kb.rs.
#include <algorithm>
#include <optional>
#include <string>

#include "knowledge_base.hpp"
#include "resource_blocks.hpp"

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

// Oso treats these two names as unions wherever they appear, with or
// without resource blocks.
bool isUnion(const KnowledgeBase& kb, std::uint64_t cls) {
    const std::string& name = kb.symbols.text(cls);
    return name == "Actor" || name == "Resource";
}

// The classes a value of class `cls` belongs to, most specific first;
// nothing when `cls` names no registered class (the built-in ones count).
std::optional<std::vector<std::uint32_t>> mroOf(const KnowledgeBase& kb, std::uint64_t cls) {
    const auto& s = kb.sym;
    const auto c = static_cast<std::uint32_t>(cls);
    if (c == s.Integer || c == s.Float || c == s.String || c == s.Boolean || c == s.List || c == s.Dictionary)
        return std::vector<std::uint32_t>{c};
    auto it = kb.classBySymbol.find(c);
    if (it == kb.classBySymbol.end()) return std::nullopt;
    return kb.mro(*it->second);
}

bool sameAtom(const Cell& a, const Cell& b) {
    std::uint64_t x, y;
    return indexKey(a, x) && indexKey(b, y) && x == y;
}

// Oso's param_fields_match: every field of the type's pattern is in the
// rule's, with an equal value (atomic values are compared; others pass).
bool fieldsMatch(const KnowledgeBase& kb, const Cell& typeBlock, const Cell* ruleBlock) {
    const Cell th = kb.code[typeBlock.u];
    for (std::uint32_t f = 0; f < th.aux; ++f) {
        const Cell key = kb.code[typeBlock.u + 1 + 2 * f];
        const Cell want = kb.code[typeBlock.u + 2 + 2 * f];
        if (!ruleBlock) return false;
        const Cell rh = kb.code[ruleBlock->u];
        bool found = false;
        for (std::uint32_t g = 0; g < rh.aux && !found; ++g) {
            if (kb.code[ruleBlock->u + 1 + 2 * g].u != key.u) continue;
            found = true;
            if (want.isAtomic() && !sameAtom(want, kb.code[ruleBlock->u + 2 + 2 * g])) return false;
        }
        if (!found) return false;
    }
    return true;
}

// ValidationError::InvalidRuleType, at the type's name as in Oso (a
// type's text starts at its `type` keyword).
[[noreturn]] void invalidRuleType(const KnowledgeBase& kb, const Clause& type, const std::string& why) {
    std::uint32_t at = type.start;
    if (type.source != kNone) {
        const std::string& src = kb.sources[type.source].text;
        if (at < src.size() && src.compare(at, 4, "type") == 0) {
            at += 4;
            while (at < src.size() && (src[at] == ' ' || src[at] == '\t' || src[at] == '\r' || src[at] == '\n')) ++at;
        }
    }
    throw Error(ErrorKind::Validation, "InvalidRuleType", "Invalid rule type: " + kb.clauseText(type) + "\n\t" + why,
                kb.locate(SourcePos{type.source, at}));
}

bool isListCell(const Cell& c) { return c.tag == Tag::Cons || c.tag == Tag::Empty; }

// The elements of a compiled list; true when it ends in a *rest variable.
bool listElements(const KnowledgeBase& kb, Cell list, std::vector<Cell>& out) {
    while (list.tag == Tag::Cons) {
        out.push_back(kb.code[list.u]);
        list = kb.code[list.u + 1];
    }
    return list.tag != Tag::Empty;
}

bool sameValue(const KnowledgeBase& kb, const Cell& a, const Cell& b) {
    if (a.isAtomic() || b.isAtomic()) return sameAtom(a, b);
    if (isListCell(a) && isListCell(b)) {
        std::vector<Cell> x, y;
        if (listElements(kb, a, x) || listElements(kb, b, y) || x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!sameValue(kb, x[i], y[i])) return false;
        return true;
    }
    return a.tag == b.tag && a.u == b.u;
}

// Oso's check_value_param for two lists: a type's list may not end in a
// *rest variable (an error in the type, not a mismatch), and every element
// of the type's list must be somewhere in the rule's.
std::optional<std::string> listMismatch(const KnowledgeBase& kb, const Clause& type, const Cell& want,
                                        const Cell& got, std::uint32_t k) {
    std::vector<Cell> wanted, have;
    if (listElements(kb, want, wanted))
        invalidRuleType(kb, type, "Rule types cannot contain *rest variables.");
    listElements(kb, got, have);
    for (const Cell& w : wanted) {
        bool found = false;
        for (const Cell& h : have) found = found || sameValue(kb, w, h);
        if (!found) return "Invalid parameter " + std::to_string(k + 1) + ". Rule type expected list, got another list.";
    }
    return std::nullopt;
}

std::string className(const KnowledgeBase& kb, const Cell& pattern) { return kb.symbols.text(kb.code[pattern.u].u); }

// A rule parameter of class `cls` (a class pattern, or the class of a
// literal; `fields` its pattern's fields, if any) against the type's class
// pattern `type` — Oso's check_pattern_param for two instance patterns.
std::optional<std::string> classMismatch(const KnowledgeBase& kb, std::uint64_t cls, const Cell* fields,
                                         const Cell& type, std::uint32_t k) {
    const std::uint64_t wanted = kb.code[type.u].u;
    const std::string position = " on parameter " + std::to_string(k + 1);
    const std::string got = kb.symbols.text(cls), want = kb.symbols.text(wanted);
    const std::string fieldsDiffer = "Rule specializer " + got + "{...}" + position +
                                     " did not match rule type specializer " + want +
                                     "{...} because the specializer fields did not match.";
    if (cls == wanted) {
        if (!fieldsMatch(kb, type, fields)) return fieldsDiffer;
        return std::nullopt;
    }
    if (isUnion(kb, wanted)) {
        if (isUnion(kb, cls)) return "Rule specializer " + got + position + " does not match rule type specializer " + want;
        std::vector<std::uint32_t> members;
        if (auto u = kb.unionMembers.find(static_cast<std::uint32_t>(wanted)); u != kb.unionMembers.end())
            members = u->second;
        bool member = std::find(members.begin(), members.end(), cls) != members.end();
        if (!member) {
            const auto mro = mroOf(kb, cls);
            for (const std::uint32_t m : members)
                member = member || (mro && std::find(mro->begin(), mro->end(), m) != mro->end());
        }
        if (!member) {
            std::string why = "Rule specializer " + got + position + " must be a member of rule type specializer " + want;
            if (want == "Actor")
                why += "\n\n\tPerhaps you meant to add an actor block to the top of your policy, like this:\n\n\t  actor " +
                       got + " {}";
            else
                why += "\n\n\tPerhaps you meant to add a resource block to your policy, like this:\n\n\t  resource " +
                       got + " { .. }";
            return why;
        }
        if (!fieldsMatch(kb, type, fields)) return fieldsDiffer;
        return std::nullopt;
    }
    // Only now does Oso look the type's class up: a type naming an unknown
    // class fails a load only when some rule has to be compared with it.
    if (!kb.constants.count(static_cast<std::uint32_t>(wanted)))
        throw Error(ErrorKind::Validation, "UnregisteredClass", "Unregistered class: " + want);
    const auto mro = mroOf(kb, cls);
    if (!mro) return "Rule specializer " + got + position + " is not registered as a class.";
    if (std::find(mro->begin(), mro->end(), wanted) == mro->end())
        return "Rule specializer " + got + position + " must match rule type specializer " + want;
    if (!fieldsMatch(kb, type, fields)) return fieldsDiffer;
    return std::nullopt;
}

// The text of the k-th parameter in a rule's head, for messages: compiled
// code keeps slots, not variable names.
std::string paramText(const KnowledgeBase& kb, const Clause& rule, std::uint32_t k) {
    if (rule.source == kNone) return "_";
    const std::string& src = kb.sources[rule.source].text;
    std::size_t at = src.find('(', rule.start);
    if (at == std::string::npos || at >= rule.headEnd) return "_";
    int depth = 0;
    std::uint32_t index = 0;
    std::string current;
    bool inString = false;
    for (std::size_t i = at + 1; i < rule.headEnd && i < src.size(); ++i) {
        const char c = src[i];
        if (inString) {
            current += c;
            if (c == '\\' && i + 1 < src.size()) current += src[++i];
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        if (c == '(' || c == '[' || c == '{') ++depth;
        if ((c == ')' || c == ']' || c == '}') && depth-- == 0) break;
        if (c == ',' && depth == 0) {
            if (index++ == k) break;
            current.clear();
            continue;
        }
        current += c;
    }
    const auto first = current.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "_";
    current = current.substr(first);
    return current.substr(0, current.find_first_of(" \t\r\n:"));
}

std::string typeText(const KnowledgeBase& kb, const Clause& type) {
    return isGeneratedRuleType(type) ? generatedRuleTypeText(kb, type) : kb.clauseText(type);
}

// One parameter of a rule against the same parameter of a type (Oso's check_param).
std::optional<std::string> paramMismatch(const KnowledgeBase& kb, const Clause& rule, const Clause& type,
                                         std::uint32_t k) {
    const Cell ts = specOf(kb, type, k);
    const Cell tv = kb.code[type.params + k];
    const Cell rs = specOf(kb, rule, k);
    const Cell rv = kb.code[rule.params + k];
    const std::string position = " on parameter " + std::to_string(k + 1);
    const std::string invalid = "Invalid parameter " + std::to_string(k + 1) + ". ";
    if (ts.tag == Tag::InstancePattern) {
        const std::string wantedName = className(kb, ts);
        std::optional<std::string> why;
        if (rs.tag == Tag::InstancePattern) {
            why = classMismatch(kb, kb.code[rs.u].u, &rs, ts, k);
        } else if (rs.tag == Tag::DictPattern) {
            if (kb.code[ts.u].u != kb.sym.Dictionary)
                why = "Mismatch on parameter " + std::to_string(k + 1) +
                      ". Rule parameter {...} does not match rule type parameter " + wantedName;
            else if (!fieldsMatch(kb, ts, &rs))
                why = "Specializer mismatch on parameter " + std::to_string(k + 1) +
                      ". Rule specializer fields do not match rule type specializer fields.";
        } else if (rs.tag == Tag::Nil && rv.tag == Tag::TVar) {
            const std::string name = paramText(kb, rule, k);
            why = "Parameter `" + name + "` expects a " + wantedName + " type constraint.\n\n\t" + name + ": " +
                  wantedName;
        } else {
            // A literal, as the parameter or as its specializer: its class.
            const Cell literal = rs.tag != Tag::Nil ? rs : rv;
            if (auto cls = literalClass(kb, literal))
                why = classMismatch(kb, *cls, literal.tag == Tag::Dict ? &literal : nullptr, ts, k);
            else
                why = "Rule parameter" + position + " must match rule type specializer " + wantedName;
        }
        return why;
    } else if (ts.tag == Tag::DictPattern) {
        // An instance pattern's fields count as a dictionary's (Oso's check_pattern_param).
        const Cell fields = rs.tag == Tag::DictPattern || rs.tag == Tag::InstancePattern ? rs : rv;
        if (fields.tag == Tag::InstancePattern) {
            if (!fieldsMatch(kb, ts, &fields))
                return "Specializer mismatch on parameter " + std::to_string(k + 1) +
                       ". Rule specializer fields do not match rule type specializer fields.";
            return std::nullopt;
        }
        if (fields.tag != Tag::DictPattern && fields.tag != Tag::Dict)
            return invalid + "Rule type expected Dictionary, got another value.";
        if (!fieldsMatch(kb, ts, &fields))
            return invalid + "Rule type expected Dictionary with other fields.";
    } else if (ts.tag != Tag::Nil) {
        // A value as the type's specializer (`type f(x: 1)`): the rule's value must equal it.
        const Cell got = rs.tag != Tag::Nil ? rs : rv;
        if (isListCell(ts) && isListCell(got)) return listMismatch(kb, type, ts, got, k);
        if (ts.isAtomic() && !sameAtom(ts, got))
            return invalid + "Rule value does not equal rule type value.";
    } else if (tv.tag != Tag::TVar && tv.isAtomic()) {
        // A literal parameter in the type: the rule must have the same literal, unspecialized.
        if (rs.tag != Tag::Nil)
            return invalid + "Rule parameter " + paramText(kb, rule, k) + " does not match rule type parameter";
        if (!sameAtom(tv, rv)) return invalid + "Rule value != rule type value";
    } else if (tv.tag != Tag::TVar && isListCell(tv) && isListCell(rv) && rs.tag == Tag::Nil) {
        return listMismatch(kb, type, tv, rv, k);
    }
    return std::nullopt;
}

// Why a rule does not match a type, or nothing when it does. Every
// parameter is compared, as Oso does, so an unregistered class in a later
// parameter is an error even when an earlier one already failed to match.
std::optional<std::string> mismatch(const KnowledgeBase& kb, const Clause& rule, const Clause& type) {
    if (rule.arity != type.arity)
        return "Different number of parameters. Rule has " + std::to_string(rule.arity) +
               " parameter(s) but rule type has " + std::to_string(type.arity) + ".";
    std::optional<std::string> first;
    for (std::uint32_t k = 0; k < rule.arity; ++k) {
        auto why = paramMismatch(kb, rule, type, k);
        if (why && !first) first = std::move(why);
    }
    return first;
}

// Oso's "Missing implementation for required rule": every required type
// needs a rule, loaded now or before, that matches it.
void checkRequiredTypes(const KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    std::vector<std::uint32_t> required;
    for (const auto& [name, types] : kb.ruleTypes)
        for (const RuleType& t : types)
            if (isRequiredRuleType(kb, kb.clauses[t.clause])) required.push_back(t.clause);
    std::sort(required.begin(), required.end());  // creation order, not hash order
    for (const std::uint32_t id : required) {
        const Clause& type = kb.clauses[id];
        bool found = false;
        auto consider = [&](std::uint32_t ruleId) {
            const Clause& rule = kb.clauses[ruleId];
            found = found || (rule.name == type.name && !mismatch(kb, rule, type));
        };
        for (const std::uint32_t r : added) consider(r);
        if (const Predicate* p = const_cast<KnowledgeBase&>(kb).predicateFor(type.name))
            for (const std::uint32_t r : p->clauses) consider(r);
        if (found) continue;
        std::optional<SourceLocation> where;
        if (kb.symbols.text(type.name) == "has_relation") where = kb.locate(SourcePos{type.source, type.start});
        throw Error(ErrorKind::Validation, "MissingRequiredRule",
                    "Missing implementation for required rule " + generatedRuleTypeText(kb, type), where);
    }
}

} // namespace

// A lookup in a type's head would be hoisted into a body, and a type has none.
void checkRuleTypeHead(const KnowledgeBase& kb, const Clause& type) {
    if (kb.code[type.body].aux != 0) invalidRuleType(kb, type, "Rule types cannot contain dot lookups.");
}

void validateRuleTypes(KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    for (const std::uint32_t id : added) {
        const Clause& rule = kb.clauses[id];
        auto it = kb.ruleTypes.find(rule.name);
        if (it == kb.ruleTypes.end() || it->second.empty()) continue;
        // Every type is compared before deciding, as Oso does: an error
        // (an unregistered class) wins over a match with another type.
        std::string reasons;
        bool matched = false;
        for (const RuleType& t : it->second) {
            const Clause& type = kb.clauses[t.clause];
            if (auto why = mismatch(kb, rule, type))
                reasons += "\n" + typeText(kb, type) + "\n\tFailed to match because: " + *why + "\n";
            else
                matched = true;
        }
        if (!matched)
            throw Error(ErrorKind::Validation, "InvalidRule",
                        "Invalid rule: " + kb.clauseText(rule) +
                            " Must match one of the following rule types:\n" + reasons,
                        kb.locate(SourcePos{rule.source, rule.start}));
    }
    checkRequiredTypes(kb, added);
}

void warnUnknownSpecializers(KnowledgeBase& kb, const std::vector<std::uint32_t>& added) {
    for (const std::uint32_t id : added) {
        const Clause& rule = kb.clauses[id];
        if (rule.specs == kNone) continue;
        for (std::uint32_t k = 0; k < rule.arity; ++k) {
            const Cell spec = kb.code[rule.specs + k];
            if (spec.tag != Tag::InstancePattern) continue;
            const std::uint64_t cls = kb.code[spec.u].u;
            if (isUnion(kb, cls)) continue;  // Actor and Resource always exist
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
