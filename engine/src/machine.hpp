// machine.hpp — the solver: depth-first search with explicit state.
//
// One query runs on one Machine. Its state is five stacks, all plain vectors:
//   heap     cells of run-time terms; rule frames; grows, shrinks on backtracking,
//            and is compacted by the garbage collector (machine_gc.cpp)
//   trail    heap variables bound since the newest choice point, to unbind them
//   goals    what is left to do, top = next (see GoalKind)
//   choices  choice points: where to resume when a goal fails
//   alts     the sorted applicable rules of pending rule calls
// No C++ recursion follows the depth of a query: a 1,000,000-deep recursion
// is 1,000,000 entries in `goals`, not C++ frames.
//
// Choice points do not copy the goal stack. A choice point records the goal
// stack height; while it is the newest, popping a goal from below the lowest
// height reached since it was made saves that goal (with its position) on
// the goal trail. Backtracking truncates the stack to the recorded height and
// writes the saved goals back. The cost is one comparison per pop, and the
// memory is proportional to what actually changed.
//
// All goal kinds are in GoalKind, and execute() dispatches each to a handler
// of the same name; every operator of the language is handled in query().
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cell.hpp"
#include "cell_stack.hpp"
#include "compiler.hpp"
#include "knowledge_base.hpp"
#include "polar/observer.hpp"
#include "polar/value.hpp"

#ifndef POLAR_HOOKS
#define POLAR_HOOKS 1
#endif

// A function of the solver's inner loop, defined in machine.cpp and called
// only there, that must be inlined whatever the compiler's heuristics say.
#if defined(__GNUC__) || defined(__clang__)
#define POLAR_HOT [[gnu::always_inline]] inline
#else
#define POLAR_HOT inline
#endif

namespace polar::detail {

enum class GoalKind : std::uint8_t {
    Query,         // evaluate the term at (space, term) in frame; cuts go to `barrier`
    ExitRule,      // a rule body finished: the depth goes back to `depth`
    NotSucceeded,  // the goal under a `not` succeeded: cut to `barrier`, then fail (or wait, below)
    Negate,        // run `not` on the term at (space, term) in frame (used by forall)
};

struct Goal {
    GoalKind kind = GoalKind::Query;
    std::uint8_t inCode = 0;  // `term` indexes the code arena, not the heap
    std::uint16_t spare = 0;
    // What the goal works on; which member is meant follows from `kind`, and
    // each is written and read only for its own kinds.
    union {
        std::uint32_t term = 0;  // Query, Negate, NotSucceeded: the term's cell (kNoTerm: none)
        std::uint32_t depth;     // ExitRule: the depth to go back to
    };
    std::uint32_t frame = 0;
    std::uint32_t barrier = 0;  // the choice-stack height a cut in this goal goes back to
};
inline constexpr std::uint32_t kNoTerm = ~std::uint32_t{0};

enum class ChoiceKind : std::uint8_t {
    Rules,  // more applicable rules for a call
    Or,     // more branches of an `or`
    In,     // more members of a collection for `in`
    Not,    // reached when the negated goal fails: `not` succeeds
};

// What an `In` choice point walks: a list or dictionary on the heap or in
// code (`cursor` = pair or header index), a string (`cursor` = symbol), or a
// host iterator (`cursor` = instance index).
enum class InKind : std::uint32_t { List, Dict, String, Iterator };

// The applicable rules m_alts[next..end) not tried yet for a call whose
// arguments sit at heap[args .. args + arity).
struct RulesChoice {
    std::uint32_t next, end, args, barrier, arity;
};

// The branches of the `or` whose header is at `op`, from `next` on.
struct OrChoice {
    std::uint32_t op, frame, next, barrier;
};

// The members of a collection not tried yet for the element held at
// heap[element]. `position` counts list members passed (a list with more
// members than there are cells is cyclic), the dictionary field, or the
// string's byte offset; `last` is set once the member returned is the last.
struct InChoice {
    std::uint32_t cursor, element;
    InKind kind;
    std::uint32_t position, last;
};

struct ChoicePoint {
    ChoiceKind kind;
    std::uint8_t inCode = 0;  // Or, In: the term or collection is in the code arena
    std::uint32_t goalHeight, goalTrailMark, goalLowSaved;
    std::uint32_t trailMark, heapTop, altMark, suspensionMark;
    std::int32_t depth;
    union {
        RulesChoice rules;
        OrChoice branches;
        InChoice in;
    };
};
static_assert(sizeof(ChoicePoint) <= 56, "choice points stay small: one is pushed per branching call");

// A goal waiting for a variable to be bound.
struct Suspension {
    std::uint32_t var;
    Goal goal;
};

// Thrown inside a goal that needs the value of an unbound variable; the
// driver suspends the goal on that variable instead of failing.
struct SuspendOn {
    std::uint64_t var;
};

struct GoalTrailEntry {
    std::uint32_t position;
    Goal goal;
};

// A query's stacks, kept between queries (KnowledgeBase::spareStacks).
struct MachineStacks {
    CellStack heap;
    std::vector<std::uint32_t> trail, alts;
    std::vector<Goal> goals;
    std::vector<GoalTrailEntry> goalTrail;
    std::vector<ChoicePoint> choices;
    std::vector<Suspension> suspensions;
    std::vector<Value> instances;
};

class Machine final : public EventDetail {
public:
    explicit Machine(KnowledgeBase& kb);
    ~Machine() override;
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    void startQuery(std::string_view text);
    void startRule(std::string_view name, const std::vector<Value>& args);
    std::string ruleCallText(const std::vector<Value>& args) const;
    // Before the first next(): binds a variable of a startQuery query to a
    // host value, as Oso's query(q, bindings=...); a name the query does not
    // use still appears in every answer (Oso's bindings do).
    void bindQueryVariable(const std::string& name, const Value& value);
    // Runs inline queries at load time: the term is already parsed.
    void startNode(const Node& term, std::uint32_t source);

    std::optional<Bindings> next();
    Bindings currentBindings() const;
    // The k-th argument of a startRule query, as it stands in the current answer.
    Value ruleArgument(std::uint32_t k) const { return toValue(m_heap[m_ruleArgs + 1 + k]); }
    std::uint64_t id() const { return m_id; }
    std::uint64_t steps() const { return m_steps; }
    std::uint64_t results() const { return m_results; }
    // Heap cells in use now, and the most the heap held at any collection or
    // answer (machine_gc.cpp): what the memory tests measure.
    std::size_t heapCells() const { return m_heap.size(); }
    std::size_t peakHeapCells() const { return std::max(m_peakHeap, m_heap.size()); }
    std::uint64_t collections() const { return m_collections; }

    // EventDetail
    std::string goalText(std::size_t maxBytes = kWholeText) const override;
    std::vector<std::string> applicableRules() const override;
    std::string ruleText() const override;
    std::vector<std::pair<std::string, std::string>> bindings(std::size_t maxBytesEach = kWholeText) const override;

    // Bound variables open on the path being printed or converted, and how
    // many times (term_format.cpp).
    using SelfReferences = std::unordered_map<std::uint64_t, int>;
    static constexpr std::uint64_t kNoVariable = ~std::uint64_t{0};
    static constexpr std::uint64_t kSelfReference = kNoVariable - 1;
    std::uint64_t derefOpening(Cell& c, SelfReferences& open) const;
    static void closeOpened(std::uint64_t var, SelfReferences& open);

    // Term access, shared with the builtins and formatting.
    Cell deref(Cell c) const {
        while (c.tag == Tag::Var) {
            const Cell& target = m_heap[c.u];
            if (target.tag == Tag::Var && target.u == c.u) return c;  // unbound
            c = target;
        }
        return c;
    }
    // A reference into the heap (or the code): valid only until the heap
    // next grows. So every Machine function that may allocate on the heap
    // (resolve, materialize, unify, the builtins...) takes its Cells by
    // value: a caller's `resolve(cellAt(t, 1), frame)` copies the cell
    // before anything can move it. (A fuzzed `a + [x]` once read a freed
    // heap through such a reference: tests/fuzz/corpus/crash_heap_growth.recipe.)
    const Cell& cellAt(const Cell& pointer, std::uint64_t offset) const {
        return pointer.inCode() ? m_kb.code[pointer.u + offset] : m_heap[pointer.u + offset];
    }
    // Polar text of a term; past `maxBytes` it stops printing and ends in "...".
    std::string format(Cell c, std::size_t maxBytes = EventDetail::kWholeText) const;
    // Appends c's text to `text`, stopping once `text` holds `limit` bytes.
    void printTerm(Cell c, std::string& text, std::size_t limit) const;
    Value toValue(Cell c) const;
    // Heap indexes of the variables a conversion has made, by name.
    using NamedVariables = std::vector<std::pair<std::string, std::uint32_t>>;
    // A host value as heap cells. A Value::Variable becomes a fresh variable,
    // or, given `named`, the one already made for its name (recorded there).
    Cell fromValue(const Value& v, NamedVariables* named = nullptr);

private:
    // Driver.
    bool run();
    // Forced inline (POLAR_HOT): with the hooks compiled in, these grow past
    // the compiler's inlining budget, and the calls alone were most of the
    // hooks' cost when nobody listens (callgrind, fib(20): 3.5% more
    // instructions than the build without hooks; 0.6% inlined).
    POLAR_HOT bool execute(const Goal& g);
    bool query(const Goal& g);
    POLAR_HOT bool exitRule(const Goal& g);
    bool notSucceeded(const Goal& g);
    bool negate(const Goal& g);
    std::uint32_t openNegation(const Goal* negated);
    std::vector<std::uint32_t> outerVariablesNeeded(const ChoicePoint& cp) const;
    void swapStacks(MachineStacks& stacks);
    bool isPartial(std::uint32_t var, std::uint32_t top) const;
    bool backtrack();
    void begin(std::string_view predicate);
    void finish(bool failed);

    // Limits (machine_limits.cpp). Every limit the user sets holds whatever
    // the query is doing: steps are counted per goal and per alternative
    // resumed and compared exactly; the clock and the memory in use are read
    // between goals (every kClockInterval goals, or every goal while an
    // observer listens, since a paced observer makes each goal slow) and, by
    // tick(), inside every loop whose length the data decides: unification,
    // printing, conversion to Values, `in`, the collector's marking.
    void countStep() {
        if (++m_steps >= m_checkAt) [[unlikely]] checkLimits();
    }
    void checkLimits();
    void scheduleLimitCheck();
    void tick() const {
        if (++m_work >= m_workCheckAt) [[unlikely]] pollLimits();
    }
    void pollLimits() const;
    std::size_t bytesInUse() const;
    [[noreturn]] void limitExceeded(const char* subkind, const std::string& message) const;
    [[noreturn]] void outOfMemory(const char* what) const;
    std::size_t cycleBound() const;
    [[noreturn]] void cyclicTerm(const char* doing) const;

    // Goals and choices.
    void pushGoal(const Goal& g) { m_goals.push_back(g); }
    Goal popGoal();
    // `skip`: leading goals already known to hold (see guardHolds).
    void pushBody(std::uint8_t inCode, std::uint32_t header, std::uint32_t frame, std::uint32_t barrier,
                  std::uint32_t skip = 0);
    ChoicePoint& pushChoice(ChoiceKind kind);
    void restore(const ChoicePoint& cp);
    void popChoice();
    void cutTo(std::uint32_t barrier);
    // Inline: twice per rule call; observers hear of it out of line.
    void setDepth(int depth) {
        if (depth == m_depth) return;
        const int previous = m_depth;
        m_depth = depth;
#if POLAR_HOOKS
        if (m_observed) [[unlikely]] emitDepth(depth, previous);
#else
        (void)previous;
#endif
    }
    void emitDepth(int depth, int previous);
    [[gnu::cold, gnu::noinline]] void observeRuleCall(Cell call, std::uint32_t args, std::uint32_t begin,
                                                      std::uint32_t end);
    [[gnu::cold, gnu::noinline]] void observeRuleBranch(int count);
    [[gnu::cold, gnu::noinline]] void observeRuleEnter(std::uint32_t clauseId, int alternative);
    // Runs `f` out of line: what the hooks do when an observer listens
    // stays out of the hot functions' code (see POLAR_EMIT in machine.cpp).
    template <class F>
    [[gnu::cold, gnu::noinline]] static void coldPath(F&& f) { f(); }

    // Rule calls (machine.cpp).
    bool callRule(Cell call, const Goal& g);
    void collectCandidates(Predicate& p, std::uint32_t args, std::uint32_t arity);
    POLAR_HOT bool candidate(const Clause& c, std::uint32_t args);
    POLAR_HOT bool shallowMatch(const Clause& c, std::uint32_t args) const;
    bool shallowMatchWide(const Clause& c, std::uint32_t args) const;
    POLAR_HOT bool shallowMatchParam(const Clause& c, std::uint32_t args, std::uint32_t k) const;
    bool guardRejects(const Clause& c, std::uint32_t args);
    bool guardHolds(const Clause& c, std::uint32_t args) const;
    void filterAndSort(std::uint32_t begin, std::uint32_t args);
    bool applicable(const Clause& c, std::uint32_t args);
    bool moreSpecific(const Clause& left, const Clause& right, std::uint32_t args);
    bool tryClause(std::uint32_t clauseId, std::uint32_t args, std::uint32_t barrier, int alternative);
    // The goal that sets the depth back when the body is done. A last call
    // (the caller's ExitRule is next on the stack) needs none of its own when
    // nobody listens: that ExitRule runs right after this body and restores an
    // older depth anyway, and no goal runs in between to see the difference. The
    // depth while the body runs, choice points' depths and Limits::maxDepth are
    // the same as with the extra goal; a 1,000,000-deep tail recursion keeps one
    // goal instead of 1,000,000. Observers hear every depth change, so they get
    // every goal.
    void pushExit() {
        if (!m_observed && !m_goals.empty() && m_goals.back().kind == GoalKind::ExitRule) return;
        Goal exit;
        exit.kind = GoalKind::ExitRule;
        exit.depth = static_cast<std::uint32_t>(m_depth);
        m_goals.push_back(exit);
    }
    bool matchHead(const Clause& c, std::uint32_t args, std::uint32_t frame, bool classesChecked = false);
    bool matchTemplate(Cell pattern, std::uint32_t frame, Cell value);
    bool matchPair(Cell pattern, std::uint32_t frame, Cell value);  // a list parameter in the code arena
    // A rule variable's frame slot meets a value: a fresh slot takes it
    // (what nearly every parameter does), a bound one unifies.
    bool matchSlot(std::uint32_t slot, Cell value) {
        value = deref(value);
        const Cell& current = m_heap[slot];
        if (current.tag == Tag::Var && current.u == slot && !(current.aux & kHasSuspensions)) {
            m_heap[slot] = value.tag == Tag::Var ? Cell::makeVar(value.u) : value;
            return true;
        }
        return unify(Cell::makeVar(slot), value);
    }

    // Terms (machine_unify.cpp).
    // A template term as a heap value. Inline for what most calls meet (a
    // slot, a variable, a constant); arithmetic, registered constants and
    // blocks to copy go to resolveSlow, out of line, so the common path
    // pays for no stack frame.
    Cell resolve(Cell t, std::uint32_t frame) {
        if (t.tag == Tag::TVar) return deref(Cell::makeVar(frame + t.u));
        if (t.tag == Tag::Var) return deref(t);
        if (t.tag == Tag::Op || t.tag == Tag::Instance || (t.isPointer() && !t.isGround()))
            return resolveSlow(t, frame);
        return t;
    }
    Cell resolveSlow(Cell t, std::uint32_t frame);
    Cell materialize(Cell t, std::uint32_t frame);
    // Inline: once per rule call, and the loop is a few stores.
    std::uint32_t allocFrame(std::uint32_t size) {
        const auto frame = static_cast<std::uint32_t>(m_heap.size());
        m_heap.resize(m_heap.size() + size);
        for (std::uint32_t k = 0; k < size; ++k) m_heap[frame + k] = Cell::makeVar(frame + k);
        return frame;
    }
    // Inline for the common cases — a variable and a value, two integers or
    // two strings — which need no work stack; the general loop is unifySlow.
    bool unify(Cell a, Cell b) {
        a = deref(a);
        b = deref(b);
        if (a.tag == Tag::Var && b.tag != Tag::Var) {
            bind(a.u, b);
            return true;
        }
        if (b.tag == Tag::Var && a.tag != Tag::Var) {
            bind(b.u, a);
            return true;
        }
        if (a.tag == b.tag && (a.tag == Tag::Int || a.tag == Tag::Str)) return a.u == b.u;
        return unifySlow(a, b);
    }
    bool unifySlow(Cell a, Cell b);
    void bind(std::uint64_t var, Cell value);
    bool suspend(std::uint64_t var, const Goal& g);
    std::uint32_t isaClass(const Goal& g) const;
    Cell lookupKey(const Goal& g) const;
    Cell lookupResult(const Goal& g);
    bool classesExclusive(std::uint32_t a, std::uint32_t b) const;
    void wake(std::uint64_t var);
    bool suspendIsa(Cell value, Cell pattern, std::uint32_t frame);
    void checkPendingConstraints() const;
    bool isa(Cell value, Cell pattern, std::uint32_t frame);
    bool matchRest(Cell value, Cell pattern);
    // Inline: rule selection asks both of every specialised parameter (30
    // times an isAllowed decision), and the answer is nearly always in the
    // memo below; a call each cost as much as the answer.
    bool isInstanceOf(Cell value, std::uint64_t classSymbol) const {
        const auto& s = m_kb.sym;
        switch (value.tag) {
        case Tag::Int: return classSymbol == s.Integer;
        case Tag::Float: return classSymbol == s.Float;
        case Tag::Str: return classSymbol == s.String;
        case Tag::Bool: return classSymbol == s.Boolean;
        case Tag::Cons:
        case Tag::Empty: return classSymbol == s.List;
        case Tag::Dict: return classSymbol == s.Dictionary;
        case Tag::Instance: {
            const auto instance = static_cast<std::uint32_t>(value.u);
            const ClassMemo& memo = m_classMemo[(instance * 0x9e3779b1u + classSymbol) % kClassMemoSize];
            if (memo.instance == instance && memo.clsPlusOne == classSymbol + 1) return memo.answer;
            return hostInstanceOfMemo(instance, static_cast<std::uint32_t>(classSymbol));
        }
        default: return false;
        }
    }
    bool isKnownClass(std::uint64_t classSymbol) const {
        const ClassMemo& memo = m_knownClassMemo[classSymbol % kClassMemoSize];
        if (memo.clsPlusOne == classSymbol + 1) return memo.answer;
        return isKnownClassMemo(classSymbol);
    }
    bool isKnownClassMemo(std::uint64_t classSymbol) const;        // asks, and remembers
    bool hostInstanceOfMemo(std::uint32_t instance, std::uint32_t classSymbol) const;
    bool hostInstanceOf(std::uint32_t instance, std::uint32_t classSymbol) const;
    // Answers of isKnownClass and of "is host instance i of class c",
    // remembered for the query: rule selection over resource blocks' rules
    // asks them of the same few instances and classes dozens of times per
    // decision (a fifth of isAllowed, in hash lookups). Direct-mapped; the
    // knowledge base does not change while a query runs.
    // All zero is empty (clsPlusOne 0 names no class), so the tables clear
    // as one memset per query.
    struct ClassMemo {
        std::uint32_t instance = 0, clsPlusOne = 0;
        bool answer = false;
    };
    static constexpr std::size_t kClassMemoSize = 64;
    mutable ClassMemo m_classMemo[kClassMemoSize]{};
    mutable ClassMemo m_knownClassMemo[kClassMemoSize]{};
    const Cell* dictField(const Cell& dict, std::uint64_t keySymbol) const;
    bool sameTerm(Cell a, Cell b) const;

    // Garbage collection (machine_gc.cpp).
    void collectGarbage();
    void markReachable(std::uint32_t index);
    void markGoal(const Goal& g);
    void markFrameOf(Cell term, std::uint32_t frame);
    void markChoice(const ChoicePoint& cp);
    std::uint32_t forwarded(std::uint32_t index) const;
    void forwardGoal(Goal& g) const;
    void forwardChoice(ChoicePoint& cp) const;

    // Builtins (machine_builtins.cpp).
    Cell arithmetic(Operator op, Cell left, Cell right);
    bool compare(Operator op, Cell left, Cell right);
    static bool compareInts(Operator op, std::int64_t left, std::int64_t right);
    bool in(const Goal& g, Cell element, Cell collection);
    bool nextMember(ChoicePoint& cp, Cell& member);
    void skipUnmatchable(ChoicePoint& cp, Cell element);
    bool lookup(Cell object, Cell field, Cell out, std::uint32_t frame);
    bool print(Cell op, std::uint32_t frame);

    // Host calls (host_calls.cpp).
    // What a host call is, for its error messages: "Class.member()", "new
    // Class()", "iterator". Put together only when the call fails: building
    // the string for every call was a tenth of an isAllowed decision.
    struct HostCallName {
        std::string_view prefix, owner, member, suffix;
        std::string text() const;
    };
    Value hostCall(const HostCallName& what, const std::function<Value()>& call);
    std::vector<Value> callArguments(Cell call, std::uint32_t frame, std::uint32_t count);
    const HostClass* classOf(Cell instance) const;
    Value instanceLookup(Cell object, Cell key, std::uint32_t frame);
    Value classLookup(Cell cls, Cell key, std::uint32_t frame);
    Value construct(Cell call, std::uint32_t frame);
    std::optional<Value> builtinMethod(Cell object, Cell key, std::uint32_t frame);
    bool instancesEqual(Cell a, Cell b) const;

    [[noreturn]] void fail(const char* subkind, const std::string& message);
    std::optional<SourceLocation> locationOf(const Goal& g) const;
    std::optional<SourceLocation> locationOfHeader(const Goal& g) const;

    KnowledgeBase& m_kb;
    const std::uint64_t m_generation;
    std::uint64_t m_id = 0;

    CellStack m_heap;
    std::vector<std::uint32_t> m_trail;
    std::vector<Goal> m_goals;
    std::vector<GoalTrailEntry> m_goalTrail;
    std::uint32_t m_goalLow = 0;
    std::vector<ChoicePoint> m_choices;
    std::vector<std::uint32_t> m_alts;
    std::vector<Suspension> m_suspensions;
    // Host values (instances, iterators) the query has seen; a Tag::Instance
    // cell holds an index here. Kept for the whole query: host objects are
    // few, and backtracking must not drop one a binding still names.
    std::vector<Value> m_instances;
    std::uint32_t m_trailBoundary = 0;  // heap top of the newest choice point
    std::uint32_t m_queryTop = 0;       // heap cells below this are the query's own
    // Heap cells below this are a compiled query's code: frame slots there
    // are TVar cells, never Var, so no binding can point from them.
    std::uint32_t m_queryCodeEnd = 0;
    std::uint32_t m_ruleArgs = 0;       // header of the call a startRule query makes
    bool m_ruleQuery = false;           // started by startRule
    Cell m_errorTerm{};
    std::uint32_t m_callArity = 0;      // arity of the call being matched
    // Whether any observer listens, read once per next(): the hooks' whole
    // cost when nobody listens is one test of this flag.
    bool m_observed = false;                  // the sub-expression being evaluated, for error positions
    // Pairs still to unify, with their distance from the first pair: a
    // path longer than cycleBound() runs round a cyclic term.
    struct UnifyTask {
        Cell left, right;
        std::size_t depth;
    };
    std::vector<UnifyTask> m_unifyStack;
    int m_depth = 0;

    // Garbage collection (machine_gc.cpp): cells below m_fixedTop (the
    // query's own terms and frame) never move; the heap is compacted when it
    // reaches m_gcThreshold.
    std::uint32_t m_fixedTop = 0;
    std::size_t m_gcThreshold = 0;
    std::size_t m_peakHeap = 0;
    std::uint64_t m_collections = 0;
    std::vector<std::uint64_t> m_liveBits;     // one bit per heap cell
    std::vector<std::uint32_t> m_liveBefore;   // live cells before each 64-cell word
    std::vector<std::uint32_t> m_markStack;
    std::vector<Cell> m_walkStack;
    bool m_shuntVariables = false;

    // The query itself.
    Source m_source;
    std::unordered_map<std::uint32_t, SourcePos> m_positions;
    std::vector<std::pair<std::string, std::uint32_t>> m_variables;  // name → heap index
    std::string m_text;
    std::string m_predicate;
    bool m_started = false;
    bool m_done = false;
    std::uint64_t m_steps = 0;
    std::uint64_t m_results = 0;
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    std::uint64_t m_checkAt = 0;                  // m_steps at which checkLimits runs next
    mutable std::uint64_t m_work = 0;             // tick()s so far
    mutable std::uint64_t m_workCheckAt = 0;      // m_work at which pollLimits runs next
    mutable std::size_t m_valueBytes = 0;         // what toValue is building now
    const Goal* m_current = nullptr;

    // Context for EventDetail during a callback.
    std::uint32_t m_detailClause = kNone;
    // Observed queries only: the rule calls made so far (RuleCallEvent::call)
    // and, for each rule choice point, the call it belongs to, as (choice
    // index, call, alternatives). A side stack rather than a field of
    // RulesChoice, so that choice points stay 56 bytes when nobody watches;
    // entries of choices that were cut are dropped lazily (noteRuleChoice,
    // callOfChoice).
    std::uint64_t m_calls = 0;
    struct ObservedCall { std::uint32_t choice; std::uint64_t call; int alternatives; };
    std::vector<ObservedCall> m_observedCalls;
    void noteRuleChoice(std::uint32_t choice, int alternatives);
    ObservedCall callOfChoice(std::uint32_t choice);
    ObservedCall m_entering{0, 0, 0};  // the call tryClause reports an alternative of
    std::uint32_t m_detailArgs = 0, m_detailAltBegin = 0, m_detailAltEnd = 0;
    Cell m_detailCall{};
};

} // namespace polar::detail
