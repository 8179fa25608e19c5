// Terms as text and as host values: Polar syntax for traces, errors and
// print(), and the conversion to and from polar::Value at the API boundary.
#include <cstdio>
#include <algorithm>
#include <string>
#include <vector>

#include "machine.hpp"
#include "polar/error.hpp"

namespace polar::detail {
namespace {

// Terms deeper than this print as "..." and refuse conversion: the limit
// keeps the recursive printers within a small, fixed C++ stack.
constexpr int kMaxPrintNesting = 1000;
// The most text a term is printed to when the caller asks for all of it
// (print(), error messages): 16 MiB holds a 1,000,000-element list of
// numbers twice over, and bounds what a hostile term can make us write.
constexpr std::size_t kMaxWholeText = std::size_t{16} << 20;

std::string quote(const std::string& s) { return Value(s).toPolar(); }

// At most maxBytes bytes, the last three of them "..." when anything was cut.
std::string cut(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    if (maxBytes < 3) return std::string(maxBytes, '.');
    text.resize(maxBytes - 3);
    // Never leave half a UTF-8 sequence before the ellipsis: drop trailing
    // continuation bytes (10xxxxxx), then the lead byte they belonged to.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();
    return text + "...";
}

} // namespace

const char* operatorSymbol(Operator op) {
    switch (op) {
    case Operator::And: return "and";
    case Operator::Or: return "or";
    case Operator::Not: return "not";
    case Operator::Unify: return "=";
    case Operator::Assign: return ":=";
    case Operator::Eq: return "==";
    case Operator::Neq: return "!=";
    case Operator::Lt: return "<";
    case Operator::Leq: return "<=";
    case Operator::Gt: return ">";
    case Operator::Geq: return ">=";
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mul: return "*";
    case Operator::Div: return "/";
    case Operator::Mod: return "mod";
    case Operator::Rem: return "rem";
    case Operator::In: return "in";
    case Operator::Isa: return "matches";
    case Operator::ForAll: return "forall";
    case Operator::Cut: return "cut";
    case Operator::Print: return "print";
    case Operator::Debug: return "debug";
    case Operator::Dot: return ".";
    case Operator::New: return "new";
    }
    return "?";
}

std::string Machine::format(Cell c, std::size_t maxBytes) const {
    // "Whole" text is still bounded: a term that shares sub-terms can stand
    // for more text than memory holds (x0 = [x1, x1], x1 = [x2, x2], ...).
    maxBytes = std::min(maxBytes, kMaxWholeText);
    std::string out;
    // One byte over the budget tells cut() that something was left out.
    printTerm(c, out, maxBytes + 1);
    return cut(std::move(out), maxBytes);
}

// Follows variables from `c` to what they stand for. A bound variable whose
// value is a list, dictionary or call is "open" while its value is printed
// or converted; met a third time on one path, the term contains itself, and
// like Oso we show it expanded twice and then as the variable `_this`
// (`x = [1, *x]` is `[1, 1, *_this]`). Returns the variable it opened (to
// close when its value is done), kNoVariable, or kSelfReference.
std::uint64_t Machine::derefOpening(Cell& c, SelfReferences& open) const {
    while (c.tag == Tag::Var) {
        const Cell& target = m_heap[c.u];
        if (target.tag == Tag::Var && target.u == c.u) return kNoVariable;  // unbound
        if (target.isPointer()) {
            int& times = open[c.u];
            if (times == 2) return kSelfReference;
            ++times;
            const std::uint64_t var = c.u;
            c = target;
            return var;
        }
        c = target;
    }
    return kNoVariable;
}

void Machine::closeOpened(std::uint64_t var, SelfReferences& open) {
    if (var == kNoVariable || var == kSelfReference) return;
    if (auto it = open.find(var); it != open.end() && --it->second == 0) open.erase(it);
}

void Machine::printTerm(Cell c, std::string& text, std::size_t limit) const {
    struct Printer {
        const Machine& m;
        std::size_t limit;
        std::string& out;
        SelfReferences open;
        bool full() const { return out.size() >= limit; }
        void term(Cell c, int nesting) {
            if (full()) return;  // the caller cuts the text there anyway
            m.tick();
            if (nesting > kMaxPrintNesting) {
                out += "...";
                return;
            }
            const std::uint64_t opened = m.derefOpening(c, open);
            if (opened == kSelfReference) {
                out += "_this";
                return;
            }
            value(c, nesting);
            closeOpened(opened, open);
        }
        void value(Cell c, int nesting) {
            switch (c.tag) {
            case Tag::Var: out += "_" + std::to_string(c.u); return;
            case Tag::TVar: out += m.m_kb.symbols.text(c.aux); return;
            case Tag::Int: out += std::to_string(c.i); return;
            case Tag::Float: out += Value(c.f).toPolar(); return;
            case Tag::Str: out += quote(m.m_kb.symbols.text(c.u)); return;
            case Tag::Bool: out += c.u ? "true" : "false"; return;
            case Tag::Nil: out += "nil"; return;
            case Tag::Empty: out += "[]"; return;
            case Tag::Instance: instance(c); return;
            case Tag::Header: out += "<header>"; return;
            case Tag::Class: out += m.m_kb.symbols.text(c.u); return;
            case Tag::Cons: list(c, nesting); return;
            case Tag::Dict:
            case Tag::DictPattern:
            case Tag::InstancePattern: {
                const Cell h = m.cellAt(c, 0);
                if (c.tag == Tag::InstancePattern) out += m.m_kb.symbols.text(h.u);
                if (c.tag == Tag::InstancePattern && h.aux == 0) return;
                out += '{';
                for (std::uint32_t k = 0; k < h.aux && !full(); ++k) {
                    if (k) out += ", ";
                    out += m.m_kb.symbols.text(m.cellAt(c, 1 + 2 * k).u) + ": ";
                    term(m.cellAt(c, 2 + 2 * k), nesting + 1);
                }
                out += '}';
                return;
            }
            case Tag::Call: {
                const Cell h = m.cellAt(c, 0);
                out += m.m_kb.symbols.text(h.u) + "(";
                for (std::uint32_t k = 0; k < h.aux && !full(); ++k) {
                    if (k) out += ", ";
                    term(m.cellAt(c, 1 + k), nesting + 1);
                }
                out += ')';
                return;
            }
            case Tag::Op: operation(c, nesting); return;
            }
        }
        void instance(Cell c) {
            const Value& v = m.m_instances[c.u];
            if (!v.isInstance()) {
                out += "<iterator>";
                return;
            }
            const Instance& i = v.asInstance();
            const HostClass* cls = m.m_kb.hostClass(i.type());
            if (cls && cls->def.repr) {
                out += cls->def.repr(i.object());
            } else {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%p", i.object());
                out += (cls ? cls->def.name : std::string("Instance")) + "<" + buf + ">";
            }
        }
        // Tails are a loop, not recursion: a list's length is not its depth.
        void list(Cell c, int nesting) {
            out += '[';
            std::vector<std::uint64_t> openedTails;
            for (bool first = true; !full(); first = false) {
                m.tick();
                if (!first) out += ", ";
                term(m.cellAt(c, 0), nesting + 1);
                Cell tail = m.cellAt(c, 1);
                const std::uint64_t opened = m.derefOpening(tail, open);
                if (opened == kSelfReference) {
                    out += ", *_this";
                    break;
                }
                if (opened != kNoVariable) openedTails.push_back(opened);
                if (tail.tag == Tag::Cons) {
                    c = tail;
                    continue;
                }
                if (tail.tag != Tag::Empty) {
                    out += ", *";
                    value(tail, nesting + 1);
                }
                break;
            }
            for (const std::uint64_t var : openedTails) closeOpened(var, open);
            out += ']';
        }
        void operation(Cell c, int nesting) {
            const Cell h = m.cellAt(c, 0);
            const auto op = static_cast<Operator>(h.u);
            if (op == Operator::Cut) {
                out += "cut";
            } else if (op == Operator::Not) {
                out += "not ";
                term(m.cellAt(c, 1), nesting + 1);
            } else if (op == Operator::Dot && h.aux >= 2) {
                term(m.cellAt(c, 1), nesting + 1);
                out += '.';
                const Cell field = m.cellAt(c, 2);
                if (field.tag == Tag::Str) out += m.m_kb.symbols.text(field.u);
                else term(field, nesting + 1);
            } else if (h.aux == 2 && op != Operator::ForAll) {
                term(m.cellAt(c, 1), nesting + 1);
                out += std::string(" ") + operatorSymbol(op) + " ";
                term(m.cellAt(c, 2), nesting + 1);
            } else if (op == Operator::And || op == Operator::Or) {
                for (std::uint32_t k = 0; k < h.aux && !full(); ++k) {
                    if (k) out += std::string(" ") + operatorSymbol(op) + " ";
                    term(m.cellAt(c, 1 + k), nesting + 1);
                }
            } else {
                out += std::string(operatorSymbol(op)) + "(";
                for (std::uint32_t k = 0; k < h.aux && !full(); ++k) {
                    if (k) out += ", ";
                    term(m.cellAt(c, 1 + k), nesting + 1);
                }
                out += ')';
            }
        }
    };
    Printer p{*this, limit, text, {}};
    p.term(c, 0);
}

// A term as a host Value. Self-references become `_this` as in printing;
// what is built is counted against Limits::maxHeapBytes, since a term that
// shares sub-terms can stand for a tree larger than memory.
Value Machine::toValue(Cell c) const {
    struct Converter {
        const Machine& m;
        SelfReferences open;
        std::size_t bytes = 0;
        void count(std::size_t more) {
            bytes += more;
            m.m_valueBytes = bytes;
            m.tick();
        }
        Value term(Cell c, int nesting) {
            if (nesting > kMaxPrintNesting)
                throw Error(ErrorKind::Runtime, "Unsupported",
                            "result nested more than " + std::to_string(kMaxPrintNesting) +
                                " levels deep cannot be converted");
            count(sizeof(Value));
            const std::uint64_t opened = m.derefOpening(c, open);
            if (opened == kSelfReference) return Value(Value::Variable{"_this"});
            Value v = value(c, nesting);
            closeOpened(opened, open);
            return v;
        }
        Value value(Cell c, int nesting) {
            switch (c.tag) {
            case Tag::Int: return Value(static_cast<long long>(c.i));
            case Tag::Float: return Value(c.f);
            case Tag::Str: {
                const std::string& text = m.m_kb.symbols.text(c.u);
                count(text.size());
                return Value(text);
            }
            case Tag::Bool: return Value(c.u != 0);
            case Tag::Nil: return Value();
            case Tag::Empty: return Value(Value::List{});
            case Tag::Cons: return list(c, nesting);
            case Tag::Dict: {
                Value::Dict dict;
                const Cell h = m.cellAt(c, 0);
                for (std::uint32_t k = 0; k < h.aux; ++k)
                    dict.emplace(m.m_kb.symbols.text(m.cellAt(c, 1 + 2 * k).u), term(m.cellAt(c, 2 + 2 * k), nesting + 1));
                return Value(std::move(dict));
            }
            case Tag::Var: return Value(Value::Variable{m.format(c)});
            case Tag::Instance: {
                Value v = m.m_instances[c.u];
                if (v.isInstance() && v.asInstance().className().empty()) {
                    if (const HostClass* cls = m.m_kb.hostClass(v.asInstance().type())) {
                        Instance named = v.asInstance();
                        named.setClassName(cls->def.name);
                        return Value(std::move(named));
                    }
                }
                return v;
            }
            default: return Value(m.format(c));
            }
        }
        Value list(Cell c, int nesting) {
            Value::List list;
            std::vector<std::uint64_t> openedTails;
            for (;;) {
                list.push_back(term(m.cellAt(c, 0), nesting + 1));
                Cell tail = m.cellAt(c, 1);
                const std::uint64_t opened = m.derefOpening(tail, open);
                if (opened == kSelfReference) {
                    list.push_back(Value(Value::Variable{"*_this"}));
                    break;
                }
                if (opened != kNoVariable) openedTails.push_back(opened);
                if (tail.tag == Tag::Cons) {
                    c = tail;
                    continue;
                }
                if (tail.tag != Tag::Empty) list.push_back(Value(Value::Variable{"*" + m.format(tail)}));
                break;
            }
            for (const std::uint64_t var : openedTails) closeOpened(var, open);
            return Value(std::move(list));
        }
    };
    Converter converter{*this, {}};
    Value v = converter.term(c, 0);
    m_valueBytes = 0;
    return v;
}

Cell Machine::fromValue(const Value& v, NamedVariables* named) {
    const auto& d = v.data();
    if (std::holds_alternative<std::monostate>(d)) return Cell::makeNil();
    if (auto* b = std::get_if<bool>(&d)) return Cell::makeBool(*b);
    if (auto* i = std::get_if<std::int64_t>(&d)) return Cell::makeInt(*i);
    if (auto* f = std::get_if<double>(&d)) return Cell::makeFloat(*f);
    if (auto* s = std::get_if<std::string>(&d)) return Cell::makeStr(m_kb.symbols.intern(*s));
    // A list or dictionary holding a variable (queryRule("f", [Variable{"x"}]))
    // is not marked ground: the flag promises no variable inside, and the
    // collector and template code skip what carries it.
    auto isGround = [](const Cell& c) { return c.tag != Tag::Var && (!c.isPointer() || c.isGround()); };
    if (auto* l = std::get_if<Value::List>(&d)) {
        if (l->empty()) return Cell::makeEmpty();
        // The pairs are laid down first and filled by index (an element that
        // is itself a list writes its cells after them), so a host list
        // costs no vector of its own: lists come back from attribute
        // lookups in every isAllowed decision. Every cell is written before
        // an element is converted, so a limit hit halfway leaves no
        // uninitialised cell behind.
        const std::size_t count = l->size();
        const auto base = static_cast<std::uint32_t>(m_heap.size());
        m_heap.resize(m_heap.size() + 2 * count);
        for (std::size_t k = 0; k < count; ++k) {
            m_heap[base + 2 * k] = Cell::makeNil();
            m_heap[base + 2 * k + 1] =
                k + 1 < count ? Cell::makePtr(Tag::Cons, static_cast<std::uint32_t>(base + 2 * (k + 1)), kGround)
                              : Cell::makeEmpty();
        }
        bool ground = true;
        for (std::size_t k = 0; k < count; ++k) {
            const Cell element = fromValue((*l)[k], named);
            m_heap[base + 2 * k] = element;
            ground = ground && isGround(element);
        }
        if (!ground)
            for (std::size_t k = 0; k + 1 < count; ++k) m_heap[base + 2 * k + 1].flags = 0;
        return Cell::makePtr(Tag::Cons, base, ground ? kGround : 0);
    }
    if (auto* m = std::get_if<Value::Dict>(&d)) {
        std::vector<std::pair<std::uint32_t, Cell>> fields;
        bool ground = true;
        for (const auto& [key, value] : *m) {
            fields.emplace_back(m_kb.symbols.intern(key), fromValue(value, named));
            ground = ground && isGround(fields.back().second);
        }
        const auto header = static_cast<std::uint32_t>(m_heap.size());
        m_heap.push_back(Cell::makeHeader(0, static_cast<std::uint32_t>(fields.size())));
        for (const auto& [key, value] : fields) {  // std::map keeps keys sorted by text
            m_heap.push_back(Cell::makeStr(key));
            m_heap.push_back(value);
        }
        return Cell::makePtr(Tag::Dict, header, static_cast<std::uint8_t>(ground ? kGround : 0));
    }
    if (std::holds_alternative<Instance>(d) || std::holds_alternative<Iterator>(d)) {
        Cell c;
        c.tag = Tag::Instance;
        c.u = m_instances.size();
        m_instances.push_back(v);
        return c;
    }
    // A Variable value: a fresh unbound variable, or the one of that name.
    const std::string& name = std::get<Value::Variable>(d).name;
    if (named) {
        for (const auto& [known, index] : *named)
            if (known == name) return Cell::makeVar(index);
    }
    const auto index = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(Cell::makeVar(index));
    if (named) named->emplace_back(name, index);
    return Cell::makeVar(index);
}

// ---- EventDetail -----------------------------------------------------------------

std::string Machine::goalText(std::size_t maxBytes) const {
    if (m_detailCall.tag != Tag::Call)
        return m_current ? format(m_current->inCode ? m_kb.code[m_current->term] : m_heap[m_current->term], maxBytes)
                         : cut(m_text, maxBytes);
    const Cell h = cellAt(m_detailCall, 0);
    const std::size_t limit = maxBytes == kWholeText ? maxBytes : maxBytes + 1;  // as in format()
    std::string out = m_kb.symbols.text(h.u) + "(";
    for (std::uint32_t k = 0; k < h.aux && out.size() < limit; ++k) {
        if (k) out += ", ";
        printTerm(m_heap[m_detailArgs + k], out, limit);
    }
    return cut(out + ")", maxBytes);
}

std::vector<std::string> Machine::applicableRules() const {
    std::vector<std::string> rules;
    for (std::uint32_t k = m_detailAltBegin; k < m_detailAltEnd && k < m_alts.size(); ++k)
        rules.push_back(m_kb.clauseHead(m_kb.clauses[m_alts[k]]));
    return rules;
}

std::string Machine::ruleText() const {
    return m_detailClause == kNone ? std::string() : m_kb.clauseText(m_kb.clauses[m_detailClause]);
}

std::vector<std::pair<std::string, std::string>> Machine::bindings(std::size_t maxBytesEach) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, index] : m_variables) {
        const Cell v = deref(Cell::makeVar(index));
        if (v.tag != Tag::Var) out.emplace_back(name, format(v, maxBytesEach));
    }
    return out;
}

} // namespace polar::detail
