// Terms at run time: dereferencing, turning rule templates into heap terms,
// unification, and `matches` (isa). Unification keeps an explicit work
// stack, so unifying two 1,000,000-element lists uses no C++ recursion.
#include <algorithm>
#include <cmath>

#include "machine.hpp"
#include "polar/error.hpp"

namespace polar::detail {
namespace {

bool numbersEqual(const Cell& a, const Cell& b) {
    if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i == b.i;
    const double x = a.tag == Tag::Int ? static_cast<double>(a.i) : a.f;
    const double y = b.tag == Tag::Int ? static_cast<double>(b.i) : b.f;
    // An integer too large for a double must not equal a float by rounding.
    // The range test comes first: converting 2^63 to an integer is undefined.
    if (a.tag == Tag::Int && static_cast<double>(a.i) == y && std::fabs(y) >= 9007199254740992.0)
        return y < 9223372036854775808.0 && static_cast<std::int64_t>(y) == a.i;
    if (b.tag == Tag::Int && static_cast<double>(b.i) == x && std::fabs(x) >= 9007199254740992.0)
        return x < 9223372036854775808.0 && static_cast<std::int64_t>(x) == b.i;
    return x == y;
}

} // namespace

// A template term (rule code or the query's own cells) as a heap value:
// variables become their frame slots, arithmetic is evaluated, ground
// blocks are shared, other blocks copied.
Cell Machine::resolveSlow(Cell t, std::uint32_t frame) {
    switch (t.tag) {
    case Tag::TVar: return deref(Cell::makeVar(frame + t.u));
    case Tag::Var: return deref(t);
    case Tag::Instance:
        if (t.inCode()) return fromValue(m_kb.constantValues[t.u]);  // a registered constant
        return t;
    case Tag::Op: {
        const Cell header = cellAt(t, 0);
        const auto op = static_cast<Operator>(header.u);
        if (!isArithmetic(op) || header.aux != 2)
            fail("TypeError", std::string("`") + operatorSymbol(op) + "` is not a value");
        const Cell l = resolve(cellAt(t, 1), frame);
        const Cell r = resolve(cellAt(t, 2), frame);
        if (l.tag == Tag::Int && r.tag == Tag::Int) {
            // The common case, inline; overflow and the rest go to arithmetic().
            std::int64_t out;
            if (op == Operator::Add && !__builtin_add_overflow(l.i, r.i, &out)) return Cell::makeInt(out);
            if (op == Operator::Sub && !__builtin_sub_overflow(l.i, r.i, &out)) return Cell::makeInt(out);
        }
        if (l.tag == Tag::Var) throw SuspendOn{l.u};
        if (r.tag == Tag::Var) throw SuspendOn{r.u};
        m_errorTerm = t;
        const Cell out = arithmetic(op, l, r);
        m_errorTerm = Cell{};
        return out;
    }
    default:
        if (t.isPointer() && !t.isGround()) return materialize(t, frame);
        return t;
    }
}

Cell Machine::materialize(Cell t, std::uint32_t frame) {
    if (t.tag == Tag::Cons) {
        const auto first = static_cast<std::uint32_t>(m_heap.size());
        m_heap.resize(m_heap.size() + 2);
        std::uint32_t pair = first;
        Cell source = t;
        for (;;) {
            const Cell head = resolve(cellAt(source, 0), frame);
            m_heap[pair] = head;
            const Cell tail = cellAt(source, 1);
            if (tail.tag == Tag::Cons && !tail.isGround()) {
                const auto nextPair = static_cast<std::uint32_t>(m_heap.size());
                m_heap.resize(m_heap.size() + 2);
                m_heap[pair + 1] = Cell::makePtr(Tag::Cons, nextPair, 0);
                pair = nextPair;
                source = tail;
                continue;
            }
            const Cell rest = resolve(tail, frame);
            m_heap[pair + 1] = rest.tag == Tag::Var ? Cell::makeVar(rest.u) : rest;
            return Cell::makePtr(Tag::Cons, first, 0);
        }
    }
    // Blocks: header then elements (dictionary-like blocks: key, value pairs).
    const Cell header = cellAt(t, 0);
    const bool keyed = t.tag == Tag::Dict || t.tag == Tag::DictPattern || t.tag == Tag::InstancePattern;
    const std::uint32_t cells = header.aux * (keyed ? 2 : 1);
    const auto block = static_cast<std::uint32_t>(m_heap.size());
    m_heap.resize(m_heap.size() + 1 + cells);
    m_heap[block] = header;
    for (std::uint32_t k = 0; k < cells; ++k) {
        const Cell element = cellAt(t, 1 + k);
        const Cell value = (keyed && k % 2 == 0) ? element : resolve(element, frame);
        m_heap[block + 1 + k] = value;
    }
    return Cell::makePtr(t.tag, block, 0);
}

// Unifies a rule template with a heap term without first building the
// template on the heap: a list parameter like [h, *t] matched against a list
// argument only binds h and t. Only where the argument is an unbound
// variable is the template built (materialized) and bound. Recursion
// follows list heads and block elements, whose depth the parser bounds;
// list tails are a loop.
bool Machine::matchTemplate(Cell pattern, std::uint32_t frame, Cell value) {
    Cell p = pattern;
    for (;;) {
        value = deref(value);
        switch (p.tag) {
        case Tag::TVar: return matchSlot(frame + static_cast<std::uint32_t>(p.u), value);
        case Tag::Cons:
            if (value.tag == Tag::Var) {
                // An output argument: build the list and bind, as unify would.
                bind(value.u, resolve(p, frame));
                return true;
            }
            if (p.isGround() || value.tag != Tag::Cons) return unify(resolve(p, frame), value);
            if (!matchTemplate(cellAt(p, 0), frame, cellAt(value, 0))) return false;
            value = cellAt(value, 1);
            p = cellAt(p, 1);
            continue;
        default:
            return unify(resolve(p, frame), value);
        }
    }
}

void Machine::bind(std::uint64_t var, Cell value) {
    const bool waiting = m_heap[var].aux & kHasSuspensions;
    m_heap[var] = value;
    if (var < m_trailBoundary) m_trail.push_back(static_cast<std::uint32_t>(var));
    if (waiting) [[unlikely]] wake(var);
}

// ---- deferred constraints ------------------------------------------------------------

// Returns false, suspending nothing, when the goal contradicts one already
// waiting on the variable: `x matches Integer and x matches String` has no
// answer, as in Oso, which compares the class constraints on a partial
// instead of reporting it unresolved.
bool Machine::suspend(std::uint64_t var, const Goal& g) {
    if (const std::uint32_t cls = isaClass(g); cls != kNone) {
        for (const Suspension& s : m_suspensions)
            if (s.var == var && classesExclusive(cls, isaClass(s.goal))) return false;
    }
    // `x.a` looked up twice on an unbound x is one value, as in Oso, whose
    // partials name it by path: the second lookup's result is the first's.
    if (const Cell key = lookupKey(g); key.tag == Tag::Str) {
        for (const Suspension& s : m_suspensions) {
            if (s.var != var) continue;
            const Cell other = lookupKey(s.goal);
            if (other.tag == Tag::Str && other.u == key.u) return unify(lookupResult(g), lookupResult(s.goal));
        }
    }
    m_suspensions.push_back({static_cast<std::uint32_t>(var), g});
    Cell& cell = m_heap[var];
    if (!(cell.aux & kHasSuspensions)) {
        cell.aux |= kHasSuspensions;
        if (var < m_trailBoundary) m_trail.push_back(static_cast<std::uint32_t>(var));
    }
    return true;
}

// The class a waiting `x matches C{...}` checks, or kNone for any other goal.
std::uint32_t Machine::isaClass(const Goal& g) const {
    if (g.kind != GoalKind::Query) return kNone;
    const Cell term = g.inCode ? m_kb.code[g.term] : m_heap[g.term];
    if (term.tag != Tag::Op || static_cast<Operator>(cellAt(term, 0).u) != Operator::Isa) return kNone;
    const Cell pattern = cellAt(term, 2);
    if (pattern.tag != Tag::InstancePattern) return kNone;
    return static_cast<std::uint32_t>(cellAt(pattern, 0).u);
}

// The field a waiting `object.field` lookup reads (a string cell), or nil.
Cell Machine::lookupKey(const Goal& g) const {
    if (g.kind != GoalKind::Query) return Cell{};
    const Cell term = g.inCode ? m_kb.code[g.term] : m_heap[g.term];
    if (term.tag != Tag::Op || static_cast<Operator>(cellAt(term, 0).u) != Operator::Dot) return Cell{};
    const Cell key = cellAt(term, 2);
    return key.tag == Tag::Str ? key : Cell{};
}

// Where a lookup goal puts its result, as a heap term.
Cell Machine::lookupResult(const Goal& g) {
    const Cell term = g.inCode ? m_kb.code[g.term] : m_heap[g.term];
    return resolve(cellAt(term, 3), g.frame);
}

// Whether no value can be an instance of both classes: two different
// built-in classes, a built-in and a host class, or two host classes
// neither of which derives from the other (Oso asks the host the same). A
// union (Actor, Resource) may hold either, so it excludes nothing.
bool Machine::classesExclusive(std::uint32_t a, std::uint32_t b) const {
    if (a == kNone || b == kNone || a == b) return false;
    if (m_kb.unionMembers.count(a) || m_kb.unionMembers.count(b)) return false;
    const auto& s = m_kb.sym;
    auto builtin = [&](std::uint32_t c) {
        return c == s.Integer || c == s.Float || c == s.String || c == s.Boolean || c == s.List ||
               c == s.Dictionary || c == s.Nil;
    };
    if (builtin(a) || builtin(b)) return true;
    const auto ha = m_kb.classBySymbol.find(a), hb = m_kb.classBySymbol.find(b);
    if (ha == m_kb.classBySymbol.end() || hb == m_kb.classBySymbol.end()) return false;
    const auto& mroA = m_kb.mro(*ha->second);
    const auto& mroB = m_kb.mro(*hb->second);
    return std::find(mroA.begin(), mroA.end(), b) == mroA.end() &&
           std::find(mroB.begin(), mroB.end(), a) == mroB.end();
}

// The variable now has a value (or is tied to another variable): its
// waiting goals run next, and re-suspend if they still cannot decide.
void Machine::wake(std::uint64_t var) {
    for (std::size_t k = m_suspensions.size(); k > 0; --k) {
        const Suspension& s = m_suspensions[k - 1];
        if (s.var == var) m_goals.push_back(s.goal);
    }
}

bool Machine::suspendIsa(Cell value, Cell pattern, std::uint32_t frame) {
    const auto op = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(Cell::makeHeader(static_cast<std::uint64_t>(Operator::Isa), 2));
    m_heap.push_back(Cell::makeVar(value.u));
    m_heap.push_back(pattern);
    const auto holder = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(Cell::makePtr(Tag::Op, op, 0));
    Goal g;
    g.term = holder;
    g.frame = frame;
    g.barrier = static_cast<std::uint32_t>(m_choices.size());
    return suspend(value.u, g);
}

void Machine::checkPendingConstraints() const {
    for (const Suspension& s : m_suspensions) {
        if (deref(Cell::makeVar(s.var)).tag != Tag::Var) continue;
        const Cell term = s.goal.inCode ? m_kb.code[s.goal.term] : m_heap[s.goal.term];
        const std::string negation = s.goal.kind == GoalKind::Negate ? "not " : "";
        throw Error(ErrorKind::Runtime, "UnhandledPartial",
                    "the query left a constraint that was never resolved: " + negation + format(term) +
                        " (" + format(Cell::makeVar(s.var)) + " is still unbound)",
                    locationOf(s.goal));
    }
}

// Two cyclic terms (`x = [1, *x] and y = [1, *y] and x = y`) would be
// unified forever, one lap of the cycle after another: a pair further than
// cycleBound() from the first is on such a lap, and the query ends with
// Oso's error for it. Shared sub-terms (x = [y, y], y = [z, z], ...) may be
// visited many times; tick() keeps that within the query's limits.
bool Machine::unifySlow(Cell a, Cell b) {
    const std::size_t base = m_unifyStack.size();
    const std::size_t bound = cycleBound();
    m_unifyStack.push_back({a, b, 0});
    while (m_unifyStack.size() > base) {
        auto [x, y, depth] = m_unifyStack.back();
        m_unifyStack.pop_back();
        tick();
        if (depth > bound) {
            m_unifyStack.resize(base);
            cyclicTerm("unifying");
        }
        x = deref(x);
        y = deref(y);
        if (x.tag == Tag::Var) {
            if (y.tag == Tag::Var) {
                if (x.u == y.u) continue;
                // Bind the younger variable to the older one, so no binding
                // points from old heap cells into cells backtracking reclaims.
                // Exception: a query variable aliased to a rule variable is
                // bound to it, so the result shows it as tied (Oso does).
                if (x.u < y.u) std::swap(x, y);
                if (y.u < m_queryTop && x.u >= m_queryTop) std::swap(x, y);
                bind(x.u, Cell::makeVar(y.u));
            } else {
                bind(x.u, y);
            }
            continue;
        }
        if (y.tag == Tag::Var) {
            bind(y.u, x);
            continue;
        }
        if (x.isNumber() && y.isNumber()) {
            if (numbersEqual(x, y)) continue;
            m_unifyStack.resize(base);
            return false;
        }
        bool same = x.tag == y.tag;
        if (same) {
            switch (x.tag) {
            case Tag::Str:
            case Tag::Bool:
            case Tag::Class: same = x.u == y.u; break;
            case Tag::Instance: same = instancesEqual(x, y); break;
            case Tag::Nil:
            case Tag::Empty: break;
            case Tag::Cons:
                if (x.u == y.u && x.inCode() == y.inCode()) break;
                m_unifyStack.push_back({cellAt(x, 1), cellAt(y, 1), depth + 1});
                m_unifyStack.push_back({cellAt(x, 0), cellAt(y, 0), depth + 1});
                break;
            case Tag::Dict:
            case Tag::DictPattern:
            case Tag::InstancePattern:
            case Tag::Call: {
                if (x.u == y.u && x.inCode() == y.inCode()) break;
                const Cell hx = cellAt(x, 0), hy = cellAt(y, 0);
                if (hx.aux != hy.aux || (x.tag != Tag::Dict && hx.u != hy.u)) {
                    same = false;
                    break;
                }
                const bool keyed = x.tag != Tag::Call;
                for (std::uint32_t k = 0; k < hx.aux; ++k) {
                    if (keyed) {
                        // Keys are sorted by text, so equal key sets line up.
                        if (cellAt(x, 1 + 2 * k).u != cellAt(y, 1 + 2 * k).u) {
                            same = false;
                            break;
                        }
                        m_unifyStack.push_back({cellAt(x, 2 + 2 * k), cellAt(y, 2 + 2 * k), depth + 1});
                    } else {
                        m_unifyStack.push_back({cellAt(x, 1 + k), cellAt(y, 1 + k), depth + 1});
                    }
                }
                break;
            }
            default: same = false;
            }
        }
        if (!same) {
            m_unifyStack.resize(base);
            return false;
        }
    }
    return true;
}

bool Machine::isKnownClassMemo(std::uint64_t cls) const {
    bool known = m_kb.unionMembers.count(static_cast<std::uint32_t>(cls)) != 0;
    if (!known) {
        auto it = m_kb.constants.find(static_cast<std::uint32_t>(cls));
        known = it != m_kb.constants.end() && it->second.tag == Tag::Class;
    }
    m_knownClassMemo[cls % kClassMemoSize] = ClassMemo{0, static_cast<std::uint32_t>(cls + 1), known};
    return known;
}

bool Machine::hostInstanceOfMemo(std::uint32_t instance, std::uint32_t cls) const {
    const bool answer = hostInstanceOf(instance, cls);
    m_classMemo[(instance * 0x9e3779b1u + cls) % kClassMemoSize] = ClassMemo{instance, cls + 1, answer};
    return answer;
}

bool Machine::hostInstanceOf(std::uint32_t instance, std::uint32_t cls) const {
    const Value& held = m_instances[instance];
    const HostClass* host = held.isInstance() ? m_kb.hostClass(held.asInstance().type()) : nullptr;
    if (!host) return false;
    const auto& mro = m_kb.mro(*host);
    if (std::find(mro.begin(), mro.end(), cls) != mro.end()) return true;
    auto u = m_kb.unionMembers.find(cls);
    if (u == m_kb.unionMembers.end()) return false;
    for (const std::uint32_t member : u->second)
        if (std::find(mro.begin(), mro.end(), member) != mro.end()) return true;
    return false;
}

const Cell* Machine::dictField(const Cell& dict, std::uint64_t key) const {
    const Cell& header = cellAt(dict, 0);
    for (std::uint32_t k = 0; k < header.aux; ++k)
        if (cellAt(dict, 1 + 2 * k).u == key) return &cellAt(dict, 2 + 2 * k);
    return nullptr;
}

// `value matches pattern`: class patterns check the class and then each
// field with `matches` again; dictionary patterns need every listed key
// (more keys are fine); list patterns match element by element; anything
// else must unify.
bool Machine::isa(Cell value, Cell pattern, std::uint32_t frame) {
    value = deref(value);
    if (pattern.tag == Tag::InstancePattern || pattern.tag == Tag::DictPattern) {
        if (value.tag == Tag::Var) throw SuspendOn{value.u};
        const Cell header = cellAt(pattern, 0);
        if (pattern.tag == Tag::InstancePattern) {
            if (!isKnownClass(header.u))
                fail("UnregisteredClass", "Unregistered class: " + m_kb.symbols.text(header.u) + ".");
            if (!isInstanceOf(value, header.u)) return false;
        }
        if (header.aux == 0) return true;
        if (value.tag == Tag::Instance) {
            // Fields of a class pattern on a host object are its attributes.
            for (std::uint32_t k = 0; k < header.aux; ++k) {
                const Cell field = fromValue(instanceLookup(value, cellAt(pattern, 1 + 2 * k), frame));
                if (!isa(field, cellAt(pattern, 2 + 2 * k), frame)) return false;
            }
            return true;
        }
        if (value.tag != Tag::Dict) return false;
        for (std::uint32_t k = 0; k < header.aux; ++k) {
            const Cell* field = dictField(value, cellAt(pattern, 1 + 2 * k).u);
            if (!field || !isa(*field, cellAt(pattern, 2 + 2 * k), frame)) return false;
        }
        return true;
    }
    if (pattern.tag == Tag::Cons && value.tag == Tag::Cons) {
        Cell p = pattern, v = value;
        while (p.tag == Tag::Cons && v.tag == Tag::Cons) {
            if (!isa(cellAt(v, 0), cellAt(p, 0), frame)) return false;
            p = cellAt(p, 1);
            v = deref(cellAt(v, 1));
        }
        return matchRest(v, resolve(p, frame));
    }
    return matchRest(value, resolve(pattern, frame));
}

// The end of a `matches`: what is left must unify, except that two unbound
// variables (the rests of `[1, *xs] matches [1, *ys]`; a variable pattern
// can only be a rest, since a bare name after `matches` is a class) are
// left apart, as Oso leaves them.
bool Machine::matchRest(Cell value, Cell pattern) {
    if (deref(value).tag == Tag::Var && deref(pattern).tag == Tag::Var) return true;
    return unify(value, pattern);
}

bool Machine::sameTerm(Cell a, Cell b) const {
    if (a.tag != b.tag) return false;
    switch (a.tag) {
    case Tag::Int: return a.i == b.i;
    case Tag::Float: return a.f == b.f;
    case Tag::Str:
    case Tag::Bool:
    case Tag::TVar:
    case Tag::Instance:
    case Tag::Class: return a.u == b.u;
    case Tag::Nil:
    case Tag::Empty: return true;
    case Tag::Var: return deref(a).u == deref(b).u;
    case Tag::Cons: return sameTerm(cellAt(a, 0), cellAt(b, 0)) && sameTerm(cellAt(a, 1), cellAt(b, 1));
    default: {
        const Cell ha = cellAt(a, 0), hb = cellAt(b, 0);
        if (ha.u != hb.u || ha.aux != hb.aux) return false;
        const bool keyed = a.tag == Tag::Dict || a.tag == Tag::DictPattern || a.tag == Tag::InstancePattern;
        const std::uint32_t n = ha.aux * (keyed ? 2 : 1);
        for (std::uint32_t k = 0; k < n; ++k)
            if (!sameTerm(cellAt(a, 1 + k), cellAt(b, 1 + k))) return false;
        return true;
    }
    }
}

} // namespace polar::detail
