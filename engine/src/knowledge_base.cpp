// Loading policies: parse, validate, compile, commit, then run the inline
// queries. A load either keeps everything from its source or nothing: on any
// error the code arena, clause list and predicates go back to where they were.
#include "knowledge_base.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler.hpp"
#include "machine.hpp"
#include "parser.hpp"
#include "resource_blocks.hpp"

namespace polar::detail {

SourceLocation Source::locate(std::uint32_t offset) const {
    SourceLocation loc;
    loc.file = file;
    std::size_t line = 0;
    while (line + 1 < lineStarts.size() && lineStarts[line + 1] <= offset) ++line;
    const std::uint32_t start = lineStarts.empty() ? 0 : lineStarts[line];
    loc.line = static_cast<int>(line + 1);
    int column = 1;  // counted in characters, not bytes
    for (std::uint32_t k = start; k < offset && k < text.size(); ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xc0) != 0x80) ++column;
    loc.column = column;
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    loc.lineText = text.substr(start, end - start);
    if (!loc.lineText.empty() && loc.lineText.back() == '\r') loc.lineText.pop_back();
    return loc;
}

bool indexKey(const Cell& c, std::uint64_t& key) {
    // The tag goes in the top byte; numbers that unify share a key.
    auto make = [&](std::uint64_t tag, std::uint64_t payload) {
        key = (tag << 56) ^ (payload * 0x9E3779B97F4A7C15ull);
        return true;
    };
    switch (c.tag) {
    case Tag::Int: return make(1, static_cast<std::uint64_t>(c.i));
    case Tag::Float: {
        const double t = std::trunc(c.f);
        if (t == c.f && std::fabs(t) < 9.2e18) return make(1, static_cast<std::uint64_t>(static_cast<std::int64_t>(t)));
        std::uint64_t bits;
        std::memcpy(&bits, &c.f, sizeof bits);
        return make(2, bits);
    }
    case Tag::Str: return make(3, c.u);
    case Tag::Bool: return make(4, c.u);
    case Tag::Nil: return make(5, 0);
    case Tag::Empty: return make(6, 0);
    case Tag::Class: return make(7, c.u);
    default: return false;
    }
}

// Only rules without specializers: matching a specializer can call the host
// (a field of a class pattern), which skipping the rule must not hide.
void findGuard(Clause& c, const std::vector<Cell>& code) {
    c.guard = kNone;
    if (c.specs != kNone || code[c.body].aux == 0) return;
    const Cell& goal = code[c.body + 1];
    if (goal.tag != Tag::Op) return;
    const Cell& header = code[goal.u];
    if (!isComparison(static_cast<Operator>(header.u)) || header.aux != 2) return;
    const Cell& left = code[goal.u + 1];
    const Cell& right = code[goal.u + 2];
    const bool paramLeft = left.tag == Tag::TVar && right.isNumber();
    if (!paramLeft && !(right.tag == Tag::TVar && left.isNumber())) return;
    const std::uint64_t slot = paramLeft ? left.u : right.u;
    for (std::uint32_t k = 0; k < c.arity; ++k) {
        const Cell& param = code[c.params + k];
        if (param.tag != Tag::TVar || param.u != slot) continue;
        c.guard = static_cast<std::uint32_t>(goal.u);
        c.guardParam = k;
        c.guardParamLeft = paramLeft;
        return;
    }
}

void findSelective(Clause& c, const std::vector<Cell>& code) {
    c.selective = ~std::uint64_t{0};
    if (c.arity > 64) return;
    c.selective = 0;
    for (std::uint32_t k = 0; k < c.arity; ++k)
        if (code[c.params + k].tag != Tag::TVar || c.specs != kNone) c.selective |= std::uint64_t{1} << k;
}

KnowledgeBase::KnowledgeBase() : printStream(&std::cout) {
    sym.Integer = symbols.intern("Integer");
    sym.Float = symbols.intern("Float");
    sym.String = symbols.intern("String");
    sym.Boolean = symbols.intern("Boolean");
    sym.List = symbols.intern("List");
    sym.Dictionary = symbols.intern("Dictionary");
    sym.Nil = symbols.intern("nil");
    constants[sym.Nil] = Cell::makeNil();
    resetUnions();
    // The built-in classes are constants too, as Oso registers them.
    for (std::uint32_t cls : {sym.Integer, sym.Float, sym.String, sym.Boolean, sym.List, sym.Dictionary}) {
        Cell c;
        c.tag = Tag::Class;
        c.u = cls;
        constants[cls] = c;
    }
}

KnowledgeBase::~KnowledgeBase() = default;  // MachineStacks is complete here

Predicate& KnowledgeBase::ensurePredicate(std::uint32_t name) {
    if (name >= predicateOf.size()) predicateOf.resize(name + 1, -1);
    if (predicateOf[name] < 0) {
        predicateOf[name] = static_cast<std::int32_t>(predicates.size());
        predicates.emplace_back();
        predicates.back().name = name;
    }
    return predicates[static_cast<std::size_t>(predicateOf[name])];
}

const ArgIndex& KnowledgeBase::argIndex(Predicate& p, std::uint32_t position) {
    if (p.indexes.size() <= position) p.indexes.resize(position + 1);
    ArgIndex& index = p.indexes[position];
    if (index.built()) return index;
    std::vector<ArgIndex::Entry> entries(p.clauses.size());
    for (std::uint32_t ordinal = 0; ordinal < p.clauses.size(); ++ordinal) {
        const Clause& c = clauses[p.clauses[ordinal]];
        ArgIndex::Entry& e = entries[ordinal];
        e.keyed = position < c.arity && indexKey(code[c.params + position], e.key);
    }
    index.build(entries);
    return index;
}

std::uint32_t KnowledgeBase::addSource(std::string_view file, std::string_view text) {
    Source s;
    s.file = std::string(file);
    s.text = std::string(text);
    s.lineStarts.push_back(0);
    for (std::uint32_t k = 0; k < text.size(); ++k)
        if (text[k] == '\n') s.lineStarts.push_back(k + 1);
    sources.push_back(std::move(s));
    return static_cast<std::uint32_t>(sources.size() - 1);
}

std::optional<SourceLocation> KnowledgeBase::locate(SourcePos pos) const {
    if (pos.source == kNone || pos.source >= sources.size()) return std::nullopt;
    return sources[pos.source].locate(pos.offset);
}

std::optional<SourceLocation> KnowledgeBase::locateCode(std::uint32_t codeIndex) const {
    auto it = positions.find(codeIndex);
    if (it == positions.end()) return std::nullopt;
    return locate(it->second);
}

std::string KnowledgeBase::clauseText(const Clause& c) const {
    if (c.source == kNone) return symbols.text(c.name) + "(...)";
    const std::string& text = sources[c.source].text;
    std::string out = text.substr(c.start, c.end - c.start);
    // One line per rule in traces: fold newlines and runs of spaces.
    std::string folded;
    bool space = false;
    for (char ch : out) {
        if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
            space = true;
            continue;
        }
        if (space && !folded.empty()) folded += ' ';
        space = false;
        folded += ch;
    }
    return folded;
}

void KnowledgeBase::registerClass(const ClassDef& def) {
    const std::uint32_t symbol = symbols.intern(def.name);
    if (unionMembers.count(symbol))
        throw Error(ErrorKind::Runtime, "InvalidRegistration",
                    "Invalid attempt to register '" + def.name + "': '" + def.name +
                        "' is a built-in specializer.");
    if (classBySymbol.count(symbol) || (constants.count(symbol) && constants[symbol].tag == Tag::Class))
        throw Error(ErrorKind::Operational, "DuplicateClassAlias",
                    "Attempted to alias " + def.name + " as '" + def.name +
                        "', but a class is already registered under that name.");
    auto cls = std::make_unique<HostClass>();
    cls->def = def;
    cls->symbol = symbol;
    // `.base<B>()` names no class: B's own registration does, checked now so a
    // forgotten base fails here rather than as a policy that never matches.
    for (auto& base : cls->def.bases) {
        if (!base.name.empty()) continue;
        const HostClass* registered = hostClass(base.type);
        if (!registered)
            throw Error(ErrorKind::Operational, "UnregisteredClass",
                        "Cannot register " + def.name + ": its base class (C++ type " + base.type.name() +
                            ") is not registered; register the base class first, or name it with base<B>(\"Name\")");
        base.name = registered->def.name;
    }
    classBySymbol[symbol] = cls.get();
    classByType[def.type] = cls.get();
    for (auto& entry : m_typeCache) entry = TypeCacheEntry{};
    Cell c;
    c.tag = Tag::Class;
    c.u = symbol;
    constants[symbol] = c;
    hostClasses.push_back(std::move(cls));
}

void KnowledgeBase::registerConstant(std::string_view name, const Value& value) {
    const std::uint32_t symbol = symbols.intern(name);
    if (unionMembers.count(symbol))
        throw Error(ErrorKind::Runtime, "InvalidRegistration",
                    "Invalid attempt to register '" + std::string(name) + "': '" + std::string(name) +
                        "' is a built-in specializer.");
    constants[symbol] = constantCell(value);
}

Cell KnowledgeBase::constantCell(const Value& v) {
    const auto& d = v.data();
    if (std::holds_alternative<std::monostate>(d)) return Cell::makeNil();
    if (auto* b = std::get_if<bool>(&d)) return Cell::makeBool(*b);
    if (auto* i = std::get_if<std::int64_t>(&d)) return Cell::makeInt(*i);
    if (auto* f = std::get_if<double>(&d)) return Cell::makeFloat(*f);
    if (auto* s = std::get_if<std::string>(&d)) return Cell::makeStr(symbols.intern(*s));
    if (auto* l = std::get_if<Value::List>(&d)) {
        if (l->empty()) return Cell::makeEmpty();
        std::vector<Cell> elements;
        bool ground = true;
        for (const auto& e : *l) {
            elements.push_back(constantCell(e));
            ground = ground && elements.back().tag != Tag::Instance && (!elements.back().isPointer() || elements.back().isGround());
        }
        const auto base = static_cast<std::uint32_t>(code.size());
        const std::uint8_t flags = static_cast<std::uint8_t>(kInCode | (ground ? kGround : 0));
        for (std::size_t k = 0; k < elements.size(); ++k) {
            code.push_back(elements[k]);
            code.push_back(k + 1 < elements.size() ? Cell::makePtr(Tag::Cons, base + 2 * (k + 1), flags)
                                                   : Cell::makeEmpty());
        }
        return Cell::makePtr(Tag::Cons, base, flags);
    }
    if (auto* m = std::get_if<Value::Dict>(&d)) {
        std::vector<std::pair<std::uint32_t, Cell>> fields;
        bool ground = true;
        for (const auto& [key, value] : *m) {
            fields.emplace_back(symbols.intern(key), constantCell(value));
            const Cell& c = fields.back().second;
            ground = ground && c.tag != Tag::Instance && (!c.isPointer() || c.isGround());
        }
        const auto header = static_cast<std::uint32_t>(code.size());
        code.push_back(Cell::makeHeader(0, static_cast<std::uint32_t>(fields.size())));
        for (const auto& [key, value] : fields) {
            code.push_back(Cell::makeStr(key));
            code.push_back(value);
        }
        return Cell::makePtr(Tag::Dict, header, static_cast<std::uint8_t>(kInCode | (ground ? kGround : 0)));
    }
    if (std::holds_alternative<Value::Variable>(d))
        throw Error(ErrorKind::Operational, "TypeError", "a constant cannot be an unbound variable");
    Cell c;
    c.tag = Tag::Instance;
    c.flags = kInCode;
    c.u = constantValues.size();
    constantValues.push_back(v);
    return c;
}

const std::vector<std::uint32_t>& KnowledgeBase::mro(const HostClass& cls) const {
    if (!cls.mro.empty()) return cls.mro;
    std::vector<const ClassDef*> queue{&cls.def};
    for (std::size_t k = 0; k < queue.size(); ++k) {
        const std::uint32_t symbol = const_cast<SymbolTable&>(symbols).intern(queue[k]->name);
        if (std::find(cls.mro.begin(), cls.mro.end(), symbol) != cls.mro.end()) continue;
        cls.mro.push_back(symbol);
        for (const auto& base : queue[k]->bases) {
            if (const HostClass* b = hostClass(base.type)) {
                queue.push_back(&b->def);
            } else {
                // A base that is not registered still names a class for `matches`.
                cls.mro.push_back(const_cast<SymbolTable&>(symbols).intern(base.name));
            }
        }
    }
    return cls.mro;
}

void* KnowledgeBase::upcast(void* object, std::type_index from, std::type_index to) const {
    if (from == to) return object;
    const HostClass* cls = hostClass(from);
    if (!cls) return nullptr;
    for (const auto& base : cls->def.bases) {
        if (void* p = upcast(base.upcast(object), base.type, to)) return p;
    }
    return nullptr;
}

std::string KnowledgeBase::clauseHead(const Clause& c) const {
    if (c.source == kNone) return symbols.text(c.name) + "(...)";
    Clause head = c;
    head.end = c.headEnd;
    const SourceLocation loc = sources[c.source].locate(c.start);
    return clauseText(head) + " at line " + std::to_string(loc.line) + ", column " +
           std::to_string(loc.column);
}

// Actor and Resource always exist, empty until resource blocks fill them, so
// `1 matches Actor` is simply false before any block is loaded (as Oso).
void KnowledgeBase::resetUnions() {
    unionMembers.clear();
    unionMembers[symbols.intern("Actor")];
    unionMembers[symbols.intern("Resource")];
}

void KnowledgeBase::clear() {
    resetUnions();
    code.clear();
    clauses.clear();
    predicates.clear();
    predicateOf.clear();
    ruleTypes.clear();
    sources.clear();
    positions.clear();
    warnings.clear();
    ++generation;
}

namespace {

// Everything a load can add, so a failed load can take it back.
struct LoadCheckpoint {
    std::size_t code, clauses, predicates, sources, warnings;
    std::vector<std::size_t> clauseCounts;
    std::vector<std::pair<std::uint32_t, std::size_t>> typeCounts;
};

} // namespace

void KnowledgeBase::load(std::string_view text, std::string_view file) {
    LoadCheckpoint cp{code.size(), clauses.size(), predicates.size(), sources.size(), warnings.size(), {}, {}};
    for (const auto& p : predicates) cp.clauseCounts.push_back(p.clauses.size());
    for (const auto& [name, types] : ruleTypes) cp.typeCounts.emplace_back(name, types.size());
    const std::size_t predicateOfSize = predicateOf.size();

    auto rollback = [&]() {
        code.resize(cp.code);
        clauses.resize(cp.clauses);
        for (std::size_t k = cp.predicates; k < predicates.size(); ++k) predicateOf[predicates[k].name] = -1;
        predicates.resize(cp.predicates);
        predicateOf.resize(predicateOfSize);
        for (std::size_t k = 0; k < predicates.size(); ++k) {
            predicates[k].clauses.resize(cp.clauseCounts[k]);
            predicates[k].indexes.clear();
        }
        for (auto it = ruleTypes.begin(); it != ruleTypes.end();) {
            std::size_t keep = 0;
            for (const auto& [name, count] : cp.typeCounts)
                if (name == it->first) keep = count;
            it->second.resize(keep);
            it = it->second.empty() ? ruleTypes.erase(it) : std::next(it);
        }
        for (auto it = positions.begin(); it != positions.end();)
            it = it->first >= cp.code ? positions.erase(it) : std::next(it);
        sources.resize(cp.sources);
        warnings.resize(cp.warnings);
    };

    const std::uint32_t source = addSource(file, text);
    // Room for every rule at once, guessed by counting ';' (each rule ends
    // in one): growing by doubling touched each page of a million facts'
    // clauses and cells several times, and page faults were a third of the load.
    const auto rulesAtMost = static_cast<std::size_t>(std::count(text.begin(), text.end(), ';'));
    // Geometric still: many small loads must not copy the arenas each time.
    auto makeRoom = [](auto& v, std::size_t more) {
        if (v.capacity() - v.size() < more) v.reserve(std::max(v.size() + more, 2 * v.capacity()));
    };
    makeRoom(clauses, rulesAtMost);
    makeRoom(code, 3 * rulesAtMost);
    try {
        // Plain rules are compiled as the parser finishes each one, so a
        // file of 1,000,000 facts never holds a million rule trees. The
        // order of what a load reports stays as if the whole file were
        // parsed first (Oso does): a parse error anywhere wins over a rule's
        // compile error, which waits (`deferred`) until the file has parsed
        // and rule types, compiled first, have had their say; the rules'
        // warnings follow those of resource blocks.
        std::vector<std::uint32_t> added;
        std::vector<Warning> ruleWarnings;
        std::exception_ptr deferred;
        bool anyRuleCallsHasPermission = false;
        Compiler ruleCompiler(*this, code, true, source, positions);
        const Parser::RuleSink compileRule = [&](RuleAst&& rule) {
            if (deferred) return;
            anyRuleCallsHasPermission = anyRuleCallsHasPermission || callsHasPermission(rule.body);
            try {
                clauses.push_back(ruleCompiler.compileRule(rule, &ruleWarnings));
                added.push_back(static_cast<std::uint32_t>(clauses.size() - 1));
            } catch (const Error&) {
                deferred = std::current_exception();
            }
        };
        PolicyAst policy;
        try {
            policy = Parser(text).parsePolicy(compileRule);
        } catch (const ParseFailure& f) {
            throw Error(ErrorKind::Parse, f.subkind, f.message, sources[source].locate(f.offset));
        }
        // Resource blocks become ordinary rules and rule types, and fill the
        // Actor and Resource unions (resource_blocks.hpp); Oso's built-in rule
        // types come with the first load. The guard undoes the unions if this load fails.
        const UnionMembersGuard unionGuard(unionMembers);
        ExpandedBlocks blocks = expandResourceBlocks(*this, policy.resourceBlocks, source);
        policy.ruleTypes.insert(policy.ruleTypes.begin(), std::make_move_iterator(blocks.builtInTypes.begin()),
                                std::make_move_iterator(blocks.builtInTypes.end()));
        policy.ruleTypes.insert(policy.ruleTypes.end(), std::make_move_iterator(blocks.ruleTypes.begin()),
                                std::make_move_iterator(blocks.ruleTypes.end()));
        for (const auto& rule : blocks.rules)
            anyRuleCallsHasPermission = anyRuleCallsHasPermission || callsHasPermission(rule.body);
        warnMissingHasPermission(*this, policy.resourceBlocks, anyRuleCallsHasPermission);

        for (const auto& type : policy.ruleTypes) {
            Compiler compiler(*this, code, true, source, positions);
            clauses.push_back(compiler.compileRule(type, nullptr));
            checkRuleTypeHead(*this, clauses.back());
            ruleTypes[clauses.back().name].push_back(RuleType{static_cast<std::uint32_t>(clauses.size() - 1)});
        }
        if (deferred) std::rethrow_exception(deferred);
        for (auto& rule : blocks.rules) compileRule(std::move(rule));
        if (deferred) std::rethrow_exception(deferred);
        warnings.insert(warnings.end(), std::make_move_iterator(ruleWarnings.begin()),
                        std::make_move_iterator(ruleWarnings.end()));
        validateRuleTypes(*this, added);
        warnUnknownSpecializers(*this, added);
        for (const std::uint32_t id : added) {
            Predicate& p = ensurePredicate(clauses[id].name);
            p.clauses.push_back(id);
            p.indexes.clear();
            findGuard(clauses[id], code);
            findSelective(clauses[id], code);
            if (clauses[id].specs != kNone) p.anySpecializer = true;
        }
        validateCalls(*this, added);
        // Oso runs inline queries last to first; the first failure reported is the last one.
        for (auto it = policy.queries.rbegin(); it != policy.queries.rend(); ++it) {
            const InlineQueryAst& q = *it;
            Machine machine(*this);
            machine.startNode(q.term, source);
            if (!machine.next())
                throw Error(ErrorKind::Validation, "InlineQueryFailed",
                            "Inline query failed: " + sources[source].text.substr(q.term.start, q.term.end - q.term.start),
                            sources[source].locate(q.term.start));
        }
    } catch (...) {
        rollback();
        throw;
    }
}

} // namespace polar::detail
