// ast.hpp — the parse tree, between the text and the compiled cells.
//
// The parser builds this small tree with byte offsets on every node; the
// compiler turns it into cells (compiler.hpp) and then it is dropped. Keeping
// a tree stage makes validation (singletons, rule types, resource blocks)
// and the rewrites Oso does at load time (hoisting lookups) plain tree walks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cell.hpp"

namespace polar::detail {

enum class NodeKind : std::uint8_t {
    Int, Float, Str, Bool,
    Var,              // text = name
    RestVar,          // `*name`, only as the last element of a List
    List,             // args = elements
    Dict,             // keys + args = values
    Call,             // text = name; args = positional then keyword values; keys = keyword names
    Op,               // op + args
    DictPattern,      // keys + args
    InstancePattern,  // text = class name; keys + args = fields
};

struct Node {
    NodeKind kind = NodeKind::Int;
    Operator op = Operator::And;
    // Levels in this subtree, 1 for a leaf (a parenthesised group counts as
    // a level too). The parser sets it as it builds each node and refuses
    // any tree higher than kMaxNesting (parser.hpp), so every later
    // recursive walk of the tree or its cells has a bounded depth. Nodes
    // built elsewhere (resource blocks, the compiler's rewrites) are shallow
    // and leave it at 1. It sits in padding: Node is no larger for it.
    std::uint16_t height = 1;
    std::int64_t integer = 0;
    double number = 0;
    bool boolean = false;
    std::string text;
    std::vector<Node> args;
    std::vector<std::string> keys;  // Dict/pattern keys, or a Call's keyword-argument names
    std::uint32_t start = 0;        // byte offsets into the source
    std::uint32_t end = 0;

    std::size_t positionalCount() const { return args.size() - (kind == NodeKind::Call ? keys.size() : 0); }
};

struct ParamAst {
    Node value;
    // Held on the heap: most parameters have none, and an inline
    // optional<Node> made every parameter 248 bytes instead of 128 (a third
    // of the peak memory of loading 1,000,000 two-argument facts).
    std::unique_ptr<Node> specializer;

    ParamAst() = default;
    // Copies are deep, as with the optional it replaces (resource blocks
    // build rules from lists of parameters).
    ParamAst(const ParamAst& other) : value(other.value), specializer(copyOf(other.specializer)) {}
    ParamAst& operator=(const ParamAst& other) {
        value = other.value;
        specializer = copyOf(other.specializer);
        return *this;
    }
    ParamAst(ParamAst&&) noexcept = default;
    ParamAst& operator=(ParamAst&&) noexcept = default;

private:
    static std::unique_ptr<Node> copyOf(const std::unique_ptr<Node>& node) {
        return node ? std::make_unique<Node>(*node) : nullptr;
    }
};

struct RuleAst {
    std::string name;
    std::vector<ParamAst> params;
    Node body;  // always an And operation
    std::uint32_t start = 0;
    std::uint32_t headEnd = 0;
    std::uint32_t end = 0;  // offset just past the ';'
};

// One line of a resource block: a declaration (`roles = [...]`,
// `relations = {...}`) or a shorthand rule (`"read" if "reader" on "parent";`).
// Every piece keeps its offset: Oso reports resource-block errors at the
// exact string or class name at fault (resource_blocks.cpp).
struct ResourceProduction {
    enum class Kind { Declaration, Shorthand } kind = Kind::Declaration;
    std::string keyword;  // declaration name
    // Declaration value: a List of Str nodes, or a Dict whose values are Var
    // nodes naming classes (`{parent: Organization}`; `{p}` means `{p: p}`).
    Node value;
    std::string head;     // shorthand: implied string
    std::string implier;  // shorthand: implying string
    std::optional<std::string> relation;  // shorthand: `on "relation"`
    // The word before the relation: "on", or whatever Oso's grammar let
    // through there, which validation rejects ("Unexpected relation keyword").
    std::string relationKeyword;
    std::uint32_t implierStart = 0;
    std::uint32_t relationKeywordStart = 0;
    std::uint32_t relationStart = 0;
    std::uint32_t headEnd = 0;  // just past the head string
    std::uint32_t start = 0;    // the head string, or the declaration name
    std::uint32_t end = 0;
};

struct ResourceBlockAst {
    std::optional<std::string> keyword;  // "actor" or "resource" (anything else is rejected later)
    std::string name;                    // the class
    std::vector<ResourceProduction> productions;
    std::uint32_t start = 0;  // the keyword, or the name when there is none
    std::uint32_t nameStart = 0;
    std::uint32_t end = 0;
};

struct InlineQueryAst {
    Node term;
    std::uint32_t start = 0;
};

struct PolicyAst {
    std::vector<RuleAst> rules;
    std::vector<RuleAst> ruleTypes;
    std::vector<InlineQueryAst> queries;
    std::vector<ResourceBlockAst> resourceBlocks;
};

// Why the parser stopped: the subkind is Oso's ParseError name.
struct ParseFailure {
    std::string subkind;
    std::string message;
    std::uint32_t offset;
};

} // namespace polar::detail
