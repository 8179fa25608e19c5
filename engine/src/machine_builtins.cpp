// The operators of the language, one handler each: query() dispatches a
// goal's term to them. Arithmetic follows Oso: integer overflow is an error,
// `/` always gives a float, `mod` takes the divisor's sign and `rem` the
// dividend's, and mixing an integer with a float gives a float.
#include <cmath>
#include <cstring>
#include <limits>
#include <ostream>

#include "machine.hpp"
#include "polar/error.hpp"

namespace polar::detail {
namespace {

double asDouble(const Cell& c) { return c.tag == Tag::Int ? static_cast<double>(c.i) : c.f; }

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 1;
}

// Exact comparison of an integer with a float, without rounding the integer.
int compareIntFloat(std::int64_t i, double f) {
    if (std::isnan(f)) return 2;  // unordered
    if (f >= 9223372036854775808.0) return -1;
    if (f < -9223372036854775808.0) return 1;
    const double t = std::trunc(f);
    const auto ti = static_cast<std::int64_t>(t);
    if (i != ti) return i < ti ? -1 : 1;
    if (f > t) return -1;
    if (f < t) return 1;
    return 0;
}

} // namespace

void Machine::fail(const char* subkind, const std::string& message) {
    std::optional<SourceLocation> where;
    if (m_errorTerm.tag == Tag::Op) {
        Goal at;
        at.inCode = m_errorTerm.inCode();
        at.term = static_cast<std::uint32_t>(m_errorTerm.u);
        where = locationOfHeader(at);
    }
    if (!where && m_current) where = locationOf(*m_current);
    m_errorTerm = Cell{};
    throw Error(ErrorKind::Runtime, subkind, message, where);
}

std::optional<SourceLocation> Machine::locationOf(const Goal& g) const {
    const Cell& cell = g.inCode ? m_kb.code[g.term] : m_heap[g.term];
    if (!cell.isPointer()) return std::nullopt;
    Goal header = g;
    header.term = static_cast<std::uint32_t>(cell.u);
    return locationOfHeader(header);
}

// `g.term` is the index of a block header here.
std::optional<SourceLocation> Machine::locationOfHeader(const Goal& g) const {
    if (g.inCode) return m_kb.locateCode(g.term);
    auto it = m_positions.find(g.term);
    if (it == m_positions.end()) return std::nullopt;
    if (m_source.lineStarts.empty()) return std::nullopt;
    return m_source.locate(it->second.offset);
}

bool Machine::query(const Goal& g) {
    const Cell term = g.inCode ? m_kb.code[g.term] : m_heap[g.term];
    switch (term.tag) {
    case Tag::Call: return callRule(term, g);
    case Tag::Bool: return term.u != 0;
    case Tag::TVar:
    case Tag::Var: {
        const Cell v = deref(term.tag == Tag::TVar ? Cell::makeVar(g.frame + term.u) : term);
        if (v.tag == Tag::Bool) return v.u != 0;
        if (v.tag == Tag::Var) return unify(v, Cell::makeBool(true));  // as Oso: x alone means x = true
        fail("TypeError", format(v) + " isn't something that is true or false so can't be a condition");
    }
    case Tag::Op: break;
    default: fail("TypeError", format(term) + " isn't something that is true or false so can't be a condition");
    }

    const Cell header = cellAt(term, 0);
    const auto op = static_cast<Operator>(header.u);
    auto arg = [&](std::uint32_t k) { return cellAt(term, 1 + k); };
    switch (op) {
    case Operator::And: {
        Goal sub = g;
        for (std::uint32_t k = header.aux; k > 0; --k) {
            sub.term = static_cast<std::uint32_t>(term.u) + k;
            pushGoal(sub);
        }
        return true;
    }
    case Operator::Or: {
        if (header.aux == 0) return false;
        if (header.aux > 1) {
            ChoicePoint& cp = pushChoice(ChoiceKind::Or);
            cp.inCode = g.inCode;
            cp.branches = OrChoice{static_cast<std::uint32_t>(term.u), g.frame, 1, g.barrier};
#if POLAR_HOOKS
            if (m_observed) [[unlikely]]
                coldPath([&] {
                    for (Observer* o : m_kb.observers)
                        o->onBranch(BranchEvent{m_id, m_depth, static_cast<int>(header.aux), "or"});
                });
#endif
        }
        Goal first = g;
        first.term = static_cast<std::uint32_t>(term.u) + 1;
        pushGoal(first);
        return true;
    }
    case Operator::Not: {
        Goal inner = g;
        inner.term = static_cast<std::uint32_t>(term.u) + 1;
        return negate(inner);
    }
    case Operator::ForAll: {
        // forall(c, a) is not (c and not a).
        const std::uint32_t barrier = openNegation(nullptr);
        Goal action = g;
        action.kind = GoalKind::Negate;
        action.term = static_cast<std::uint32_t>(term.u) + 2;
        pushGoal(action);
        Goal condition = g;
        condition.term = static_cast<std::uint32_t>(term.u) + 1;
        condition.barrier = barrier;
        pushGoal(condition);
        return true;
    }
    case Operator::Cut: cutTo(g.barrier); return true;
    case Operator::Unify: return unify(resolve(arg(0), g.frame), resolve(arg(1), g.frame));
    case Operator::Assign: {
        const Cell var = arg(0);
        const std::uint64_t index = var.tag == Tag::TVar ? g.frame + var.u : var.u;
        const Cell target = m_heap[index];
        if (target.tag != Tag::Var || target.u != index)
            fail("TypeError", "Can only assign to unbound variables, " + format(arg(0)) +
                                  " is not unbound.");
        return unify(target, resolve(arg(1), g.frame));
    }
    case Operator::Eq:
    case Operator::Neq:
    case Operator::Lt:
    case Operator::Leq:
    case Operator::Gt:
    case Operator::Geq: {
        const Cell left = resolve(arg(0), g.frame);
        const Cell right = resolve(arg(1), g.frame);
        if (left.tag == Tag::Int && right.tag == Tag::Int) return compareInts(op, left.i, right.i);
        return compare(op, left, right);
    }
    case Operator::In: return in(g, resolve(arg(0), g.frame), resolve(arg(1), g.frame));
    case Operator::Isa: return isa(resolve(arg(0), g.frame), arg(1), g.frame);
    case Operator::Dot: return lookup(resolve(arg(0), g.frame), arg(1), arg(2), g.frame);
    case Operator::Print: return print(term, g.frame);
    case Operator::Debug: return true;
    case Operator::New: {
        const Cell instance = fromValue(construct(arg(0), g.frame));
        return unify(resolve(arg(1), g.frame), instance);
    }
    default:
        fail("TypeError", std::string("`") + operatorSymbol(op) + "` expression is not a condition");
    }
}

Cell Machine::arithmetic(Operator op, Cell l, Cell r) {
    if (!l.isNumber() || !r.isNumber()) {
        if (l.tag == Tag::Var || r.tag == Tag::Var)
            fail("Unsupported", std::string("cannot evaluate `") + format(l) + " " + operatorSymbol(op) +
                                    " " + format(r) + "` with an unbound variable");
        fail("Unsupported", "Not supported: unsupported arithmetic operands: " + format(l) + " " +
                                operatorSymbol(op) + " " + format(r));
    }
    auto overflow = [&]() -> Cell {
        fail("ArithmeticError", "Arithmetic error: " + format(l) + " " + operatorSymbol(op) + " " +
                                    format(r));
    };
    if (op == Operator::Div) return Cell::makeFloat(asDouble(l) / asDouble(r));
    if (l.tag == Tag::Int && r.tag == Tag::Int) {
        std::int64_t out = 0;
        switch (op) {
        case Operator::Add: if (__builtin_add_overflow(l.i, r.i, &out)) return overflow(); break;
        case Operator::Sub: if (__builtin_sub_overflow(l.i, r.i, &out)) return overflow(); break;
        case Operator::Mul: if (__builtin_mul_overflow(l.i, r.i, &out)) return overflow(); break;
        case Operator::Mod:
        case Operator::Rem:
            if (r.i == 0 || (r.i == -1 && l.i == std::numeric_limits<std::int64_t>::min()))
                return overflow();
            out = l.i % r.i;
            if (op == Operator::Mod && out != 0 && ((out < 0) != (r.i < 0))) out += r.i;
            break;
        default: break;
        }
        return Cell::makeInt(out);
    }
    const double a = asDouble(l), b = asDouble(r);
    switch (op) {
    case Operator::Add: return Cell::makeFloat(a + b);
    case Operator::Sub: return Cell::makeFloat(a - b);
    case Operator::Mul: return Cell::makeFloat(a * b);
    case Operator::Mod:
    case Operator::Rem: {
        double m = std::fmod(a, b);
        if (op == Operator::Mod && m != 0 && ((m < 0) != (b < 0))) m += b;
        return Cell::makeFloat(m);
    }
    default: return Cell::makeFloat(0);
    }
}

// Two integers, the common case, without compare()'s type dispatch.
bool Machine::compareInts(Operator op, std::int64_t l, std::int64_t r) {
    switch (op) {
    case Operator::Eq: return l == r;
    case Operator::Neq: return l != r;
    case Operator::Lt: return l < r;
    case Operator::Leq: return l <= r;
    case Operator::Gt: return l > r;
    case Operator::Geq: return l >= r;
    default: return false;
    }
}

bool Machine::compare(Operator op, Cell l, Cell r) {
    int order = 0;  // -1, 0, 1, or 2 for unordered
    // Oso compares booleans with numbers as 0 and 1 (they still do not unify).
    auto numeric = [](const Cell& c) {
        return c.tag == Tag::Bool ? Cell::makeInt(static_cast<std::int64_t>(c.u)) : c;
    };
    const bool lNum = l.isNumber() || l.tag == Tag::Bool, rNum = r.isNumber() || r.tag == Tag::Bool;
    if (lNum && rNum && ((l.tag == Tag::Bool) != (r.tag == Tag::Bool))) {
        return compare(op, numeric(l), numeric(r));
    }
    const bool equality = op == Operator::Eq || op == Operator::Neq;
    if (l.isNumber() && r.isNumber()) {
        if (l.tag == Tag::Int && r.tag == Tag::Int) {
            order = l.i < r.i ? -1 : (l.i > r.i ? 1 : 0);
        } else if (l.tag == Tag::Int) {
            order = compareIntFloat(l.i, r.f);
        } else if (r.tag == Tag::Int) {
            const int o = compareIntFloat(r.i, l.f);
            order = o == 2 ? 2 : -o;
        } else {
            order = std::isnan(l.f) || std::isnan(r.f) ? 2 : (l.f < r.f ? -1 : (l.f > r.f ? 1 : 0));
        }
    } else if (l.tag == Tag::Str && r.tag == Tag::Str) {
        const int c = m_kb.symbols.text(l.u).compare(m_kb.symbols.text(r.u));
        order = c < 0 ? -1 : (c > 0 ? 1 : 0);
    } else if (l.tag == Tag::Bool && r.tag == Tag::Bool) {
        order = l.u < r.u ? -1 : (l.u > r.u ? 1 : 0);
    } else if (equality && (l.tag == Tag::Nil || r.tag == Tag::Nil) && l.tag != Tag::Var && r.tag != Tag::Var) {
        order = l.tag == r.tag ? 0 : 2;  // nil equals only nil
    } else if (equality && l.tag == Tag::Instance && r.tag == Tag::Instance) {
        order = instancesEqual(l, r) ? 0 : 2;
    } else if (equality && l.tag == Tag::Class && r.tag == Tag::Class) {
        order = l.u == r.u ? 0 : 2;
    } else {
        if (l.tag == Tag::Var) throw SuspendOn{l.u};
        if (r.tag == Tag::Var) throw SuspendOn{r.u};
        fail("Unsupported", "Not supported: " + format(l) + " " + operatorSymbol(op) + " " + format(r));
    }
    switch (op) {
    case Operator::Eq: return order == 0;
    case Operator::Neq: return order != 0;
    case Operator::Lt: return order == -1;
    case Operator::Leq: return order == -1 || order == 0;
    case Operator::Gt: return order == 1;
    case Operator::Geq: return order == 1 || order == 0;
    default: return false;
    }
}

// `x in collection`: one alternative per member, tried in order.
bool Machine::in(const Goal&, Cell element, Cell collection) {
    InKind kind;
    switch (collection.tag) {
    case Tag::Empty: return false;
    case Tag::Cons: kind = InKind::List; break;
    case Tag::Dict:
        if (cellAt(collection, 0).aux == 0) return false;
        kind = InKind::Dict;
        break;
    case Tag::Str:
        if (m_kb.symbols.text(collection.u).empty()) return false;
        kind = InKind::String;
        break;
    case Tag::Var: throw SuspendOn{collection.u};
    case Tag::Instance:
        if (!m_instances[collection.u].isIterator())
            fail("TypeError", "can only use `in` on a list, dictionary, string or iterator, not " + format(collection));
        kind = InKind::Iterator;
        break;
    default: fail("TypeError", "can only use `in` on a list, dictionary or string, not " + format(collection));
    }
    const auto holder = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(element.tag == Tag::Var ? Cell::makeVar(element.u) : element);
    ChoicePoint& cp = pushChoice(ChoiceKind::In);
    cp.inCode = collection.inCode();
    cp.in = InChoice{static_cast<std::uint32_t>(collection.u), holder, kind, 0, 0};
#if POLAR_HOOKS
    if (m_observed) [[unlikely]] {
        int count = 0;
        if (kind == InKind::List) {
            // Counted up to a cycle's bound; a longer list is cyclic and is
            // reported as such when its walk passes the bound.
            const std::size_t bound = cycleBound();
            std::size_t members = 0;
            for (Cell c = collection; c.tag == Tag::Cons && members <= bound; c = deref(cellAt(c, 1))) {
                ++members;
                tick();
            }
            count = static_cast<int>(std::min<std::size_t>(members, std::numeric_limits<int>::max()));
        } else if (kind == InKind::Dict) {
            count = static_cast<int>(cellAt(collection, 0).aux);
        } else {
            for (char ch : m_kb.symbols.text(collection.u)) count += (static_cast<unsigned char>(ch) & 0xc0) != 0x80;
        }
        if (count > 1)
            for (Observer* o : m_kb.observers) o->onBranch(BranchEvent{m_id, m_depth, count, "in"});
    }
#endif
    Cell member;
    ChoicePoint& top = m_choices.back();
    skipUnmatchable(top, element);
    if (!nextMember(top, member)) {
        popChoice();  // an empty iterator
        return false;
    }
    if (top.in.last) popChoice();
    return unify(m_heap[holder], member);
}

// Advances an `in` choice point; sets in.last when the member returned is the last.
// With nobody listening, the list members that cannot unify with an
// integer or string element are passed over in one loop instead of one
// backtrack each (`1 in l` over a 100,000-element list made 100,000 of
// them). Only members of the same type with another value are skipped;
// anything else (a variable, a float, a list) is left to unify. Observers
// see every member tried, so they get the slow path.
void Machine::skipUnmatchable(ChoicePoint& cp, Cell element) {
    if (m_observed || cp.in.kind != InKind::List) return;
    element = deref(element);
    if (element.tag != Tag::Int && element.tag != Tag::Str) return;
    const std::size_t bound = cycleBound();
    while (!cp.in.last) {
        tick();
        const Cell pointer = Cell::makePtr(Tag::Cons, cp.in.cursor, cp.inCode ? kInCode : 0);
        const Cell member = deref(cellAt(pointer, 0));
        if (member.tag != element.tag || member.u == element.u) return;
        const Cell tail = deref(cellAt(pointer, 1));
        if (tail.tag != Tag::Cons) {
            cp.in.last = 1;  // that was the last member: nextMember finds none
            return;
        }
        cp.in.cursor = static_cast<std::uint32_t>(tail.u);
        cp.inCode = tail.inCode();
        if (++cp.in.position > bound) cyclicTerm("`in` over");
    }
}

bool Machine::nextMember(ChoicePoint& cp, Cell& member) {
    const auto kind = cp.in.kind;
    const Cell pointer = Cell::makePtr(kind == InKind::Dict ? Tag::Dict : Tag::Cons, cp.in.cursor,
                                       cp.inCode ? kInCode : 0);
    switch (kind) {
    case InKind::List: {
        if (cp.in.last) return false;
        member = cellAt(pointer, 0);
        const Cell tail = deref(cellAt(pointer, 1));
        if (tail.tag == Tag::Cons) {
            if (++cp.in.position > cycleBound()) cyclicTerm("`in` over");
            cp.in.cursor = static_cast<std::uint32_t>(tail.u);
            cp.inCode = tail.inCode();
        } else {
            cp.in.last = 1;
        }
        return true;
    }
    case InKind::Dict: {
        const std::uint32_t n = cellAt(pointer, 0).aux;
        if (cp.in.position >= n) return false;
        const auto pair = static_cast<std::uint32_t>(m_heap.size());
        m_heap.resize(m_heap.size() + 4);
        m_heap[pair] = cellAt(pointer, 1 + 2 * cp.in.position);
        m_heap[pair + 1] = Cell::makePtr(Tag::Cons, pair + 2, 0);
        m_heap[pair + 2] = cellAt(pointer, 2 + 2 * cp.in.position);
        m_heap[pair + 3] = Cell::makeEmpty();
        member = Cell::makePtr(Tag::Cons, pair, 0);
        if (++cp.in.position == n) cp.in.last = 1;
        return true;
    }
    case InKind::Iterator: {
        // Pulled lazily, one element per alternative; the end is known only
        // when the host says so.
        Value next;
        const Iterator iterator = m_instances[cp.in.cursor].asIterator();
        const bool more = hostCall({"", "iterator", "", ""}, [&] { return Value(iterator.next(next)); }).asBool();
        if (!more) return false;
        member = fromValue(next);
        return true;
    }
    case InKind::String: {
        const std::string& text = m_kb.symbols.text(cp.in.cursor);
        if (cp.in.position >= text.size()) return false;
        const std::size_t len = std::min(utf8Length(static_cast<unsigned char>(text[cp.in.position])), text.size() - cp.in.position);
        member = Cell::makeStr(m_kb.symbols.intern(std::string_view(text).substr(cp.in.position, len)));
        cp.in.position += static_cast<std::uint32_t>(len);
        if (cp.in.position >= m_kb.symbols.text(cp.in.cursor).size()) cp.in.last = 1;
        return true;
    }
    }
    return false;
}

// `object.field` (hoisted as Dot(object, field, out)).
bool Machine::lookup(Cell object, Cell field, Cell out, std::uint32_t frame) {
    const Cell key = resolve(field, frame);
    if (object.tag == Tag::Dict && key.tag == Tag::Var) {
        // d.(k) with k unbound: every key in turn, as `[k, v] in d`.
        const auto pair = static_cast<std::uint32_t>(m_heap.size());
        m_heap.resize(m_heap.size() + 4);
        m_heap[pair] = Cell::makeVar(key.u);
        m_heap[pair + 1] = Cell::makePtr(Tag::Cons, pair + 2, 0);
        const Cell result = resolve(out, frame);
        m_heap[pair + 2] = result.tag == Tag::Var ? Cell::makeVar(result.u) : result;
        m_heap[pair + 3] = Cell::makeEmpty();
        return in(*m_current, Cell::makePtr(Tag::Cons, pair, 0), object);
    }
    if (object.tag == Tag::Dict && key.tag == Tag::Call) {
        if (auto v = builtinMethod(object, key, frame)) return unify(resolve(out, frame), fromValue(*v));
    }
    if (object.tag == Tag::Dict) {
        if (key.tag != Tag::Str)
            fail("TypeError", "cannot look up " + format(key) + " in a dictionary: keys are strings");
        const Cell* value = dictField(object, key.u);
        if (!value) return false;  // Oso: a missing key simply fails
        return unify(resolve(out, frame), *value);
    }
    if (object.tag == Tag::Var) {
        // Oso defers a field lookup on an unbound variable but refuses a method call.
        if (key.tag == Tag::Call)
            fail("Unsupported", "Not supported: cannot call method on unbound variable " + format(object));
        throw SuspendOn{object.u};
    }
    if (object.tag == Tag::Instance) return unify(resolve(out, frame), fromValue(instanceLookup(object, key, frame)));
    if (object.tag == Tag::Class) return unify(resolve(out, frame), fromValue(classLookup(object, key, frame)));
    if (auto v = builtinMethod(object, key, frame)) return unify(resolve(out, frame), fromValue(*v));
    if (object.tag == Tag::Bool)
        fail("TypeError", "can only perform lookups on dicts and instances, this is " + format(object));
    const std::string name = key.tag == Tag::Str ? m_kb.symbols.text(key.u)
                             : key.tag == Tag::Call ? m_kb.symbols.text(cellAt(key, 0).u) + "()"
                                                     : format(key);
    fail("Application", format(object) + " has no attribute or method `" + name + "`");
}

bool Machine::print(Cell op, std::uint32_t frame) {
    const Cell header = cellAt(op, 0);
    std::string line;
    for (std::uint32_t k = 0; k < header.aux; ++k) {
        if (k) line += ", ";
        // A variable is printed from the variable, so that a value that
        // contains itself shows the same as in an answer.
        const Cell arg = cellAt(op, 1 + k);
        line += format(arg.tag == Tag::TVar ? Cell::makeVar(frame + arg.u) : resolve(arg, frame));
    }
    *m_kb.printStream << line << '\n';
    return true;
}

} // namespace polar::detail
