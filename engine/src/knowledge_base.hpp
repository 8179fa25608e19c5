// knowledge_base.hpp — everything a Polar instance knows: rules, rule types,
// sources, symbols, and the shared state queries read (limits, observers).
//
// Compiled rules live in one code arena (`code`) of cells; a Clause records
// where its parameters, specializers and body start. Rules with the same
// name form a Predicate, found by symbol id in O(1) (`predicateOf`), never by
// comparing names. Each predicate keeps its clauses in source order plus
// lazily built argument indexes: for argument position p, a hash from the
// constant in that position to the clauses that have it, and the list of
// clauses that could match anything there. A call with a constant argument
// then looks at a few clauses instead of all 100,000.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "arg_index.hpp"
#include "cell.hpp"
#include "polar/error.hpp"
#include "polar/observer.hpp"
#include "polar/polar.hpp"
#include "symbols.hpp"

namespace polar::detail {

inline constexpr std::uint32_t kNone = 0xffffffffu;

struct Source {
    std::string file;
    std::string text;
    std::vector<std::uint32_t> lineStarts;  // byte offset of each line
    SourceLocation locate(std::uint32_t offset) const;
};

// Where a compiled term came from: source index and byte offset.
struct SourcePos {
    std::uint32_t source = kNone;
    std::uint32_t offset = 0;
};

struct Clause {
    std::uint32_t name = 0;      // symbol id of the predicate
    std::uint32_t arity = 0;
    std::uint32_t params = 0;    // code index of `arity` parameter cells
    std::uint32_t specs = kNone; // code index of `arity` specializer cells (Nil = none)
    std::uint32_t body = 0;      // code index of Header{count} followed by goal cells
    std::uint32_t frameSize = 0; // variables, including temporaries
    std::uint32_t source = kNone;
    std::uint32_t start = 0, end = 0;  // byte range of the rule text, for traces
    std::uint32_t headEnd = 0;         // end of the head `name(params)`
    // A body that opens with a comparison of a parameter with a number
    // (`n > 0`): the code index of that comparison's header, the parameter's
    // position, and which side it is on. kNone when the body opens otherwise.
    std::uint32_t guard = kNone;
    std::uint32_t guardParam = 0;
    bool guardParamLeft = true;
    // The parameters rule selection must look at (bit k: parameter k is
    // not a plain variable, or has a specializer); all bits when the rule has
    // more than 64. Most parameters of most rules take anything, and testing
    // only the others halves the cost of choosing a rule. Set by load for
    // every clause that joins a predicate; none until then.
    std::uint64_t selective = 0;
};

// Fills Clause::selective (see there) from the compiled rule.
void findSelective(Clause& c, const std::vector<Cell>& code);

// Fills Clause::guard (see there) from the compiled rule.
void findGuard(Clause& c, const std::vector<Cell>& code);

struct Predicate {
    std::uint32_t name = 0;
    std::vector<std::uint32_t> clauses;  // clause ids in source order
    bool anySpecializer = false;
    std::vector<ArgIndex> indexes;       // per argument position, built on demand
};

struct RuleType {
    std::uint32_t clause;  // compiled like a rule with an empty body
};

// A registered host class: its definition and its method resolution order
// (the class, then its bases breadth-first), as symbols.
struct HostClass {
    ClassDef def;
    std::uint32_t symbol = 0;
    mutable std::vector<std::uint32_t> mro;  // computed on first use (bases may register later)
};

// The key of a constant for indexing: equal keys for values that unify
// (1 and 1.0 unify in Polar, so integral floats key as integers).
bool indexKey(const Cell& c, std::uint64_t& key);

struct MachineStacks;  // machine.hpp

class KnowledgeBase {
public:
    KnowledgeBase();
    ~KnowledgeBase();

    SymbolTable symbols;
    std::vector<Cell> code;
    std::vector<Clause> clauses;
    std::vector<Predicate> predicates;
    std::vector<std::int32_t> predicateOf;  // symbol id → predicate index, -1 when none
    std::unordered_map<std::uint32_t, std::vector<RuleType>> ruleTypes;  // by name symbol
    std::vector<Source> sources;
    std::unordered_map<std::uint32_t, SourcePos> positions;  // code index of a header → source
    std::unordered_map<std::uint32_t, Cell> constants;       // name symbol → value (nil, ...)
    std::vector<Value> constantValues;                       // host values of registered constants
    std::vector<std::unique_ptr<HostClass>> hostClasses;
    std::unordered_map<std::type_index, const HostClass*> classByType;
    std::unordered_map<std::uint32_t, const HostClass*> classBySymbol;
    // Union types from resource blocks: "Actor" and "Resource" → member class symbols.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> unionMembers;
    std::vector<Warning> warnings;

    Limits limits;
    std::vector<Observer*> observers;
    std::vector<std::shared_ptr<Observer>> ownedObservers;  // from default factories
    std::ostream* printStream;
    std::uint64_t generation = 0;  // bumped by clearRules: live queries notice
    // The emptied stacks of the last query that ended, for the next one to
    // start with (Machine's constructor and destructor): allocating them
    // afresh was a tenth of an isAllowed decision.
    std::unique_ptr<MachineStacks> spareStacks;

    // Well-known symbols.
    struct {
        std::uint32_t Integer, Float, String, Boolean, List, Dictionary, Nil;
    } sym{};

    void load(std::string_view text, std::string_view file);
    void registerClass(const ClassDef& def);
    void resetUnions();
    void registerConstant(std::string_view name, const Value& value);
    // A host value as a cell of the code arena: lists and dictionaries become
    // blocks; instances stay in constantValues, named by a Tag::Instance cell
    // with kInCode that each query imports into its own instance table.
    Cell constantCell(const Value& value);
    const ClassDef* classNamed(std::uint32_t symbol) const {
        auto it = classBySymbol.find(symbol);
        return it == classBySymbol.end() ? nullptr : &it->second->def;
    }
    // Asked for every instance a rule looks at (isa, lookups, calls): a
    // small cache keyed by the address of the type's name spares hashing
    // that name each time (std::hash<type_index> hashes the whole string;
    // it was a tenth of an isAllowed decision). Safe: distinct types never
    // share a name address, and one type seen under two addresses just
    // takes two entries.
    const HostClass* hostClass(std::type_index type) const {
        const char* name = type.name();
        TypeCacheEntry& entry = m_typeCache[(reinterpret_cast<std::uintptr_t>(name) >> 4) % kTypeCacheSize];
        if (entry.name == name) return entry.cls;
        auto it = classByType.find(type);
        const HostClass* cls = it == classByType.end() ? nullptr : it->second;
        entry = TypeCacheEntry{name, cls};
        return cls;
    }
    // The class, then its bases, as symbols.
    const std::vector<std::uint32_t>& mro(const HostClass& cls) const;
    // Walks from an object of `from` to the subobject of type `to` through
    // registered bases; nullptr when `to` is not `from` or one of its bases.
    void* upcast(void* object, std::type_index from, std::type_index to) const;
    void clear();

    Predicate* predicateFor(std::uint32_t nameSymbol) {
        return nameSymbol < predicateOf.size() && predicateOf[nameSymbol] >= 0
                   ? &predicates[static_cast<std::size_t>(predicateOf[nameSymbol])]
                   : nullptr;
    }
    Predicate& ensurePredicate(std::uint32_t nameSymbol);
    const ArgIndex& argIndex(Predicate& p, std::uint32_t position);

    std::optional<SourceLocation> locate(SourcePos pos) const;
    std::optional<SourceLocation> locateCode(std::uint32_t codeIndex) const;
    std::string clauseText(const Clause& c) const;
    // `f(x) at line 1, column 7`, as Oso lists applicable rules.
    std::string clauseHead(const Clause& c) const;
    std::uint32_t addSource(std::string_view file, std::string_view text);

private:
    // hostClass()'s cache; emptied whenever a class registers.
    struct TypeCacheEntry {
        const char* name = nullptr;
        const HostClass* cls = nullptr;
    };
    static constexpr std::size_t kTypeCacheSize = 16;  // more classes than a policy's hot path touches
    mutable TypeCacheEntry m_typeCache[kTypeCacheSize];
};

} // namespace polar::detail

namespace polar::detail {
// Rule types (rule_types.cpp): every new rule whose name has rule types must
// match one of them, as in Oso; throws ValidationError::InvalidRule.
void validateRuleTypes(KnowledgeBase& kb, const std::vector<std::uint32_t>& added);
// Oso refuses a rule type whose head holds a lookup (`type f(x, x.y)`):
// ValidationError::InvalidRuleType.
void checkRuleTypeHead(const KnowledgeBase& kb, const Clause& type);
// Oso warns (does not fail) about specializers naming no known class.
void warnUnknownSpecializers(KnowledgeBase& kb, const std::vector<std::uint32_t>& added);
// Oso refuses a rule body that calls a name no rule defines.
void validateCalls(KnowledgeBase& kb, const std::vector<std::uint32_t>& added);
} // namespace polar::detail
