// allocation_count.cpp — see allocation_count.hpp. The replaced operators
// forward to malloc and free, so sanitizers still see every block; only
// the plain and array forms are replaced (the aligned forms keep the
// library's own pair, which is consistent on its own).
#include "allocation_count.hpp"

#include <cstdlib>
#include <new>

#ifndef POLAR_COUNT_ALLOCATIONS
#define POLAR_COUNT_ALLOCATIONS 1
#endif

namespace {

// Constant-initialised: safe to touch from operator new at any time,
// thread start-up included.
thread_local bool t_counting = false;
thread_local std::uint64_t t_bytes = 0;

[[maybe_unused]] void* allocate(std::size_t size) {
    if (t_counting) t_bytes += size;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}

} // namespace

namespace polar::faults {

AllocationCount::AllocationCount() : m_start(t_bytes) { t_counting = true; }
AllocationCount::~AllocationCount() { t_counting = false; }
std::uint64_t AllocationCount::bytes() const { return t_bytes - m_start; }

} // namespace polar::faults

bool polar::faults::AllocationCount::enabled() { return POLAR_COUNT_ALLOCATIONS != 0; }

// Under the sanitizers the operators stay the runtime's own: ASan pairs
// every allocation with its deallocation and reports a block that crosses
// from its operator new to a replaced delete (Catch's registry does).
#if POLAR_COUNT_ALLOCATIONS
void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif
