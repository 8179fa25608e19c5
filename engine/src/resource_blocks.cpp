// Resource blocks: validation and expansion (see resource_blocks.hpp).
//
// Three passes over the blocks of a load, in the order Oso reports errors:
//   1. each block on its own: its keyword, its declarations, its class
//      registered, no string declared twice (a block opened again merges
//      into the first, as in Oso);
//   2. the classes named by relations registered, then every shorthand line
//      turned into a rule (undeclared terms, the `on` keyword, related blocks);
//   3. the rule types, and the union membership the rules depend on.
#include "resource_blocks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace polar::detail {
namespace {

constexpr const char* kActor = "Actor";
constexpr const char* kResource = "Resource";

enum class DeclKind { Role, Permission, Relation };

const char* kindName(DeclKind k) {
    switch (k) {
    case DeclKind::Role: return "role";
    case DeclKind::Permission: return "permission";
    default: return "relation";
    }
}

// Oso's `Debug` spelling, which one of its messages shows.
const char* kindDebugName(DeclKind k) {
    switch (k) {
    case DeclKind::Role: return "Role";
    case DeclKind::Permission: return "Permission";
    default: return "Relation";
    }
}

const char* ruleNameFor(DeclKind k) {
    switch (k) {
    case DeclKind::Role: return "has_role";
    case DeclKind::Permission: return "has_permission";
    default: return "has_relation";
    }
}

struct Declaration {
    DeclKind kind = DeclKind::Role;
    std::string relatedClass;     // relations: the class of the other end
    std::uint32_t classAt = 0;    // relations: offset of that class name
    std::uint32_t at = 0;         // offset of the declaring term (string, or class for relations)
};

struct Block {
    std::string name;
    std::map<std::string, Declaration> declarations;
    std::vector<std::string> relations;  // relation names, declaration order
    std::vector<const ResourceProduction*> shorthands;
    bool hasRoles = false;
};

std::string quoted(const std::string& s) { return Value(s).toPolar(); }

class Expander {
public:
    Expander(KnowledgeBase& kb, std::uint32_t source) : m_kb(kb), m_source(source) {}

    ExpandedBlocks run(const std::vector<ResourceBlockAst>& asts);

private:
    [[noreturn]] void fail(const char* subkind, const std::string& message, std::uint32_t at) {
        throw Error(ErrorKind::Validation, subkind, message, m_kb.sources[m_source].locate(at));
    }
    [[noreturn]] void blockError(const std::string& message, std::uint32_t at) {
        fail("ResourceBlock", message, at);
    }
    [[noreturn]] void duplicate(const std::string& block, const std::string& term, const Declaration& existing,
                                const Declaration& added) {
        fail("DuplicateResourceBlockDeclaration",
             std::string("Cannot overwrite existing ") + kindName(existing.kind) + " declaration " + quoted(term) +
                 " in resource " + block + " with " + kindName(added.kind),
             added.at);
    }
    bool registered(const std::string& name) {
        return m_kb.constants.count(m_kb.symbols.intern(name)) != 0;
    }
    Block* blockNamed(const std::string& name) {
        auto it = m_index.find(name);
        return it == m_index.end() ? nullptr : &m_blocks[it->second];
    }

    void addBlock(const ResourceBlockAst& ast);
    const Declaration& lookup(const Block& block, const std::string& term, std::uint32_t at);
    RuleAst shorthandRule(const Block& block, const ResourceProduction& p);
    void addRuleTypes(ExpandedBlocks& out);

    KnowledgeBase& m_kb;
    std::uint32_t m_source;
    std::vector<Block> m_blocks;  // first-appearance order
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<std::string> m_actors, m_resources;
};

// ---- pass 1: one block -------------------------------------------------------

void Expander::addBlock(const ResourceBlockAst& ast) {
    bool actor = false;
    if (!ast.keyword) blockError("Expected 'actor' or 'resource' but found nothing.", ast.start);
    if (*ast.keyword == "actor") actor = true;
    else if (*ast.keyword != "resource")
        blockError("Expected 'actor' or 'resource' but found '" + *ast.keyword + "'.", ast.start);

    // The declarations: the right shape, once each (a later one still wins).
    const Node* roles = nullptr;
    const Node* permissions = nullptr;
    const Node* relations = nullptr;
    std::vector<const ResourceProduction*> shorthands;
    for (const ResourceProduction& p : ast.productions) {
        if (p.kind == ResourceProduction::Kind::Shorthand) {
            shorthands.push_back(&p);
            continue;
        }
        const bool list = p.value.kind == NodeKind::List;
        const Node** slot = nullptr;
        if (p.keyword == "roles" || p.keyword == "permissions") {
            if (!list)
                blockError("Expected '" + p.keyword + "' declaration to be a list of strings; found a dictionary",
                           p.value.start);
            slot = p.keyword == "roles" ? &roles : &permissions;
        } else if (p.keyword == "relations") {
            if (list) blockError("Expected 'relations' declaration to be a dictionary; found a list", p.value.start);
            slot = &relations;
        } else if (list) {
            blockError("Unexpected declaration '" + p.keyword +
                           "'. Did you mean for this to be 'roles = [ ... ];' or 'permissions = [ ... ];'?",
                       p.value.start);
        } else {
            blockError("Unexpected declaration '" + p.keyword + "'. Did you mean for this to be 'relations = { ... };'?",
                       p.value.start);
        }
        if (*slot)
            blockError("Multiple '" + p.keyword + "' declarations in '" + ast.name + "' resource block.", p.value.start);
        *slot = &p.value;
    }

    if (!registered(ast.name)) fail("UnregisteredClass", "Unregistered class: " + ast.name, ast.start);

    // Index the strings: roles, then permissions, then relations, as Oso
    // does, whatever order the block writes them in.
    std::map<std::string, Declaration> declared;
    std::vector<std::pair<std::string, Declaration>> order;
    auto declare = [&](const std::string& term, Declaration d) {
        auto [it, fresh] = declared.emplace(term, d);
        if (!fresh) duplicate(ast.name, term, it->second, d);
        order.emplace_back(term, d);
    };
    if (roles)
        for (const Node& r : roles->args) declare(r.text, {DeclKind::Role, "", 0, r.start});
    if (permissions)
        for (const Node& r : permissions->args) declare(r.text, {DeclKind::Permission, "", 0, r.start});
    if (relations)
        for (std::size_t k = 0; k < relations->keys.size(); ++k) {
            const Node& cls = relations->args[k];
            declare(relations->keys[k], {DeclKind::Relation, cls.text, cls.start, cls.start});
        }

    // A block opened again adds to the first; a string may not change kind.
    Block* block = blockNamed(ast.name);
    if (!block) {
        m_index.emplace(ast.name, m_blocks.size());
        m_blocks.push_back(Block{ast.name, {}, {}, {}, false});
        block = &m_blocks.back();
    }
    for (const auto& [term, d] : order) {
        auto it = block->declarations.find(term);
        if (it != block->declarations.end()) {
            const Declaration& old = it->second;
            if (old.kind != d.kind || old.relatedClass != d.relatedClass) duplicate(ast.name, term, old, d);
            it->second = d;
            continue;
        }
        block->declarations.emplace(term, d);
        if (d.kind == DeclKind::Relation) block->relations.push_back(term);
        if (d.kind == DeclKind::Role) block->hasRoles = true;
    }
    block->shorthands.insert(block->shorthands.end(), shorthands.begin(), shorthands.end());

    auto note = [](std::vector<std::string>& set, const std::string& name) {
        if (std::find(set.begin(), set.end(), name) == set.end()) set.push_back(name);
    };
    if (actor) note(m_actors, ast.name);
    note(m_resources, ast.name);  // actors are resources too, as in Oso
}

// ---- pass 2: shorthand lines to rules --------------------------------------

const Declaration& Expander::lookup(const Block& block, const std::string& term, std::uint32_t at) {
    auto it = block.declarations.find(term);
    if (it == block.declarations.end())
        blockError("Undeclared term " + quoted(term) + " referenced in rule in '" + block.name +
                       "' resource block. Did you mean to declare it as a role, permission, or relation?",
                   at);
    return it->second;
}

// `Repository` → `repository`; an all-lowercase class gets `_instance` so
// the variable differs from the class; the far end of a relation gets
// `related_` so that a relation of a class to itself has two variables.
std::string variableFor(const std::string& cls, bool related) {
    std::string name = cls;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == cls) name += "_instance";
    return related ? "related_" + name : name;
}

Node var(const std::string& name, std::uint32_t at, std::uint32_t end) {
    Node n;
    n.kind = NodeKind::Var;
    n.text = name;
    n.start = at;
    n.end = end;
    return n;
}

Node str(const std::string& text, std::uint32_t at) {
    Node n;
    n.kind = NodeKind::Str;
    n.text = text;
    n.start = at;
    n.end = at + static_cast<std::uint32_t>(text.size()) + 2;
    return n;
}

Node classPattern(const std::string& cls, std::uint32_t at, std::uint32_t end) {
    Node n;
    n.kind = NodeKind::InstancePattern;
    n.text = cls;
    n.start = at;
    n.end = end;
    return n;
}

Node call(const std::string& name, std::vector<Node> args, std::uint32_t at, std::uint32_t end) {
    Node n;
    n.kind = NodeKind::Call;
    n.text = name;
    n.args = std::move(args);
    n.start = at;
    n.end = end;
    return n;
}

Node conjunction(std::vector<Node> goals, std::uint32_t at, std::uint32_t end) {
    Node n;
    n.kind = NodeKind::Op;
    n.op = Operator::And;
    n.args = std::move(goals);
    n.start = at;
    n.end = end;
    return n;
}

ParamAst param(Node value, std::optional<Node> specializer = std::nullopt) {
    ParamAst p;
    p.value = std::move(value);
    if (specializer) p.specializer = std::make_unique<Node>(std::move(*specializer));
    return p;
}

RuleAst Expander::shorthandRule(const Block& block, const ResourceProduction& p) {
    RuleAst rule;
    rule.name = ruleNameFor(lookup(block, p.head, p.start).kind);
    rule.start = p.start;
    rule.headEnd = p.headEnd;
    rule.end = p.end;

    const std::uint32_t headAt = p.start, headEnd = p.headEnd;
    const std::string self = variableFor(block.name, false);
    rule.params.push_back(param(var("actor", headAt, headEnd), classPattern(kActor, headAt, headEnd)));
    rule.params.push_back(param(str(p.head, headAt)));
    rule.params.push_back(param(var(self, headAt, headEnd), classPattern(block.name, headAt, headEnd)));

    const std::uint32_t implierEnd = p.implierStart + static_cast<std::uint32_t>(p.implier.size()) + 2;
    std::vector<Node> goals;
    if (p.relation) {
        if (p.relationKeyword != "on")
            blockError("Unexpected relation keyword '" + p.relationKeyword + "'. Did you mean 'on'?",
                       p.relationKeywordStart);
        const Declaration& relation = lookup(block, *p.relation, p.relationStart);
        if (relation.kind != DeclKind::Relation)
            throw Error(ErrorKind::Operational, "InvalidState",
                        std::string("Invalid state: Expected Relation; got: ") + kindDebugName(relation.kind));
        const Block* related = blockNamed(relation.relatedClass);
        if (!related)
            blockError(block.name + ": Relation " + quoted(*p.relation) + " in rule body `" + quoted(p.implier) +
                           " on " + quoted(*p.relation) + "` has type '" + relation.relatedClass +
                           "', but no such resource block exists. Try declaring one: `resource " +
                           relation.relatedClass + " {}`",
                       relation.classAt);
        auto implied = related->declarations.find(p.implier);
        if (implied == related->declarations.end())
            blockError(block.name + ": Term " + quoted(p.implier) + " not declared in related resource block '" +
                           related->name + "'. Did you mean to declare it as a role, permission, or relation in the '" +
                           related->name + "' resource block?",
                       p.implierStart);
        // has_relation(related_org, "parent", repo) and has_role(actor, "member", related_org)
        const std::uint32_t relationEnd = p.relationStart + static_cast<std::uint32_t>(p.relation->size()) + 2;
        const std::string other = variableFor(relation.relatedClass, true);
        goals.push_back(call("has_relation",
                             {var(other, p.relationStart, relationEnd), str(*p.relation, p.relationStart),
                              var(self, p.implierStart, implierEnd)},
                             p.relationStart, relationEnd));
        goals.push_back(call(ruleNameFor(implied->second.kind),
                             {var("actor", p.implierStart, implierEnd), str(p.implier, p.implierStart),
                              var(other, p.relationStart, relationEnd)},
                             p.implierStart, implierEnd));
    } else {
        // has_role(actor, "owner", org)
        const Declaration& implied = lookup(block, p.implier, p.implierStart);
        goals.push_back(call(ruleNameFor(implied.kind),
                             {var("actor", p.implierStart, implierEnd), str(p.implier, p.implierStart),
                              var(self, p.implierStart, implierEnd)},
                             p.implierStart, implierEnd));
    }
    rule.body = conjunction(std::move(goals), p.implierStart, p.end);
    return rule;
}

// ---- pass 3: rule types ------------------------------------------------------

RuleAst ruleType(const std::string& name, std::vector<ParamAst> params, std::uint32_t anchor) {
    RuleAst type;
    type.name = name;
    type.params = std::move(params);
    type.start = type.headEnd = type.end = anchor;  // no text of its own: see isGeneratedRuleType
    type.body = conjunction({}, anchor, anchor);
    return type;
}

ParamAst typed(const std::string& name, const std::string& cls) {
    return param(var(name, 0, 0), classPattern(cls, 0, 0));
}

void Expander::addRuleTypes(ExpandedBlocks& out) {
    // Oso's built-in rule types, which every knowledge base has. Added by the
    // first load that runs here; a generated has_permission type says so.
    bool builtIns = false;
    auto known = m_kb.ruleTypes.find(m_kb.symbols.intern("has_permission"));
    if (known != m_kb.ruleTypes.end())
        for (const RuleType& t : known->second) builtIns = builtIns || isGeneratedRuleType(m_kb.clauses[t.clause]);
    if (!builtIns) {
        out.builtInTypes.push_back(ruleType(
            "has_permission", {typed("actor", kActor), typed("_permission", "String"), typed("resource", kResource)}, 0));
        out.builtInTypes.push_back(ruleType("allow", {param(var("actor", 0, 0)), param(var("_action", 0, 0)),
                                                   param(var("resource", 0, 0))}, 0));
        out.builtInTypes.push_back(ruleType("allow_field", {param(var("actor", 0, 0)), param(var("action", 0, 0)),
                                                         param(var("resource", 0, 0)), param(var("field", 0, 0))}, 0));
        out.builtInTypes.push_back(ruleType("allow_request", {param(var("actor", 0, 0)), param(var("request", 0, 0))}, 0));
    }

    // has_relation(subject: S, "name", object: O) for every declared relation;
    // required when a shorthand line goes through it.
    struct RelationType {
        const Block* object;
        std::string name;
        bool required = false;
    };
    std::vector<RelationType> relationTypes;
    auto find = [&](const Block* object, const std::string& name) -> RelationType* {
        for (auto& t : relationTypes)
            if (t.object == object && t.name == name) return &t;
        return nullptr;
    };
    for (const Block& b : m_blocks)
        for (const std::string& r : b.relations) relationTypes.push_back({&b, r, false});
    auto require = [&](const Block* object, const std::string& name) {
        if (!object) return;
        auto it = object->declarations.find(name);
        if (it == object->declarations.end() || it->second.kind != DeclKind::Relation) return;
        if (RelationType* t = find(object, name)) t->required = true;
    };
    for (const Block& b : m_blocks)
        for (const ResourceProduction* p : b.shorthands) {
            if (p->relation) {
                // "writer" if "owner" on "parent": has_relation(Org, "parent", Repo) and,
                // when "owner" is a relation of Org, has_relation(User, "owner", Org).
                require(&b, *p->relation);
                const Block* related = blockNamed(b.declarations.at(*p->relation).relatedClass);
                require(related, p->implier);
            } else {
                require(&b, p->implier);  // "admin" if "creator" where creator is a relation
            }
        }
    for (const RelationType& t : relationTypes) {
        const Declaration& d = t.object->declarations.at(t.name);
        std::vector<ParamAst> params;
        params.push_back(typed("subject", d.relatedClass));
        params.push_back(param(str(t.name, 0)));
        params.push_back(typed("object", t.object->name));
        out.ruleTypes.push_back(ruleType("has_relation", std::move(params), t.required ? d.classAt : 0));
    }

    if (std::any_of(m_blocks.begin(), m_blocks.end(), [](const Block& b) { return b.hasRoles; }))
        out.ruleTypes.push_back(
            ruleType("has_role", {typed("actor", kActor), typed("role", "String"), typed("resource", kResource)}, 0));
}

ExpandedBlocks Expander::run(const std::vector<ResourceBlockAst>& asts) {
    for (const ResourceBlockAst& ast : asts) addBlock(ast);

    for (const Block& b : m_blocks)
        for (const std::string& r : b.relations) {
            const Declaration& d = b.declarations.at(r);
            if (!registered(d.relatedClass)) fail("UnregisteredClass", "Unregistered class: " + d.relatedClass, d.classAt);
        }
    ExpandedBlocks out;
    for (const Block& b : m_blocks)
        for (const ResourceProduction* p : b.shorthands) out.rules.push_back(shorthandRule(b, *p));

    addRuleTypes(out);

    // Actor and Resource are unions in every knowledge base, if empty ones.
    auto& actors = m_kb.unionMembers[m_kb.symbols.intern(kActor)];
    auto& resources = m_kb.unionMembers[m_kb.symbols.intern(kResource)];
    auto join = [&](std::vector<std::uint32_t>& members, const std::vector<std::string>& names) {
        for (const std::string& n : names) {
            const std::uint32_t s = m_kb.symbols.intern(n);
            if (std::find(members.begin(), members.end(), s) == members.end()) members.push_back(s);
        }
    };
    join(actors, m_actors);
    join(resources, m_resources);
    return out;
}

} // namespace

bool callsHasPermission(const Node& n) {
    if (n.kind == NodeKind::Call && n.text == "has_permission") return true;
    return std::any_of(n.args.begin(), n.args.end(), [](const Node& a) { return callsHasPermission(a); });
}

ExpandedBlocks expandResourceBlocks(KnowledgeBase& kb, const std::vector<ResourceBlockAst>& blocks,
                                    std::uint32_t source) {
    return Expander(kb, source).run(blocks);
}

void warnMissingHasPermission(KnowledgeBase& kb, const std::vector<ResourceBlockAst>& blocks,
                              bool anyRuleCalls) {
    if (blocks.empty() || anyRuleCalls) return;
    Warning w;
    w.kind = "MissingHasPermissionRule";
    w.message =
        "Warning: your policy uses resource blocks but does not call the\n"
        "has_permission rule. This means that permissions you define in a\n"
        "resource block will not have any effect. Did you mean to include a\n"
        "call to has_permission in a top-level allow rule?\n\n"
        "  allow(actor, action, resource) if\n"
        "      has_permission(actor, action, resource);\n\n"
        "For more information about resource blocks, see "
        "https://docs.osohq.com/any/reference/polar/polar-syntax.html#actor-and-resource-blocks";
    kb.warnings.push_back(std::move(w));
}

std::string generatedRuleText(const RuleAst& rule, bool headOnly) {
    auto term = [](const Node& n) {
        return n.kind == NodeKind::Str ? quoted(n.text) : n.text;
    };
    auto callText = [&](const Node& call) {
        std::string out = call.text + "(";
        for (std::size_t k = 0; k < call.args.size(); ++k) out += (k ? ", " : "") + term(call.args[k]);
        return out + ")";
    };
    std::string out = rule.name + "(";
    for (std::size_t k = 0; k < rule.params.size(); ++k) {
        const ParamAst& p = rule.params[k];
        out += (k ? ", " : "") + term(p.value);
        if (p.specializer) out += ": " + p.specializer->text + "{}";
    }
    out += ")";
    if (headOnly) return out;
    for (std::size_t k = 0; k < rule.body.args.size(); ++k)
        out += (k ? " and " : " if ") + callText(rule.body.args[k]);
    return out + ";";
}

bool isGeneratedRuleType(const Clause& type) { return type.start == type.end; }

bool isRequiredRuleType(const KnowledgeBase& kb, const Clause& type) {
    if (!isGeneratedRuleType(type)) return false;
    const std::string& name = kb.symbols.text(type.name);
    return name == "has_role" || (name == "has_relation" && type.start != 0);
}

std::string generatedRuleTypeText(const KnowledgeBase& kb, const Clause& type) {
    // Parameter names are not kept in compiled code; these are the ones Oso uses.
    static const std::map<std::string, std::vector<std::string>> names = {
        {"has_permission", {"actor", "_permission", "resource"}},
        {"has_role", {"actor", "role", "resource"}},
        {"has_relation", {"subject", "", "object"}},
        {"allow", {"actor", "_action", "resource"}},
        {"allow_field", {"actor", "action", "resource", "field"}},
        {"allow_request", {"actor", "request"}},
    };
    const std::string& name = kb.symbols.text(type.name);
    auto it = names.find(name);
    std::string out = name + "(";
    for (std::uint32_t k = 0; k < type.arity; ++k) {
        if (k) out += ", ";
        const Cell value = kb.code[type.params + k];
        const Cell spec = type.specs == kNone ? Cell::makeNil() : kb.code[type.specs + k];
        if (value.tag == Tag::Str) {
            out += quoted(kb.symbols.text(value.u));
            continue;
        }
        out += it != names.end() && k < it->second.size() ? it->second[k] : "_";
        if (spec.tag == Tag::InstancePattern) out += ": " + kb.symbols.text(kb.code[spec.u].u) + "{}";
    }
    return out + ");";
}

} // namespace polar::detail
