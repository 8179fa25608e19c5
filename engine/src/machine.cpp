// The solver's driver: the goal loop, choice points, cut, negation and rule
// calls with Oso's applicability filter and specificity ordering.
#include "machine.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <limits>
#include <span>

#include "parser.hpp"
#include "polar/error.hpp"

namespace polar::detail {

// Query ids are unique within the process (see Machine::begin).
namespace {
std::atomic<std::uint64_t> g_nextQueryId{1};
} // namespace

#if POLAR_HOOKS
// The observers' calls sit in a lambda that runs out of line (coldPath), so
// the hot functions keep only the test of m_observed: with the calls
// inline, the compiler spilled registers and stopped inlining around them,
// which cost more than the test itself.
#define POLAR_EMIT(method, ...)                                                   \
    do {                                                                          \
        if (m_observed) [[unlikely]] {                                            \
            coldPath([&] {                                                        \
                for (Observer* observer_ : m_kb.observers) observer_->method(__VA_ARGS__); \
            });                                                                   \
        }                                                                         \
    } while (0)
#else
#define POLAR_EMIT(method, ...) \
    do {                        \
    } while (0)
#endif

namespace {
// What the spare stacks hold, as bytesInUse() counts it.
std::size_t stackBytes(const MachineStacks& s) {
    return s.heap.capacity() * sizeof(Cell) + s.goals.capacity() * sizeof(Goal) +
           s.choices.capacity() * sizeof(ChoicePoint) + (s.trail.capacity() + s.alts.capacity()) * sizeof(std::uint32_t) +
           s.goalTrail.capacity() * sizeof(GoalTrailEntry) + s.suspensions.capacity() * sizeof(Suspension) +
           s.instances.capacity() * sizeof(Value);
}
} // namespace

Machine::Machine(KnowledgeBase& kb) : m_kb(kb), m_generation(kb.generation) {
    // The spare stacks count against Limits::maxHeapBytes from the start
    // (their capacity is in bytesInUse): taken only while they are a small
    // part of it, so a limit lowered after a large query still holds, and
    // never fails a small query at once.
    if (kb.spareStacks && (kb.limits.maxHeapBytes == 0 || stackBytes(*kb.spareStacks) <= kb.limits.maxHeapBytes / 8))
        swapStacks(*kb.spareStacks);
    // Capped from the start, not from begin(): a queryRule's host arguments
    // are converted before the query begins, and a 150,000-element list
    // must not be written out whatever the limit.
    if (kb.limits.maxHeapBytes) m_heap.setMaxCells(kb.limits.maxHeapBytes / sizeof(Cell));
    m_heap.reserve(1 << 12);
    m_goals.reserve(1 << 8);
}

Machine::~Machine() {
    if (m_started && !m_done) finish(false);
    // Hand the stacks on, emptied, unless one grew large: a query that once
    // needed 100 MB must not keep it for every small query after it. 16 MiB
    // of heap are kept: freeing and touching again a 100,000-element list's
    // 3 MB on every query was a third of the `in` row's time in page faults
    // on a virtual machine (bench: 82 -> 54 ms), and SWI keeps its stacks too.
    constexpr std::size_t kKeepCells = 1 << 20;   // 16 MiB of heap
    constexpr std::size_t kKeepEntries = 1 << 12; // of each other stack
    if (m_heap.capacity() > kKeepCells || m_trail.capacity() > kKeepEntries || m_alts.capacity() > kKeepEntries ||
        m_goals.capacity() > kKeepEntries || m_goalTrail.capacity() > kKeepEntries ||
        m_choices.capacity() > kKeepEntries || m_suspensions.capacity() > kKeepEntries ||
        m_instances.capacity() > kKeepEntries)
        return;
    m_heap.clearForReuse();
    m_trail.clear();
    m_alts.clear();
    m_goals.clear();
    m_goalTrail.clear();
    m_choices.clear();
    m_suspensions.clear();
    m_instances.clear();  // releases the host objects now, as before
    if (!m_kb.spareStacks) m_kb.spareStacks = std::make_unique<MachineStacks>();
    swapStacks(*m_kb.spareStacks);
}

void Machine::swapStacks(MachineStacks& stacks) {
    m_heap.swap(stacks.heap);
    m_trail.swap(stacks.trail);
    m_alts.swap(stacks.alts);
    m_goals.swap(stacks.goals);
    m_goalTrail.swap(stacks.goalTrail);
    m_choices.swap(stacks.choices);
    m_suspensions.swap(stacks.suspensions);
    m_instances.swap(stacks.instances);
}

// ---- starting ------------------------------------------------------------------

void Machine::startQuery(std::string_view text) {
    m_source.file = "<query>";
    m_source.text = std::string(text);
    m_source.lineStarts = {0};
    for (std::uint32_t k = 0; k < text.size(); ++k)
        if (text[k] == '\n') m_source.lineStarts.push_back(k + 1);
    m_text = m_source.text;
    Node term;
    try {
        term = Parser(text).parseQuery();
    } catch (const ParseFailure& f) {
        throw Error(ErrorKind::Parse, f.subkind, f.message, m_source.locate(f.offset));
    }
    startNode(term, kNone);
}

void Machine::startNode(const Node& term, std::uint32_t source) {
    if (source != kNone) {
        m_source = m_kb.sources[source];
        m_source.file = m_kb.sources[source].file;
        m_text = m_source.text.substr(term.start, term.end - term.start);
    }
    m_predicate = term.kind == NodeKind::Call ? term.text
                  : term.kind == NodeKind::Op ? operatorSymbol(term.op)
                                              : "";
    // The query's own cells sit at the bottom of the heap, below every
    // choice point, so backtracking never reclaims them.
    // Compiled into a vector first; the heap is still empty, so every index
    // stays the same when the cells are copied in.
    std::vector<Cell> cells;
    Compiler compiler(m_kb, cells, false, kNone, m_positions);
    const CompiledQuery q = compiler.compileQuery(term);
    for (const Cell& c : cells) m_heap.push_back(c);
    m_queryCodeEnd = static_cast<std::uint32_t>(m_heap.size());
    const std::uint32_t frame = allocFrame(q.frameSize);
    m_queryTop = static_cast<std::uint32_t>(m_heap.size());
    for (const auto& [name, slot] : q.variables) m_variables.emplace_back(name, frame + slot);
    pushBody(0, q.body, frame, 0);
}

void Machine::startRule(std::string_view name, const std::vector<Value>& args) {
    m_predicate = std::string(name);
    // Variables among the arguments are the query's variables, named in
    // every answer as in query("f(x)"); `_` names stay hidden, as Oso's.
    NamedVariables named;
    // The arguments are converted before their call block is laid down
    // (converting a list writes its cells to the heap); a call of up to
    // eight arguments needs no allocation for that.
    std::array<Cell, 8> few;
    std::vector<Cell> many;
    if (args.size() > few.size()) many.resize(args.size());
    const std::span<Cell> cells(args.size() > few.size() ? many.data() : few.data(), args.size());
    try {
        for (std::size_t k = 0; k < args.size(); ++k) cells[k] = fromValue(args[k], &named);
    } catch (const HeapLimitReached&) {
        outOfMemory("converting the arguments");
    }
    for (const auto& [variable, index] : named)
        if (!variable.empty() && variable[0] != '_') m_variables.emplace_back(variable, index);
    const auto header = static_cast<std::uint32_t>(m_heap.size());
    m_ruleArgs = header;
    m_heap.push_back(Cell::makeHeader(m_kb.symbols.intern(name), static_cast<std::uint32_t>(cells.size())));
    for (const auto& c : cells) m_heap.push_back(c);
    const auto body = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(Cell::makeHeader(0, 1));
    m_heap.push_back(Cell::makePtr(Tag::Call, header, 0));
    m_queryTop = static_cast<std::uint32_t>(m_heap.size());  // the variables above are the query's own
    // The call as text is for observers only (onQueryBegin, goalText): made
    // when one listens (writing three host objects out was a tenth of an
    // unobserved isAllowed decision), else from the heap in begin() should
    // one be added before the first answer.
    m_ruleQuery = true;
    if (!m_kb.observers.empty()) m_text = ruleCallText(args);
    // No source positions: the call was never text, so errors carry none
    // (locationOf stops at the empty line table).
    m_source.file = "<query>";
    m_source.text = m_text;
    pushBody(0, body, 0, 0);
}

// Cut at 4 KiB (far past any line a person reads), since writing out a
// host list of 100,000 elements for every call was half the work of
// querying it.
constexpr std::size_t kQueryTextBytes = 4096;

std::string Machine::ruleCallText(const std::vector<Value>& args) const {
    std::string text = m_predicate + "(";
    for (std::size_t k = 0; k < args.size(); ++k)
        text += (k ? ", " : "") + args[k].toPolar(kQueryTextBytes > text.size() ? kQueryTextBytes - text.size() : 0);
    return text + ")";
}

void Machine::bindQueryVariable(const std::string& name, const Value& value) {
    Cell cell;
    try {
        cell = fromValue(value);
    } catch (const HeapLimitReached&) {
        outOfMemory("converting a bound value");
    }
    for (const auto& [variable, index] : m_variables) {
        if (variable != name) continue;
        // Nothing has run yet: the slot is still its own fresh variable, so
        // storing the value binds it with nothing to trail.
        m_heap[index] = cell;
        return;
    }
    const auto index = static_cast<std::uint32_t>(m_heap.size());
    m_heap.push_back(cell);
    m_variables.emplace_back(name, index);
}

void Machine::begin([[maybe_unused]] std::string_view predicate) {
    m_started = true;
    // Process-wide, not per KnowledgeBase: two Polars broadcasting into one
    // listener (or one log) must never reuse an id. Relaxed: only uniqueness
    // matters, and a fetch_add per query is noise next to the query.
    m_id = g_nextQueryId.fetch_add(1, std::memory_order_relaxed);
    // The query's own cells and frame never move (machine_gc.cpp).
    m_fixedTop = static_cast<std::uint32_t>(m_heap.size());
    if (m_kb.limits.maxHeapBytes) m_heap.setMaxCells(m_kb.limits.maxHeapBytes / sizeof(Cell));
    m_gcThreshold = m_kb.limits.gcMinCells ? m_heap.size() + m_kb.limits.gcMinCells : std::numeric_limits<std::size_t>::max();
    if (m_kb.limits.timeout.count() > 0)
        m_deadline = std::chrono::steady_clock::now() + m_kb.limits.timeout;
    if (m_ruleQuery && m_text.empty() && !m_kb.observers.empty())
        m_text = format(Cell::makePtr(Tag::Call, m_ruleArgs, 0), kQueryTextBytes);  // nothing has run: still the arguments given
    POLAR_EMIT(onQueryBegin, QueryBeginEvent{m_id, predicate, m_text, m_deadline});
}

void Machine::finish([[maybe_unused]] bool failed) {
    m_done = true;
    // A query that ran out of alternatives stopped wherever its last choice
    // left it; listeners following the depth must see it return to 0.
    setDepth(0);
    POLAR_EMIT(onQueryEnd, QueryEndEvent{m_id, m_results, m_steps, failed});
}

std::optional<Bindings> Machine::next() {
    if (m_done) return std::nullopt;
    if (m_kb.generation != m_generation)
        throw Error(ErrorKind::Operational, "KnowledgeBaseChanged",
                    "the rules were cleared while this query was running");
    m_observed = !m_kb.observers.empty();
    scheduleLimitCheck();
    try {
        try {
            if (!m_started) {
                begin(m_predicate);
            } else if (!backtrack()) {  // resume: look for the next answer
                finish(false);
                return std::nullopt;
            }
            if (!run()) {
                finish(false);
                return std::nullopt;
            }
            ++m_results;
            m_peakHeap = std::max(m_peakHeap, m_heap.size());
            POLAR_EMIT(onResult, ResultEvent{m_id, m_results, this});
            return currentBindings();
        } catch (const HeapLimitReached&) {
            outOfMemory("growing the heap");
        } catch (const std::bad_alloc&) {
            outOfMemory("running the query");
        }
    } catch (const Error& e) {
        // The query is over: an answer it cannot give is not retried.
        if (!m_done) {
            POLAR_EMIT(onError, ErrorEvent{m_id, e});
            finish(true);
        }
        throw;
    }
}

// Like Oso, a variable that is still unbound is left out of the result,
// unless it is tied to another query variable: then it names that variable.
Bindings Machine::currentBindings() const {
    Bindings result;
    for (const auto& [name, index] : m_variables) {
        const Cell v = deref(Cell::makeVar(index));
        if (v.tag != Tag::Var || v.u != index || (m_heap[index].aux & kAliased)) {
            result.set(name, toValue(Cell::makeVar(index)));
            continue;
        }
        for (const auto& [other, otherIndex] : m_variables) {
            if (other != name && deref(Cell::makeVar(otherIndex)).u == v.u) {
                result.set(name, Value(Value::Variable{other}));
                break;
            }
        }
    }
    return result;
}

// ---- the loop ----------------------------------------------------------------------

bool Machine::run() {
    for (;;) {
        if (m_goals.empty()) {
            if (!m_suspensions.empty()) checkPendingConstraints();
            return true;
        }
        // Between two goals no C++ code holds a heap index: the one safe point.
        if (m_heap.size() >= m_gcThreshold) [[unlikely]] collectGarbage();
        const Goal g = popGoal();
        countStep();
        m_current = &g;
        bool ok;
        try {
            ok = execute(g);
        } catch (const SuspendOn& s) {
            ok = suspend(s.var, g);
        }
        m_current = nullptr;
        if (!ok && !backtrack()) return false;
    }
}

bool Machine::execute(const Goal& g) {
    switch (g.kind) {
    case GoalKind::Query: return query(g);
    case GoalKind::ExitRule: return exitRule(g);
    case GoalKind::NotSucceeded: return notSucceeded(g);
    case GoalKind::Negate: return negate(g);
    }
    return false;
}

Goal Machine::popGoal() {
    const Goal g = m_goals.back();
    m_goals.pop_back();
    const auto position = static_cast<std::uint32_t>(m_goals.size());
    if (position < m_goalLow) {
        m_goalTrail.push_back({position, g});
        m_goalLow = position;
    }
    return g;
}

void Machine::pushBody(std::uint8_t inCode, std::uint32_t header, std::uint32_t frame,
                       std::uint32_t barrier, std::uint32_t skip) {
    const Cell& h = inCode ? m_kb.code[header] : m_heap[header];
    for (std::uint32_t k = h.aux; k > skip; --k) {
        Goal g;
        g.kind = GoalKind::Query;
        g.inCode = inCode;
        g.term = header + k;
        g.frame = frame;
        g.barrier = barrier;
        m_goals.push_back(g);
    }
}

void Machine::emitDepth([[maybe_unused]] int depth, [[maybe_unused]] int previous) {
    POLAR_EMIT(onDepthChange, DepthEvent{m_id, depth, previous});
}

// What observers hear of rule calls, out of line and given plain values:
// a lambda capturing the caller's locals by reference kept them in memory
// for the whole of callRule.
void Machine::observeRuleCall(Cell call, std::uint32_t args, std::uint32_t begin, std::uint32_t end) {
#if POLAR_HOOKS
    const Cell header = cellAt(call, 0);
    const auto count = static_cast<int>(end - begin);
    m_detailCall = call;
    m_detailArgs = args;
    m_detailAltBegin = begin;
    m_detailAltEnd = end;
    ++m_calls;
    m_entering = ObservedCall{0, m_calls, count};
    for (Observer* o : m_kb.observers)
        o->onRuleCall(RuleCallEvent{m_id, m_kb.symbols.text(header.u), static_cast<int>(header.aux), m_depth,
                                    count, this, m_calls});
#else
    (void)call, (void)args, (void)begin, (void)end;
#endif
}

void Machine::observeRuleBranch(int count) {
#if POLAR_HOOKS
    noteRuleChoice(static_cast<std::uint32_t>(m_choices.size() - 1), count);
    for (Observer* o : m_kb.observers) o->onBranch(BranchEvent{m_id, m_depth, count, "rule"});
#else
    (void)count;
#endif
}

void Machine::observeRuleEnter(std::uint32_t clauseId, int alternative) {
#if POLAR_HOOKS
    m_detailClause = clauseId;
    for (Observer* o : m_kb.observers)
        o->onRuleEnter(RuleEnterEvent{m_id, m_kb.symbols.text(m_kb.clauses[clauseId].name), m_depth + 1,
                                      alternative, this, m_entering.call, m_entering.alternatives});
    m_detailClause = kNone;
#else
    (void)clauseId, (void)alternative;
#endif
}

// ---- choice points ---------------------------------------------------------------

#if POLAR_HOOKS
void Machine::noteRuleChoice(std::uint32_t choice, int alternatives) {
    while (!m_observedCalls.empty() && m_observedCalls.back().choice >= choice) m_observedCalls.pop_back();
    m_observedCalls.push_back(ObservedCall{choice, m_calls, alternatives});
}

// The rule choice point at `choice` is resumed: every choice above it is
// gone, and the entry noted when it was made is the newest left at or below
// it (a later choice at the same index would have replaced it).
Machine::ObservedCall Machine::callOfChoice(std::uint32_t choice) {
    while (!m_observedCalls.empty() && m_observedCalls.back().choice > choice) m_observedCalls.pop_back();
    if (m_observedCalls.empty() || m_observedCalls.back().choice != choice) return ObservedCall{choice, 0, 0};
    return m_observedCalls.back();
}
#endif

ChoicePoint& Machine::pushChoice(ChoiceKind kind) {
    ChoicePoint cp;
    cp.kind = kind;
    cp.goalHeight = static_cast<std::uint32_t>(m_goals.size());
    cp.goalTrailMark = static_cast<std::uint32_t>(m_goalTrail.size());
    cp.goalLowSaved = m_goalLow;
    cp.trailMark = static_cast<std::uint32_t>(m_trail.size());
    cp.heapTop = static_cast<std::uint32_t>(m_heap.size());
    cp.altMark = static_cast<std::uint32_t>(m_alts.size());
    cp.suspensionMark = static_cast<std::uint32_t>(m_suspensions.size());
    cp.depth = m_depth;
    m_goalLow = cp.goalHeight;
    m_trailBoundary = cp.heapTop;
    m_choices.push_back(cp);
    return m_choices.back();
}

void Machine::restore(const ChoicePoint& cp) {
    for (std::size_t k = m_trail.size(); k > cp.trailMark; --k) {
        const std::uint32_t var = m_trail[k - 1];
        m_heap[var] = Cell::makeVar(var);
    }
    m_trail.resize(cp.trailMark);
    m_heap.resize(cp.heapTop);
    m_goals.resize(cp.goalHeight);
    for (std::size_t k = m_goalTrail.size(); k > cp.goalTrailMark; --k) {
        const GoalTrailEntry& e = m_goalTrail[k - 1];
        if (e.position < cp.goalHeight) m_goals[e.position] = e.goal;
    }
    m_goalTrail.resize(cp.goalTrailMark);
    m_goalLow = cp.goalHeight;
    m_alts.resize(cp.kind == ChoiceKind::Rules ? cp.rules.end : cp.altMark);
    if (!m_suspensions.empty()) {
        // Unbinding cleared the flags; the suspensions made before this
        // choice point still wait on their (again unbound) variables.
        m_suspensions.resize(cp.suspensionMark);
        for (const Suspension& s : m_suspensions)
            if (deref(Cell::makeVar(s.var)).u == s.var) m_heap[s.var].aux |= kHasSuspensions;
    }
    setDepth(cp.depth);
}

void Machine::popChoice() {
    const ChoicePoint& cp = m_choices.back();
    m_goalLow = std::min(m_goalLow, cp.goalLowSaved);
    m_alts.resize(cp.altMark);
    m_choices.pop_back();
    if (m_choices.empty()) {
        // Nothing can be resumed: no undo information is needed any more.
        m_trail.clear();
        m_goalTrail.clear();
        m_goalLow = 0;
        m_trailBoundary = 0;
    } else {
        m_trailBoundary = m_choices.back().heapTop;
    }
}

void Machine::cutTo(std::uint32_t barrier) {
    while (m_choices.size() > barrier) popChoice();
}

bool Machine::backtrack() {
    while (!m_choices.empty()) {
        countStep();  // resuming an alternative is a step, as a goal is
        ChoicePoint& cp = m_choices.back();
        restore(cp);
        POLAR_EMIT(onBacktrack, BacktrackEvent{m_id, m_depth});
        switch (cp.kind) {
        case ChoiceKind::Rules: {
            RulesChoice& rules = cp.rules;
            const std::uint32_t clause = m_alts[rules.next];
            const std::uint32_t args = rules.args, barrier = rules.barrier;
            const int alternative = static_cast<int>(rules.next - cp.altMark);
            m_callArity = rules.arity;
#if POLAR_HOOKS
            if (m_observed) [[unlikely]]
                coldPath([&] { m_entering = callOfChoice(static_cast<std::uint32_t>(m_choices.size() - 1)); });
#endif
            if (++rules.next == rules.end) popChoice();
            if (tryClause(clause, args, barrier, alternative)) return true;
            break;
        }
        case ChoiceKind::Or: {
            OrChoice& branches = cp.branches;
            const Cell& op = cp.inCode ? m_kb.code[branches.op] : m_heap[branches.op];
            Goal g;
            g.inCode = cp.inCode;
            g.term = branches.op + 1 + branches.next;
            g.frame = branches.frame;
            g.barrier = branches.barrier;
            if (++branches.next == op.aux) popChoice();
            pushGoal(g);
            return true;
        }
        case ChoiceKind::In: {
            Cell member;
            const Cell element = m_heap[cp.in.element];
            skipUnmatchable(cp, element);
            if (!nextMember(cp, member)) {
                popChoice();
                break;
            }
            if (cp.in.last) popChoice();  // that was the last member
            if (unify(element, member)) return true;
            break;
        }
        case ChoiceKind::Not:
            popChoice();  // the negated goal failed, so `not` succeeds
            return true;
        }
    }
    return false;
}

// ---- goals -----------------------------------------------------------------------------

bool Machine::exitRule(const Goal& g) {
    setDepth(static_cast<int>(g.depth));
    return true;
}

// The goal under a `not` succeeded. Oso runs such a goal in an "inverter"
// that turns each of its answers into a constraint, and keeps only the
// constraints on variables that were already partial where the `not` began:
// tied to another variable (a rule parameter given an unbound argument) or
// constrained. So:
//   - the goal bound nothing from outside the `not`: `not` fails;
//   - it bound only plain unbound variables (`not f(x)` with x fresh): the
//     constraint is dropped, and `not` fails as negation as failure does;
//   - it bound a partial variable (`g(x) if not x = 1;` with `g(x)`): the
//     `not` waits for that variable and runs again once it is bound, so
//     `g(x) and x = 2` answers {x: 2} as in Oso. If it is never bound the
//     constraint stays pending and the query ends with UnhandledPartial,
//     where Oso's hosts refuse the partial result.
bool Machine::notSucceeded(const Goal& g) {
    if (g.term != kNoTerm) {
        const ChoicePoint& negation = m_choices[g.barrier];
        const std::uint32_t heapTop = negation.heapTop;
        std::vector<std::uint32_t> needed = outerVariablesNeeded(negation);
        if (!needed.empty()) {
            cutTo(g.barrier + 1);       // the choices made under the `not`
            restore(m_choices.back());  // back to where the `not` began
            popChoice();
            for (const std::uint32_t var : needed) {
                if (!isPartial(var, heapTop)) continue;
                Goal later = g;
                later.kind = GoalKind::Negate;
                suspend(var, later);
                return true;
            }
            return false;
        }
    }
    cutTo(g.barrier);
    return false;
}

// Variables older than the `not` (below its heap top) that the goal under
// it bound, or that one of its constraints waits on.
std::vector<std::uint32_t> Machine::outerVariablesNeeded(const ChoicePoint& cp) const {
    std::vector<std::uint32_t> needed;
    for (std::size_t k = cp.trailMark; k < m_trail.size(); ++k) {
        const std::uint32_t var = m_trail[k];
        const Cell& cell = m_heap[var];
        if (var < cp.heapTop && !(cell.tag == Tag::Var && cell.u == var)) needed.push_back(var);
    }
    for (std::size_t k = cp.suspensionMark; k < m_suspensions.size(); ++k) {
        const Cell v = deref(Cell::makeVar(m_suspensions[k].var));
        if (v.tag == Tag::Var && v.u < cp.heapTop) needed.push_back(static_cast<std::uint32_t>(v.u));
    }
    return needed;
}

// Whether an unbound variable is partial in Oso's sense: constraints wait
// on it, or another variable below `top` is bound to it. The scan of the
// heap runs only when a `not` succeeded by binding an outer variable, and
// skips the query's compiled code (it holds no Var cell): `forall(i in
// [...1,000 keys...], f(i, _))` scanned its whole list once per key.
bool Machine::isPartial(std::uint32_t var, std::uint32_t top) const {
    if (m_heap[var].aux & kHasSuspensions) return true;
    for (std::uint32_t k = m_queryCodeEnd; k < top; ++k) {
        tick();
        const Cell& c = m_heap[k];
        if (c.tag == Tag::Var && c.u == var && k != var) return true;
    }
    return false;
}

// `not G`: a choice point that, when G fails back into it, lets the query go
// on; if G succeeds, NotSucceeded removes that choice point and fails.
bool Machine::negate(const Goal& g) {
    Goal inner = g;
    inner.kind = GoalKind::Query;
    inner.barrier = openNegation(&g);
    pushGoal(inner);
    return true;
}

// The choice point and check goal shared by `not` and `forall`; returns the
// cut barrier for the goals under the negation (a cut there stays inside).
// `negated` is the goal a `not` may have to run again later (none for forall).
std::uint32_t Machine::openNegation(const Goal* negated) {
    const auto barrier = static_cast<std::uint32_t>(m_choices.size());
    pushChoice(ChoiceKind::Not);
    Goal check;
    check.kind = GoalKind::NotSucceeded;
    check.term = kNoTerm;
    if (negated) {
        check.inCode = negated->inCode;
        check.term = negated->term;
        check.frame = negated->frame;
    }
    check.barrier = barrier;
    pushGoal(check);
    return static_cast<std::uint32_t>(m_choices.size());
}

// ---- rule calls ----------------------------------------------------------------------

bool Machine::callRule(Cell call, const Goal& g) {
    const Cell header = cellAt(call, 0);
    const auto name = static_cast<std::uint32_t>(header.u);
    const std::uint32_t arity = header.aux;
    if (header.spare) throw Error(ErrorKind::Operational, "InvalidState", "Invalid state: query_for_predicate: unexpected kwargs: " + m_kb.symbols.text(name), locationOf(g));  // as Oso: a rule takes no keyword arguments
    Predicate* p = m_kb.predicateFor(name);
    if (!p) fail("QueryForUndefinedRule", "Query for undefined rule `" + m_kb.symbols.text(name) + "`");

    const auto args = static_cast<std::uint32_t>(m_heap.size());
    m_heap.resize(m_heap.size() + arity);
    for (std::uint32_t k = 0; k < arity; ++k) {
        const Cell value = resolve(cellAt(call, 1 + k), g.frame);
        m_heap[args + k] = value.tag == Tag::Var ? Cell::makeVar(value.u) : value;
    }
    const auto begin = static_cast<std::uint32_t>(m_alts.size());
    m_callArity = arity;
    collectCandidates(*p, args, arity);
    if (p->anySpecializer && m_alts.size() - begin > 0) filterAndSort(begin, args);
    const auto end = static_cast<std::uint32_t>(m_alts.size());
    const auto count = static_cast<int>(end - begin);

#if POLAR_HOOKS
    if (m_observed) [[unlikely]] observeRuleCall(call, args, begin, end);
#endif
    if (count == 0) {
        m_alts.resize(begin);
        return false;
    }
    const auto barrier = static_cast<std::uint32_t>(m_choices.size());
    const std::uint32_t first = m_alts[begin];
    if (count > 1) {
        ChoicePoint& cp = pushChoice(ChoiceKind::Rules);
        cp.altMark = begin;
        cp.rules = RulesChoice{begin + 1, end, args, barrier, arity};
#if POLAR_HOOKS
        if (m_observed) [[unlikely]] observeRuleBranch(count);
#endif
    } else {
        m_alts.resize(begin);
    }
    return tryClause(first, args, barrier, 0);
}

void Machine::collectCandidates(Predicate& p, std::uint32_t args, std::uint32_t arity) {
    // Small predicates are scanned; for large ones, every argument that is a
    // constant offers its index (the clauses with that constant there,
    // merged in source order with those that accept anything there), and
    // the one listing the fewest clauses is taken: not always the first —
    // `has_role(actor, "r0", resource)` expanded from a resource block has a
    // variable first in every clause, and only the role tells them apart.
    constexpr std::size_t kIndexThreshold = 8;
    if (p.clauses.size() >= kIndexThreshold) {
        std::uint32_t bestPos = kNone;
        std::uint64_t bestKey = 0;
        std::size_t bestSize = p.clauses.size();
        for (std::uint32_t pos = 0; pos < arity && bestSize > 1; ++pos) {
            std::uint64_t key;
            if (!indexKey(deref(m_heap[args + pos]), key)) continue;
            const ArgIndex& index = m_kb.argIndex(p, pos);  // may grow p.indexes: keep no reference
            if (index.empty()) continue;
            const std::size_t size = index.keyed(key).size() + index.open().size();
            if (bestPos == kNone || size < bestSize) {
                bestPos = pos;
                bestKey = key;
                bestSize = size;
            }
        }
        if (bestPos != kNone) {
            const ArgIndex& index = p.indexes[bestPos];
            const auto keyed = index.keyed(bestKey);
            const auto open = index.open();
            auto k = keyed.begin();
            auto o = open.begin();
            while (k != keyed.end() || o != open.end()) {
                const std::uint32_t ordinal =
                    (o == open.end() || (k != keyed.end() && *k < *o)) ? *k++ : *o++;
                const std::uint32_t id = p.clauses[ordinal];
                if (candidate(m_kb.clauses[id], args)) m_alts.push_back(id);
            }
            return;
        }
    }
    for (const std::uint32_t id : p.clauses)
        if (candidate(m_kb.clauses[id], args)) m_alts.push_back(id);
}

// Rules that would fail at once are left out, so that the last rule that
// can apply leaves no choice point behind: `fib(1, a)` matches `fib(1, 1)`
// and `fib(n, r) if n > 1 and ...`, but only the first can succeed. The
// guard test is skipped while observers listen: they see every rule tried.
bool Machine::candidate(const Clause& c, std::uint32_t args) {
    if (!shallowMatch(c, args)) return false;
    return c.guard == kNone || m_observed || !guardRejects(c, args);
}

// The rule's leading comparison is false for this argument. Only numbers are
// decided here: anything else (an unbound variable, which would suspend; a
// string, which may be an error) is left to the rule itself.
bool Machine::guardRejects(const Clause& c, std::uint32_t args) {
    const Cell arg = deref(m_heap[args + c.guardParam]);
    if (!arg.isNumber()) return false;
    const auto op = static_cast<Operator>(m_kb.code[c.guard].u);
    const Cell& number = m_kb.code[c.guard + (c.guardParamLeft ? 2 : 1)];
    // Two integers (`n > 1` with an integer n, nearly every guard) skip the
    // general comparison's number classes: ~90 instructions per call.
    if (arg.tag == Tag::Int && number.tag == Tag::Int)
        return c.guardParamLeft ? !compareInts(op, arg.i, number.i) : !compareInts(op, number.i, arg.i);
    return c.guardParamLeft ? !compare(op, arg, number) : !compare(op, number, arg);
}

namespace {
// Whether two constants unify (numbers by value: 1 and 1.0 do).
bool sameConstant(const Cell& a, const Cell& b) {
    if (a.tag == b.tag) {
        switch (a.tag) {
        case Tag::Int: return a.i == b.i;
        case Tag::Float: return a.f == b.f;
        case Tag::Nil:
        case Tag::Empty: return true;
        case Tag::Instance: return true;  // decided by unification (host equality)
        default: return a.u == b.u;
        }
    }
    if (a.isNumber() && b.isNumber()) {
        const double x = a.tag == Tag::Int ? static_cast<double>(a.i) : a.f;
        const double y = b.tag == Tag::Int ? static_cast<double>(b.i) : b.f;
        return x == y;  // a near miss is settled exactly by unify
    }
    return false;
}
} // namespace

// A cheap test that rejects most clauses that cannot apply without touching
// the heap: wrong arity, a different constant in a parameter, or an argument
// of the wrong built-in class for a specializer.
bool Machine::shallowMatch(const Clause& c, std::uint32_t args) const {
    if (c.arity != m_callArity) return false;
    if (c.arity > 64) return shallowMatchWide(c, args);
    // Every clause of a predicate has its mask (KnowledgeBase::load), with
    // no bit at or past its arity.
    for (std::uint64_t rest = c.selective; rest != 0; rest &= rest - 1)
        if (!shallowMatchParam(c, args, static_cast<std::uint32_t>(std::countr_zero(rest)))) return false;
    return true;
}

bool Machine::shallowMatchWide(const Clause& c, std::uint32_t args) const {
    for (std::uint32_t k = 0; k < c.arity; ++k)
        if (!shallowMatchParam(c, args, k)) return false;
    return true;
}

bool Machine::shallowMatchParam(const Clause& c, std::uint32_t args, std::uint32_t k) const {
    const Cell& param = m_kb.code[c.params + k];
    if (param.tag == Tag::TVar && c.specs == kNone) return true;  // takes anything
    const Cell arg = deref(m_heap[args + k]);
    if (arg.tag == Tag::Var) return true;
    if (param.isAtomic()) {
        if (!arg.isAtomic() || !sameConstant(param, arg)) return false;
    } else if ((param.tag == Tag::Cons || param.tag == Tag::Dict || param.tag == Tag::Call) &&
               arg.tag != param.tag) {
        return false;  // a list (dictionary, call) unifies only with another
    }
    if (c.specs != kNone) {
        const Cell& spec = m_kb.code[c.specs + k];
        if (spec.tag == Tag::InstancePattern && isKnownClass(m_kb.code[spec.u].u) &&
            !isInstanceOf(arg, m_kb.code[spec.u].u))
            return false;
    }
    return true;
}

// Oso's rule selection when specializers are involved: keep the rules whose
// parameters really match (tried with all bindings undone afterwards), then
// insertion-sort them so more specific rules come first.
void Machine::filterAndSort(std::uint32_t begin, std::uint32_t args) {
    std::uint32_t out = begin;
    for (std::uint32_t k = begin; k < m_alts.size(); ++k)
        if (applicable(m_kb.clauses[m_alts[k]], args)) m_alts[out++] = m_alts[k];
    m_alts.resize(out);
    for (std::uint32_t outer = begin + 1; outer < out; ++outer) {
        for (std::uint32_t inner = outer; inner > begin; --inner) {
            if (!moreSpecific(m_kb.clauses[m_alts[inner]], m_kb.clauses[m_alts[inner - 1]], args))
                break;
            std::swap(m_alts[inner], m_alts[inner - 1]);
        }
    }
}

bool Machine::applicable(const Clause& c, std::uint32_t args) {
    if (c.specs == kNone) return true;  // shallowMatch covered what matters for ordering
    const auto trailMark = m_trail.size();
    const auto heapTop = m_heap.size();
    const auto boundary = m_trailBoundary;
    const auto goals = m_goals.size();
    const auto suspensions = m_suspensions.size();
    m_trailBoundary = static_cast<std::uint32_t>(heapTop);  // trail everything older
    const std::uint32_t frame = allocFrame(c.frameSize);
    const bool ok = matchHead(c, args, frame);
    m_goals.resize(goals);  // goals woken by the trial bindings
    m_suspensions.resize(suspensions);
    for (std::size_t k = m_trail.size(); k > trailMark; --k) {
        const std::uint32_t var = m_trail[k - 1];
        m_heap[var] = Cell::makeVar(var);
    }
    m_trail.resize(trailMark);
    m_heap.resize(heapTop);
    m_trailBoundary = boundary;
    return ok;
}

// Oso's is_more_specific: the first parameter where the two rules'
// specializers differ decides.
bool Machine::moreSpecific(const Clause& left, const Clause& right, std::uint32_t args) {
    for (std::uint32_t k = 0; k < left.arity && k < right.arity; ++k) {
        const bool l = left.specs != kNone && m_kb.code[left.specs + k].tag != Tag::Nil;
        const bool r = right.specs != kNone && m_kb.code[right.specs + k].tag != Tag::Nil;
        if (!l && !r) continue;
        if (l && !r) return true;
        if (!l && r) return false;
        const Cell& ls = m_kb.code[left.specs + k];
        const Cell& rs = m_kb.code[right.specs + k];
        const bool lu = ls.tag == Tag::InstancePattern && m_kb.unionMembers.count(static_cast<std::uint32_t>(m_kb.code[ls.u].u));
        const bool ru = rs.tag == Tag::InstancePattern && m_kb.unionMembers.count(static_cast<std::uint32_t>(m_kb.code[rs.u].u));
        if (lu && ru) continue;   // unions are equally specific (Oso)
        if (lu) return false;     // a class beats a union
        if (ru) return true;
        if (sameTerm(ls, rs)) continue;
        if (ls.tag == Tag::InstancePattern && rs.tag == Tag::InstancePattern) {
            const Cell lh = m_kb.code[ls.u], rh = m_kb.code[rs.u];
            const Cell arg = deref(m_heap[args + k]);
            // Oso compares class patterns only for host instances; for a
            // built-in value neither is more specific.
            if (arg.tag != Tag::Instance || !m_instances[arg.u].isInstance()) return false;
            if (lh.u == rh.u) return lh.aux > rh.aux;  // same class: more fields first
            const HostClass* cls = classOf(arg);
            if (!cls) return false;
            // The class nearer the argument's own class in its MRO is more specific.
            const auto& mro = m_kb.mro(*cls);
            const auto li = std::find(mro.begin(), mro.end(), lh.u);
            const auto ri = std::find(mro.begin(), mro.end(), rh.u);
            return li < ri;
        }
        if (ls.tag == Tag::DictPattern && rs.tag == Tag::DictPattern)
            return m_kb.code[ls.u].aux > m_kb.code[rs.u].aux;
        return ls.tag == Tag::InstancePattern && rs.tag == Tag::DictPattern;
    }
    return false;
}

bool Machine::tryClause(std::uint32_t clauseId, std::uint32_t args, std::uint32_t barrier,
                        int alternative) {
    const Clause& c = m_kb.clauses[clauseId];
#if POLAR_HOOKS
    if (m_observed) [[unlikely]] observeRuleEnter(clauseId, alternative);
#else
    (void)alternative;
#endif
    const std::uint32_t frame = allocFrame(c.frameSize);
    // Every rule with a specializer reached here through filterAndSort.
    if (!matchHead(c, args, frame, true)) return false;
    if (m_kb.limits.maxDepth && static_cast<std::uint64_t>(m_depth) >= m_kb.limits.maxDepth)
        fail("StackOverflow", "Maximum depth of " + std::to_string(m_kb.limits.maxDepth) +
                                  " rule calls exceeded (Limits::maxDepth)");
    pushExit();
    setDepth(m_depth + 1);
    pushBody(kInCode, c.body, frame, barrier, guardHolds(c, args) ? 1 : 0);
    return true;
}

// The rule's leading comparison (Clause::guard) is true of this call's
// integer argument, so the body can start after it: the goal would only
// compare the same two integers again (a tenth of a `fib` call). Observers
// see every goal, so while one listens the guard runs as a goal.
bool Machine::guardHolds(const Clause& c, std::uint32_t args) const {
    if (c.guard == kNone || m_observed) return false;
    const Cell arg = deref(m_heap[args + c.guardParam]);
    const Cell& number = m_kb.code[c.guard + (c.guardParamLeft ? 2 : 1)];
    if (arg.tag != Tag::Int || number.tag != Tag::Int) return false;
    const auto op = static_cast<Operator>(m_kb.code[c.guard].u);
    return c.guardParamLeft ? compareInts(op, arg.i, number.i) : compareInts(op, number.i, arg.i);
}

// `classesChecked`: applicable() has already matched this head against these
// arguments (rule selection does for every rule with a specializer), so a
// plain class specializer (`x: User`) on a bound value, a pure test, is not
// asked again; one on an unbound value still suspends, and patterns with
// fields, which may call the host, still run.
bool Machine::matchHead(const Clause& c, std::uint32_t args, std::uint32_t frame, bool classesChecked) {
    for (std::uint32_t k = 0; k < c.arity; ++k) {
        const Cell param = m_kb.code[c.params + k];
        const Cell arg = m_heap[args + k];
        if (param.tag == Tag::TVar) {
            const std::uint32_t slot = frame + static_cast<std::uint32_t>(param.u);
            const Cell& current = m_heap[slot];
            if (current.tag == Tag::Var && current.u == slot) {
                // First occurrence: the slot simply takes the argument.
                const Cell a = deref(arg);
                m_heap[slot] = a.tag == Tag::Var ? Cell::makeVar(a.u) : a;
                if (a.tag == Tag::Var && a.u < m_queryTop && !(m_heap[a.u].aux & kAliased)) {
                    // Oso reports a query variable tied to a parameter as such.
                    m_heap[a.u].aux |= kAliased;
                    if (a.u < m_trailBoundary) m_trail.push_back(static_cast<std::uint32_t>(a.u));
                }
            } else if (!unify(Cell::makeVar(slot), arg)) {
                return false;
            }
        } else if (param.tag == Tag::Int || param.tag == Tag::Str || param.tag == Tag::Bool) {
            if (!unify(param, arg)) return false;  // a constant: no template to walk
        } else if (param.tag == Tag::Cons && !param.isGround()) {
            if (!matchPair(param, frame, arg)) return false;
        } else if (!matchTemplate(param, frame, arg)) {
            return false;
        }
        if (c.specs != kNone) {
            const Cell spec = m_kb.code[c.specs + k];
            if (spec.tag == Tag::Nil) continue;
            const Cell value = resolve(param, frame);
            if (value.tag == Tag::Var && (spec.tag == Tag::InstancePattern || spec.tag == Tag::DictPattern)) {
                if (!suspendIsa(value, spec, frame)) return false;  // checked once the argument is bound
                continue;
            }
            if (classesChecked && spec.tag == Tag::InstancePattern && m_kb.code[spec.u].aux == 0) continue;
            if (!isa(value, spec, frame)) return false;
        }
    }
    return true;
}

// A list parameter `[h, *t]` (or `[h, ...]`): the first pair of
// matchTemplate, here so that the commonest list head in a recursive rule
// costs no call. Its head and tail, when they are variables, take the
// argument's cells directly; anything longer goes on in matchTemplate.
bool Machine::matchPair(Cell pattern, std::uint32_t frame, Cell value) {
    value = deref(value);
    if (value.tag == Tag::Var) {
        bind(value.u, materialize(pattern, frame));  // an output argument: build the list
        return true;
    }
    if (value.tag != Tag::Cons) return matchTemplate(pattern, frame, value);
    const Cell head = m_kb.code[pattern.u], tail = m_kb.code[pattern.u + 1];
    const Cell valueHead = cellAt(value, 0), valueTail = cellAt(value, 1);
    if (head.tag == Tag::TVar ? !matchSlot(frame + static_cast<std::uint32_t>(head.u), valueHead)
                              : !matchTemplate(head, frame, valueHead))
        return false;
    return tail.tag == Tag::TVar ? matchSlot(frame + static_cast<std::uint32_t>(tail.u), valueTail)
                                 : matchTemplate(tail, frame, valueTail);
}

} // namespace polar::detail
