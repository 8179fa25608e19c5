#include "compiler.hpp"

#include <algorithm>
#include <map>

namespace polar::detail {
namespace {

bool isGroundCell(const Cell& c) {
    // Host constants are imported into each query, so a block holding one is not shareable.
    if (c.tag == Tag::TVar || c.tag == Tag::Var || c.tag == Tag::Instance) return false;
    if (c.isPointer()) return c.isGround();
    return true;
}

Node makeVar(std::string name, std::uint32_t offset) {
    Node n;
    n.kind = NodeKind::Var;
    n.text = std::move(name);
    n.start = n.end = offset;
    return n;
}

Node makeOp(Operator op, std::vector<Node> args, std::uint32_t offset) {
    Node n;
    n.kind = NodeKind::Op;
    n.op = op;
    n.args = std::move(args);
    n.start = offset;
    n.end = n.args.empty() ? offset : n.args.back().end;
    return n;
}

Node conjunctionOf(std::vector<Node> goals, std::uint32_t offset) {
    if (goals.size() == 1) return std::move(goals.front());
    return makeOp(Operator::And, std::move(goals), offset);
}

bool containsExpression(const Node& n) {
    if (n.kind == NodeKind::Op) return true;
    if (n.kind == NodeKind::DictPattern || n.kind == NodeKind::InstancePattern) return false;
    return std::any_of(n.args.begin(), n.args.end(), containsExpression);
}

void countVariables(const Node& n, std::map<std::string, std::pair<int, std::uint32_t>>& counts) {
    if (n.kind == NodeKind::Var || n.kind == NodeKind::RestVar) {
        auto& entry = counts[n.text];
        if (entry.first++ == 0) entry.second = n.start;
    }
    for (const auto& a : n.args) countVariables(a, counts);
}

} // namespace

Compiler::Compiler(KnowledgeBase& kb, std::vector<Cell>& out, bool inCode, std::uint32_t source,
                   std::unordered_map<std::uint32_t, SourcePos>& positions)
    : m_kb(kb),
      m_out(out),
      m_spaceFlag(inCode ? kInCode : 0),
      m_source(source),
      m_positions(positions) {}

std::uint32_t Compiler::append(const Cell& c) {
    m_out.push_back(c);
    return static_cast<std::uint32_t>(m_out.size() - 1);
}

std::uint32_t Compiler::slot(const std::string& name) {
    if (name != "_") {
        if (auto it = m_slots.find(name); it != m_slots.end()) return it->second;
    }
    const std::uint32_t s = m_frameSize++;
    if (name != "_") {
        m_slots.emplace(name, s);
        m_order.emplace_back(name, s);
    }
    return s;
}

Node Compiler::temporary(const char* prefix, std::uint32_t offset) {
    return makeVar(std::string("_") + prefix + "_" + std::to_string(++m_temporaries), offset);
}

// ---- rewrites ----------------------------------------------------------------

void Compiler::flatten(const Node& conjunction, std::vector<Node>& goals) {
    if (conjunction.kind == NodeKind::Op && conjunction.op == Operator::And) {
        for (const auto& g : conjunction.args) flatten(g, goals);
        return;
    }
    rewriteGoal(conjunction, goals);
}

void Compiler::rewriteGoal(Node goal, std::vector<Node>& goals) {
    if (goal.kind == NodeKind::Op) {
        switch (goal.op) {
        case Operator::Or:
        case Operator::Not:
        case Operator::ForAll:
            // Each branch is a conjunction of its own, so what it looks up
            // is looked up inside the branch.
            for (auto& arg : goal.args) {
                std::vector<Node> inner;
                flatten(arg, inner);
                arg = conjunctionOf(std::move(inner), arg.start);
            }
            goals.push_back(std::move(goal));
            return;
        case Operator::Dot:
        case Operator::New: {
            // A lookup used as a condition: `x.isAdmin()` holds when it is true.
            std::vector<Node> wrapper;
            wrapper.push_back(std::move(goal));
            Node holder = makeOp(Operator::Unify, std::move(wrapper), 0);
            hoistIn(holder, goals);
            goals.push_back(std::move(holder.args.front()));
            return;
        }
        default: break;
        }
    }
    hoistIn(goal, goals);
    goals.push_back(std::move(goal));
}

void Compiler::hoistIn(Node& node, std::vector<Node>& goals) {
    if (node.kind == NodeKind::DictPattern || node.kind == NodeKind::InstancePattern) return;
    for (auto& child : node.args) {
        hoistIn(child, goals);  // inner lookups first: a.b.c looks up a.b, then .c
        if (child.kind == NodeKind::Op && (child.op == Operator::Dot || child.op == Operator::New))
            hoist(child, goals);
    }
}

// Out of hoistIn(), which recurses once per level of the tree, so that the
// temporary's Node does not make every level's frame larger.
void Compiler::hoist(Node& lookup, std::vector<Node>& goals) {
    Node temp = temporary(lookup.op == Operator::Dot ? "value" : "instance", lookup.start);
    lookup.args.push_back(temp);
    goals.push_back(std::move(lookup));
    lookup = std::move(temp);
}

// ---- emitting cells ------------------------------------------------------------

Cell Compiler::emit(const Node& n) {
    switch (n.kind) {
    case NodeKind::Int: return Cell::makeInt(n.integer);
    case NodeKind::Float: return Cell::makeFloat(n.number);
    case NodeKind::Str: return Cell::makeStr(m_kb.symbols.intern(n.text));
    case NodeKind::Bool: return Cell::makeBool(n.boolean);
    case NodeKind::Var:
    case NodeKind::RestVar: {
        const std::uint32_t sym = m_kb.symbols.intern(n.text);
        if (auto it = m_kb.constants.find(sym); it != m_kb.constants.end()) return it->second;
        // The name travels in `aux` so messages can say `x`, not a slot number.
        Cell var = Cell::makeTVar(slot(n.text));
        var.aux = sym;
        return var;
    }
    case NodeKind::List: return emitList(n);
    case NodeKind::Dict: return emitBlock(Tag::Dict, 0, &n.keys, n.args, n.start, true);
    case NodeKind::DictPattern: return emitBlock(Tag::DictPattern, 0, &n.keys, n.args, n.start, true);
    case NodeKind::InstancePattern:
        return emitBlock(Tag::InstancePattern, m_kb.symbols.intern(n.text), &n.keys, n.args,
                         n.start, true);
    case NodeKind::Call:
        if (!n.keys.empty()) return emitCallWithKeywords(n);
        return emitBlock(Tag::Call, m_kb.symbols.intern(n.text), nullptr, n.args, n.start, false);
    case NodeKind::Op:
        return emitBlock(Tag::Op, static_cast<std::uint64_t>(n.op), nullptr, n.args, n.start, false);
    }
    return Cell::makeNil();
}

// Keyword arguments (constructors, methods) travel as a trailing
// dictionary; `spare` on the header marks that it is there. Out of emit()
// (which recurses once per level of the tree) so its locals do not make
// every level's frame larger.
Cell Compiler::emitCallWithKeywords(const Node& n) {
    const std::size_t positional = n.positionalCount();
    std::vector<Node> args(n.args.begin(), n.args.begin() + static_cast<long>(positional));
    Node kw;
    kw.kind = NodeKind::Dict;
    kw.keys = n.keys;
    kw.args.assign(n.args.begin() + static_cast<long>(positional), n.args.end());
    kw.start = n.start;
    args.push_back(std::move(kw));
    Cell c = emitBlock(Tag::Call, m_kb.symbols.intern(n.text), nullptr, args, n.start, false);
    m_out[c.u].spare = 1;
    return c;
}

Cell Compiler::emitList(const Node& n) {
    std::vector<Cell> elements;
    Cell tail = Cell::makeEmpty();
    bool ground = true;
    for (const auto& e : n.args) {
        if (e.kind == NodeKind::RestVar) {
            tail = emit(e);
            ground = ground && isGroundCell(tail);
            break;
        }
        elements.push_back(emit(e));
        ground = ground && isGroundCell(elements.back());
    }
    if (elements.empty()) return tail;
    const auto base = static_cast<std::uint32_t>(m_out.size());
    const std::uint8_t flags = static_cast<std::uint8_t>(m_spaceFlag | (ground ? kGround : 0));
    for (std::size_t k = 0; k < elements.size(); ++k) {
        m_out.push_back(elements[k]);
        m_out.push_back(k + 1 < elements.size()
                            ? Cell::makePtr(Tag::Cons, base + 2 * (k + 1), flags)
                            : tail);
    }
    return Cell::makePtr(Tag::Cons, base, flags);
}

Cell Compiler::emitBlock(Tag tag, std::uint64_t headerPayload, const std::vector<std::string>* keys,
                         const std::vector<Node>& values, std::uint32_t offset, bool sortKeys) {
    std::vector<std::size_t> order(values.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    if (keys && sortKeys)
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return (*keys)[a] < (*keys)[b]; });
    std::vector<Cell> cells;
    cells.reserve(values.size());
    bool ground = true;
    for (std::size_t k : order) {
        cells.push_back(emit(values[k]));
        ground = ground && isGroundCell(cells.back());
    }
    const auto header = append(Cell::makeHeader(headerPayload, static_cast<std::uint32_t>(values.size())));
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (keys) append(Cell::makeStr(m_kb.symbols.intern((*keys)[order[k]])));
        append(cells[k]);
    }
    if (tag == Tag::Op || tag == Tag::Call || tag == Tag::InstancePattern) m_positions[header] = SourcePos{m_source, offset};
    // Calls and operations are never shared as data, so only values get kGround.
    const bool shareable = ground && tag != Tag::Op && tag != Tag::Call;
    return Cell::makePtr(tag, header, static_cast<std::uint8_t>(m_spaceFlag | (shareable ? kGround : 0)));
}

std::uint32_t Compiler::emitGoals(const std::vector<Node>& goals) {
    std::vector<Cell> cells;
    cells.reserve(goals.size());
    for (const auto& g : goals) cells.push_back(emit(g));
    const auto header = append(Cell::makeHeader(0, static_cast<std::uint32_t>(cells.size())));
    for (const auto& c : cells) append(c);
    return header;
}

// ---- rules and queries ---------------------------------------------------------------

Clause Compiler::compileRule(const RuleAst& rule, std::vector<Warning>* warnings) {
    // One Compiler may compile many rules (a load): each starts afresh.
    m_slots.clear();
    m_order.clear();
    m_frameSize = 0;
    m_temporaries = 0;
    if (warnings) checkSingletons(rule, *warnings);
    Clause clause;
    clause.name = m_kb.symbols.intern(rule.name);
    clause.arity = static_cast<std::uint32_t>(rule.params.size());
    clause.source = m_source;
    clause.start = rule.start;
    clause.end = rule.end;
    clause.headEnd = rule.headEnd;

    std::vector<Node> goals;
    flatten(rule.body, goals);
    // Expressions in the head are computed at the end of the body, as Oso does.
    // The parameters are read where they are (a copy of each was a third of
    // compiling a fact); only a rewritten one points at its temporary.
    std::vector<Node> temporaries;
    std::vector<const Node*>& paramValues = m_paramValues;
    paramValues.clear();
    for (const auto& p : rule.params) {
        if (containsExpression(p.value)) {
            // Reserved once, so no pointer taken into it moves.
            if (temporaries.empty()) temporaries.reserve(rule.params.size());
            temporaries.push_back(temporary("op", p.value.start));
            std::vector<Node> args;
            args.push_back(temporaries.back());
            args.push_back(p.value);
            rewriteGoal(makeOp(Operator::Unify, std::move(args), p.value.start), goals);
            paramValues.push_back(&temporaries.back());
        } else {
            paramValues.push_back(&p.value);
        }
    }

    std::vector<Cell>& params = m_paramCells;
    std::vector<Cell>& specs = m_specCells;
    params.clear();
    specs.clear();
    bool anySpec = false;
    for (std::size_t k = 0; k < rule.params.size(); ++k) {
        params.push_back(emit(*paramValues[k]));
        if (rule.params[k].specializer) {
            specs.push_back(emit(*rule.params[k].specializer));
            anySpec = true;
        } else {
            specs.push_back(Cell::makeNil());
        }
    }
    clause.params = static_cast<std::uint32_t>(m_out.size());
    for (const auto& c : params) append(c);
    if (anySpec) {
        clause.specs = static_cast<std::uint32_t>(m_out.size());
        for (const auto& c : specs) append(c);
    }
    clause.body = emitGoals(goals);
    clause.frameSize = m_frameSize;
    return clause;
}

CompiledQuery Compiler::compileQuery(const Node& term) {
    std::vector<Node> goals;
    flatten(term, goals);
    CompiledQuery q;
    q.body = emitGoals(goals);
    q.frameSize = m_frameSize;
    for (const auto& [name, s] : m_order)
        if (name.empty() || name[0] != '_') q.variables.emplace_back(name, s);
    return q;
}

void Compiler::checkSingletons(const RuleAst& rule, std::vector<Warning>& warnings) {
    std::map<std::string, std::pair<int, std::uint32_t>> counts;
    for (const auto& p : rule.params) {
        countVariables(p.value, counts);
        if (p.specializer) countVariables(*p.specializer, counts);
    }
    countVariables(rule.body, counts);
    std::vector<std::pair<std::uint32_t, std::string>> singles;
    for (const auto& [name, entry] : counts) {
        if (entry.first != 1 || name.empty() || name[0] == '_') continue;
        if (m_kb.constants.count(m_kb.symbols.intern(name))) continue;
        singles.emplace_back(entry.second, name);
    }
    std::sort(singles.begin(), singles.end());
    // Oso 0.27 refuses such rules: a variable used once is almost always a typo.
    if (!singles.empty()) {
        const auto& [offset, name] = singles.front();
        throw Error(ErrorKind::Validation, "SingletonVariable",
                    "Singleton variable " + name + " is unused or undefined; try renaming to _" +
                        name + " or _",
                    m_kb.locate(SourcePos{m_source, offset}));
    }
    (void)warnings;
}

} // namespace polar::detail
