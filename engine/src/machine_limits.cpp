// The limits a query runs under: steps, time, memory, and the cycle bound.
//
// A performer sets a timeout and expects it to hold whatever the policy
// does, so no loop whose length the data decides may run unchecked. Two
// counters carry the checks:
//   m_steps  goals run and alternatives resumed; compared exactly with
//            Limits::maxSteps, and every kClockInterval steps (every step
//            while an observer listens) the clock and the memory are read;
//   m_work   tick()s from inside one goal: unification, printing,
//            conversion to Values, `in`, the collector's marking. Every
//            kWorkInterval ticks the clock and the memory are read.
// Both checks cost one increment and one comparison on the hot path.
//
// Memory: the heap cannot grow past Limits::maxHeapBytes (CellStack
// refuses), and the other stacks and the Values being built are counted
// against the same budget at every check. std::bad_alloc from anywhere
// becomes the same named error (Machine::next).
#include <limits>

#include "machine.hpp"
#include "polar/error.hpp"

namespace polar::detail {
namespace {

// Reading the clock costs ~20 ns (vDSO); every 1,024 goals it costs nothing
// measurable, and 1,024 goals take well under a millisecond.
constexpr std::uint64_t kClockInterval = 1024;
// A tick is a few instructions of a loop (one pair unified, one member
// passed); 4,096 of them take microseconds.
constexpr std::uint64_t kWorkInterval = 4096;

std::string mebibytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

} // namespace

void Machine::scheduleLimitCheck() {
    // While an observer listens each goal may wait on it (a paced OSC
    // listener waits a whole beat), so the clock is read after every goal.
    std::uint64_t at = m_steps + (m_observed ? 1 : kClockInterval);
    if (m_kb.limits.maxSteps && m_kb.limits.maxSteps < std::numeric_limits<std::uint64_t>::max())
        at = std::min(at, m_kb.limits.maxSteps + 1);
    m_checkAt = at;
    m_workCheckAt = m_work + kWorkInterval;
}

void Machine::checkLimits() {
    const Limits& limits = m_kb.limits;
    if (limits.maxSteps && m_steps > limits.maxSteps)
        limitExceeded("StepLimit", "Query exceeded the limit of " + std::to_string(limits.maxSteps) +
                                       " steps (Limits::maxSteps)");
    pollLimits();
    scheduleLimitCheck();
}

void Machine::pollLimits() const {
    m_workCheckAt = m_work + kWorkInterval;
    const Limits& limits = m_kb.limits;
    if (limits.cancel && limits.cancel->load(std::memory_order_relaxed))
        limitExceeded("Cancelled", "Query cancelled (Limits::cancel was set)");
    if (std::chrono::steady_clock::now() > m_deadline)
        limitExceeded("QueryTimeout", "Query timeout: the query ran longer than " +
                                          std::to_string(limits.timeout.count()) + " ms (Limits::timeout)");
    if (limits.maxHeapBytes && bytesInUse() > limits.maxHeapBytes)
        limitExceeded("MemoryLimit", "Query exceeded the memory limit of " + mebibytes(limits.maxHeapBytes) +
                                         " (Limits::maxHeapBytes)");
}

std::size_t Machine::bytesInUse() const {
    return m_heap.capacity() * sizeof(Cell) + m_goals.capacity() * sizeof(Goal) +
           m_choices.capacity() * sizeof(ChoicePoint) + m_trail.capacity() * sizeof(std::uint32_t) +
           m_goalTrail.capacity() * sizeof(GoalTrailEntry) + m_alts.capacity() * sizeof(std::uint32_t) +
           m_suspensions.capacity() * sizeof(Suspension) +
           m_unifyStack.capacity() * sizeof(m_unifyStack[0]) + m_instances.capacity() * sizeof(Value) +
           m_liveBits.capacity() * sizeof(std::uint64_t) + m_liveBefore.capacity() * sizeof(std::uint32_t) +
           m_markStack.capacity() * sizeof(std::uint32_t) + m_walkStack.capacity() * sizeof(Cell) +
           m_valueBytes;
}

void Machine::limitExceeded(const char* subkind, const std::string& message) const {
    std::optional<SourceLocation> where;
    if (m_current) where = locationOf(*m_current);
    throw Error(ErrorKind::Runtime, subkind, message, where);
}

void Machine::outOfMemory(const char* what) const {
    limitExceeded("MemoryLimit", std::string("out of memory while ") + what + " (" +
                                     mebibytes(bytesInUse()) + " in use by the query)");
}

// No acyclic term has a path longer than the cells that hold it, nor a
// list more members than it has pairs: past this many steps down one path,
// the term contains itself.
std::size_t Machine::cycleBound() const { return m_heap.size() + m_kb.code.size() + 1; }

void Machine::cyclicTerm(const char* doing) const {
    // Oso's kind for the same query (its goal stack overflows).
    limitExceeded("StackOverflow", std::string("Goal stack overflow: ") + doing +
                                       " a cyclic term (a list or dictionary that contains itself) would never end");
}

} // namespace polar::detail
