// cell.hpp — the engine's one term representation: 16-byte cells.
//
// All Polar terms, in compiled rules (the "code" arena of the knowledge base)
// and at run time (a query's heap), are flat arrays of Cells. A cell is an
// atomic value (integer, float, string, boolean, nil, empty list) or a
// pointer to a block of cells (a list pair, a dictionary, a call, an
// operation, a pattern). Pointers are indices, not addresses, so arenas can
// grow; a flag says which arena a pointer refers to, which lets run-time
// terms share ground sub-terms of compiled rules instead of copying them.
//
// Variables: at run time a variable is a heap cell of tag Var whose payload is
// its own index while unbound, or the index of what it is bound to. In
// compiled rules a variable is a TVar holding its slot number in the rule's
// frame; calling the rule reserves a frame of fresh Vars on the heap, so slot
// k of a call is heap[frame + k]. This is why calling a rule copies nothing.
//
// Blocks: a compound cell points at a header cell (tag Header) whose `aux`
// is the element count and whose `u` carries the functor, operator or class
// symbol; the elements follow the header. A list pair is two cells (head,
// tail) with no header, as in Prolog, so `[a, *rest]` is just a pair whose
// tail is a variable.
#pragma once

#include <cstdint>
#include <cstring>

namespace polar::detail {

enum class Tag : std::uint8_t {
    Var,       // heap variable: u = index it points to (itself when unbound)
    TVar,      // rule-template variable: u = frame slot
    Int,       // i
    Float,     // f
    Str,       // u = symbol id of the string
    Bool,      // u = 0 or 1
    Nil,       // nil
    Empty,     // the empty list []
    Cons,      // u = index of a (head, tail) pair
    Dict,      // u = header: aux = n fields, then n (key Str, value) pairs sorted by key text
    Call,      // u = header: Header{u = name symbol, aux = arity}, then args
    Op,        // u = header: Header{u = Operator, aux = arity}, then args
    DictPattern,      // u = header of a dictionary block, as Dict (pattern: subset match)
    InstancePattern,  // u = header: Header{u = class symbol, aux = n}, then n key/value pairs
    Instance,  // u = host instance id (issue 3: host classes)
    Class,     // a class as a value (the constant `Integer`): u = class symbol
    Header,    // block header, see above
};

// Flag on unbound variable cells (in `aux`): goals are suspended on it and
// wake when it is bound (Oso's deferred constraints, like `x > 1` before x
// has a value).
inline constexpr std::uint32_t kHasSuspensions = 1;
// Flag on an unbound query variable that a rule parameter was tied to.
inline constexpr std::uint32_t kAliased = 2;

// Flags on pointer cells.
inline constexpr std::uint8_t kInCode = 1;  // the block lives in the knowledge base's code arena
inline constexpr std::uint8_t kGround = 2;  // the term holds no variable (shareable as is)

struct Cell {
    Tag tag = Tag::Nil;
    std::uint8_t flags = 0;
    std::uint16_t spare = 0;
    std::uint32_t aux = 0;
    union {
        std::int64_t i;
        double f;
        std::uint64_t u = 0;
    };

    static Cell makeInt(std::int64_t v) { Cell c; c.tag = Tag::Int; c.i = v; return c; }
    static Cell makeFloat(double v) { Cell c; c.tag = Tag::Float; c.f = v; return c; }
    static Cell makeStr(std::uint32_t sym) { Cell c; c.tag = Tag::Str; c.u = sym; return c; }
    static Cell makeBool(bool v) { Cell c; c.tag = Tag::Bool; c.u = v ? 1 : 0; return c; }
    static Cell makeNil() { return Cell{}; }
    static Cell makeEmpty() { Cell c; c.tag = Tag::Empty; return c; }
    static Cell makeVar(std::uint64_t index) { Cell c; c.tag = Tag::Var; c.u = index; return c; }
    static Cell makeTVar(std::uint32_t slot) { Cell c; c.tag = Tag::TVar; c.u = slot; return c; }
    static Cell makePtr(Tag tag, std::uint64_t index, std::uint8_t flags) {
        Cell c; c.tag = tag; c.u = index; c.flags = flags; return c;
    }
    static Cell makeHeader(std::uint64_t symbolOrOp, std::uint32_t count) {
        Cell c; c.tag = Tag::Header; c.u = symbolOrOp; c.aux = count; return c;
    }

    bool inCode() const { return flags & kInCode; }
    bool isGround() const { return flags & kGround; }
    bool isPointer() const {
        return tag == Tag::Cons || tag == Tag::Dict || tag == Tag::Call || tag == Tag::Op ||
               tag == Tag::DictPattern || tag == Tag::InstancePattern;
    }
    bool isAtomic() const {
        return tag == Tag::Int || tag == Tag::Float || tag == Tag::Str || tag == Tag::Bool ||
               tag == Tag::Nil || tag == Tag::Empty || tag == Tag::Instance || tag == Tag::Class;
    }
    bool isNumber() const { return tag == Tag::Int || tag == Tag::Float; }
};
static_assert(sizeof(Cell) == 16, "cells are two words: keep the heap dense");

// Operators of the language, the payload of Op headers. One list, in the
// spirit of Wren's opcode list: everything the solver can be asked to do
// with an expression is here.
enum class Operator : std::uint8_t {
    And, Or, Not,
    Unify, Assign,
    Eq, Neq, Lt, Leq, Gt, Geq,
    Add, Sub, Mul, Div, Mod, Rem,
    In, Isa,       // `x in y`, `x matches P`
    ForAll, Cut, Print, Debug,
    Dot,           // hoisted lookup: Dot(object, field-or-call, result)
    New,           // hoisted construction: New(call, result) — host classes
};

const char* operatorSymbol(Operator op);  // "and", "=", "+", ...
// Inline: the solver asks on every arithmetic expression it evaluates.
inline bool isArithmetic(Operator op) {
    return op == Operator::Add || op == Operator::Sub || op == Operator::Mul ||
           op == Operator::Div || op == Operator::Mod || op == Operator::Rem;
}
inline bool isComparison(Operator op) {
    return op == Operator::Eq || op == Operator::Neq || op == Operator::Lt ||
           op == Operator::Leq || op == Operator::Gt || op == Operator::Geq;
}

} // namespace polar::detail
