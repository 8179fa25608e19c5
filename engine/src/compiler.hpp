// compiler.hpp — from parse tree to cells.
//
// Two jobs. First the rewrites Oso performs at load time: a lookup `x.a` or a
// construction `new Foo()` inside a goal becomes a fresh temporary computed
// by a goal of its own, hoisted to just before the goal in the nearest
// enclosing conjunction (`f(x.a)` runs as `.(x, "a", _value_1) and
// f(_value_1)`); expressions in rule heads move to the end of the body.
// Arithmetic stays in place and is evaluated where it stands, which gives
// the same answers as Oso's hoisting without a goal and a variable per
// operator.
//
// Second, emitting cells: variables become frame slots (TVar), `_` a fresh
// slot each time, lists become pairs, dictionaries sorted blocks, and every
// block without variables is marked ground so the solver can share it.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ast.hpp"
#include "cell.hpp"
#include "knowledge_base.hpp"

namespace polar::detail {

struct CompiledQuery {
    std::uint32_t body = 0;  // index of Header{count} then goal cells, in the target arena
    std::uint32_t frameSize = 0;
    std::vector<std::pair<std::string, std::uint32_t>> variables;  // named query variables → slot
};

class Compiler {
public:
    // Cells go to `out`; `inCode` says whether `out` is the knowledge base's
    // code arena (pointers get the kInCode flag) or a query heap.
    Compiler(KnowledgeBase& kb, std::vector<Cell>& out, bool inCode, std::uint32_t source,
             std::unordered_map<std::uint32_t, SourcePos>& positions);

    // May be called for many rules in turn (KnowledgeBase::load does).
    Clause compileRule(const RuleAst& rule, std::vector<Warning>* warnings);
    CompiledQuery compileQuery(const Node& term);

private:
    void flatten(const Node& conjunction, std::vector<Node>& goals);
    void rewriteGoal(Node goal, std::vector<Node>& goals);
    void hoistIn(Node& node, std::vector<Node>& goals);
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((noinline))
#endif
    void hoist(Node& lookup, std::vector<Node>& goals);
    Node temporary(const char* prefix, std::uint32_t offset);

    Cell emit(const Node& node);
    Cell emitList(const Node& node);
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((noinline))
#endif
    Cell emitCallWithKeywords(const Node& node);
    Cell emitBlock(Tag tag, std::uint64_t headerPayload, const std::vector<std::string>* keys,
                   const std::vector<Node>& values, std::uint32_t offset, bool sortKeys);
    std::uint32_t emitGoals(const std::vector<Node>& goals);
    std::uint32_t slot(const std::string& name);
    std::uint32_t append(const Cell& c);
    void checkSingletons(const RuleAst& rule, std::vector<Warning>& warnings);

    KnowledgeBase& m_kb;
    std::vector<Cell>& m_out;
    std::uint8_t m_spaceFlag;
    std::uint32_t m_source;
    std::unordered_map<std::uint32_t, SourcePos>& m_positions;
    std::unordered_map<std::string, std::uint32_t> m_slots;
    std::vector<std::pair<std::string, std::uint32_t>> m_order;  // first appearance order
    std::uint32_t m_frameSize = 0;
    std::uint32_t m_temporaries = 0;
    // compileRule's scratch, kept between the rules of a load so that
    // compiling a fact allocates nothing of its own.
    std::vector<const Node*> m_paramValues;
    std::vector<Cell> m_paramCells, m_specCells;
};

} // namespace polar::detail
