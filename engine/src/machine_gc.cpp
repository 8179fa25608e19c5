// machine_gc.cpp — heap garbage collection: a sliding, order-keeping compactor.
//
// Why: the heap used to shrink only on backtracking, so a deterministic
// query's heap grew with every step (fib(25) took 36 MB, 1,000 naive
// reverses of a 30-element list 84 MB) although almost nothing in it stayed
// reachable. Why sliding: choice points record heap heights, and the trail
// relies on "older cell = lower index" (unification binds the younger
// variable to the older). A compactor that keeps the order of the cells it
// keeps preserves both: a choice point's height becomes the number of live
// cells below it, and backtracking truncates the compacted heap as before.
//
// When: at a safe point between two goals (no C++ code holds a heap index
// then), once the heap reaches m_gcThreshold. Steps:
//  1. mark what is reachable from the roots — the query's own cells, the
//     goals (their frames and heap terms), the goal trail, the choice points,
//     the trail and the suspensions — one bit per cell, with an explicit
//     stack (a 1,000,000-element list must not recurse in C++);
//  2. count the live cells before each 64-cell word, so that any index maps
//     to its new place with one popcount (forwarded());
//  3. slide every live cell, its pointer forwarded, down to its new index,
//     in increasing order, which makes the move safe in place;
//  4. forward the heap indices the other stacks hold.
// Frames stay whole: a goal reads slot k of its frame as frame + k, so every
// cell from a frame's start to the highest slot its term names is kept.
// Cost: the live cells plus one word per 64 heap cells; the next collection
// waits until the heap has grown by at least twice as much, so the work per
// allocated cell is bounded by a constant (at most half a live cell's
// marking per new cell; with a growing live set, e.g. a 100,000-element list
// being built, each cell is re-marked about 1.5 times in all, not 2).
#include <bit>

#include "machine.hpp"

namespace polar::detail {
namespace {

// Bits set in a word, inline: std::popcount without -mpopcnt is a libgcc
// call, and forwarding a pointer needs one.
std::uint32_t countBits(std::uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<std::uint32_t>((x * 0x0101010101010101ull) >> 56);
}

} // namespace

void Machine::collectGarbage() {
    const std::size_t size = m_heap.size();
    m_peakHeap = std::max(m_peakHeap, size);
    // One word more than the cells need: forwarded(size) is the live count.
    const std::size_t words = size / 64 + 1;
    m_liveBits.assign(words, 0);
    m_liveBefore.resize(words);

    // Without choice points nothing will be undone (the trail is empty), so
    // marking may shorten chains of bound variables (markReachable).
    m_shuntVariables = m_choices.empty();
    for (std::uint32_t k = 0; k < m_fixedTop; ++k) markReachable(k);
    for (const Goal& g : m_goals) markGoal(g);
    for (const GoalTrailEntry& e : m_goalTrail) markGoal(e.goal);
    for (const ChoicePoint& cp : m_choices) markChoice(cp);
    for (const std::uint32_t var : m_trail) markReachable(var);
    for (const Suspension& s : m_suspensions) {
        markReachable(s.var);
        markGoal(s.goal);
    }

    std::uint32_t live = 0;
    for (std::size_t w = 0; w < words; ++w) {
        m_liveBefore[w] = live;
        live += countBits(m_liveBits[w]);
    }
    std::uint32_t destination = 0;  // live cells keep their order
    for (std::size_t w = 0; w < words; ++w) {
        for (std::uint64_t bits = m_liveBits[w]; bits; bits &= bits - 1) {
            const auto index = static_cast<std::uint32_t>(w * 64 + static_cast<unsigned>(std::countr_zero(bits)));
            Cell c = m_heap[index];
            if (c.tag == Tag::Var || (c.isPointer() && !c.inCode()))
                c.u = forwarded(static_cast<std::uint32_t>(c.u));
            m_heap[destination++] = c;
        }
    }
    m_heap.resize(live);

    for (Goal& g : m_goals) forwardGoal(g);
    for (GoalTrailEntry& e : m_goalTrail) forwardGoal(e.goal);
    for (ChoicePoint& cp : m_choices) forwardChoice(cp);
    for (std::uint32_t& var : m_trail) var = forwarded(var);
    for (Suspension& s : m_suspensions) {
        s.var = forwarded(s.var);
        forwardGoal(s.goal);
    }
    m_trailBoundary = forwarded(m_trailBoundary);
    ++m_collections;

    // Wait until the heap has grown by twice the live cells plus the roots
    // walked (each collection's cost), and at least by Limits::gcMinCells.
    // Twice, not once: a query whose live data keeps growing re-marks it at
    // every collection, and the larger factor cuts that work by a quarter
    // (range(100000, l) and 1 in l: 239M -> 215M instructions) for a peak
    // heap of up to 3x, not 2x, the live cells (289k -> 357k cells there).
    const std::size_t roots = m_goals.size() + m_goalTrail.size() + m_choices.size() +
                              m_trail.size() + m_suspensions.size();
    m_gcThreshold = live + std::max<std::size_t>(m_kb.limits.gcMinCells, 2 * live + roots);
    // Give back memory a burst of garbage took, but only when it is far more
    // than the next collection needs: shrinking and growing again would cost
    // a copy and fresh pages each time.
    if (m_heap.capacity() > 8 * m_gcThreshold) m_heap.shrinkCapacity(2 * m_gcThreshold);
}

// Marks the cell and everything it reaches.
void Machine::markReachable(std::uint32_t index) {
    auto mark = [this](std::uint64_t i) {
        std::uint64_t& word = m_liveBits[i >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (i & 63);
        if (word & bit) return;
        word |= bit;
        m_markStack.push_back(static_cast<std::uint32_t>(i));
    };
    mark(index);
    while (!m_markStack.empty()) {
        const std::uint32_t at = m_markStack.back();
        m_markStack.pop_back();
        // Marking changes nothing a query can see (shortening a chain of
        // variables keeps what it ends in), so a limit may stop it here.
        tick();
        Cell c = m_heap[at];
        if (c.tag == Tag::Var) {
            if (!m_shuntVariables || c.u == at) {
                mark(c.u);
                continue;
            }
            // No binding can be undone (see collectGarbage): the cell takes
            // what its chain of variables ends in, and the chain's cells
            // need not be kept for it — a list built through rule frames
            // then keeps two cells per element, not three.
            const Cell end = deref(c);
            if (end.tag == Tag::Var) {
                m_heap[at] = Cell::makeVar(end.u);
                mark(end.u);
                continue;
            }
            m_heap[at] = end;
            c = end;
        }
        if (!c.isPointer() || c.inCode()) continue;
        if (c.tag == Tag::Cons) {
            mark(c.u);
            mark(c.u + 1);
            continue;
        }
        const bool keyed = c.tag == Tag::Dict || c.tag == Tag::DictPattern || c.tag == Tag::InstancePattern;
        const std::uint64_t cells = 1 + std::uint64_t{m_heap[c.u].aux} * (keyed ? 2 : 1);
        for (std::uint64_t k = 0; k < cells; ++k) mark(c.u + k);
    }
}

// Whether the goal names a term and frame (ExitRule holds a depth, and a
// forall's NotSucceeded nothing).
static bool holdsTerm(const Goal& g) {
    return g.kind == GoalKind::Query || g.kind == GoalKind::Negate ||
           (g.kind == GoalKind::NotSucceeded && g.term != kNoTerm);
}

void Machine::markGoal(const Goal& g) {
    if (!holdsTerm(g)) return;
    if (!g.inCode) markReachable(g.term);
    markFrameOf(g.inCode ? m_kb.code[g.term] : m_heap[g.term], g.frame);
}

// Keeps slots 0 .. highest of `frame`, where highest is the largest slot the
// template `term` names. Heap variables met on the way are data, reached by
// marking; only template structure is walked here.
void Machine::markFrameOf(Cell term, std::uint32_t frame) {
    std::int64_t highest = -1;
    m_walkStack.clear();
    m_walkStack.push_back(term);
    while (!m_walkStack.empty()) {
        const Cell c = m_walkStack.back();
        m_walkStack.pop_back();
        if (c.tag == Tag::TVar) {
            highest = std::max<std::int64_t>(highest, static_cast<std::int64_t>(c.u));
            continue;
        }
        if (!c.isPointer() || c.isGround()) continue;
        if (c.tag == Tag::Cons) {
            m_walkStack.push_back(cellAt(c, 0));
            m_walkStack.push_back(cellAt(c, 1));
            continue;
        }
        const bool keyed = c.tag == Tag::Dict || c.tag == Tag::DictPattern || c.tag == Tag::InstancePattern;
        const std::uint64_t cells = std::uint64_t{cellAt(c, 0).aux} * (keyed ? 2 : 1);
        for (std::uint64_t k = 1; k <= cells; ++k) m_walkStack.push_back(cellAt(c, k));
    }
    for (std::int64_t k = 0; k <= highest; ++k) markReachable(frame + static_cast<std::uint32_t>(k));
}

void Machine::markChoice(const ChoicePoint& cp) {
    switch (cp.kind) {
    case ChoiceKind::Rules:
        for (std::uint32_t k = 0; k < cp.rules.arity; ++k) markReachable(cp.rules.args + k);
        break;
    case ChoiceKind::Or: {
        const OrChoice& branches = cp.branches;
        const Cell& header = cp.inCode ? m_kb.code[branches.op] : m_heap[branches.op];
        if (!cp.inCode)
            for (std::uint32_t k = 0; k <= header.aux; ++k) markReachable(branches.op + k);
        for (std::uint32_t k = branches.next; k < header.aux; ++k) {  // the branches not yet tried
            const std::uint32_t branch = branches.op + 1 + k;
            markFrameOf(cp.inCode ? m_kb.code[branch] : m_heap[branch], branches.frame);
        }
        break;
    }
    case ChoiceKind::In: {
        const InChoice& in = cp.in;
        if (!cp.inCode && in.kind == InKind::List) {
            markReachable(in.cursor);
            markReachable(in.cursor + 1);
        } else if (!cp.inCode && in.kind == InKind::Dict) {
            for (std::uint32_t k = 0; k <= 2 * m_heap[in.cursor].aux; ++k) markReachable(in.cursor + k);
        }
        markReachable(in.element);  // the element being matched
        break;
    }
    case ChoiceKind::Not: break;
    }
}

std::uint32_t Machine::forwarded(std::uint32_t index) const {
    const std::uint64_t below = (std::uint64_t{1} << (index & 63)) - 1;
    return m_liveBefore[index >> 6] + countBits(m_liveBits[index >> 6] & below);
}

void Machine::forwardGoal(Goal& g) const {
    if (!holdsTerm(g)) return;
    g.frame = forwarded(g.frame);
    if (!g.inCode) g.term = forwarded(g.term);
}

void Machine::forwardChoice(ChoicePoint& cp) const {
    cp.heapTop = forwarded(cp.heapTop);
    switch (cp.kind) {
    case ChoiceKind::Rules: cp.rules.args = forwarded(cp.rules.args); break;
    case ChoiceKind::Or:
        cp.branches.frame = forwarded(cp.branches.frame);
        if (!cp.inCode) cp.branches.op = forwarded(cp.branches.op);
        break;
    case ChoiceKind::In: {
        InChoice& in = cp.in;
        if (!cp.inCode && (in.kind == InKind::List || in.kind == InKind::Dict)) in.cursor = forwarded(in.cursor);
        in.element = forwarded(in.element);
        break;
    }
    case ChoiceKind::Not: break;
    }
}

} // namespace polar::detail
