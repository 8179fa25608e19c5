// allocation_count.hpp — bytes the calling thread asks of operator new,
// while an AllocationCount lives: how the fault tests measure work without
// a clock.
//
// allocation_count.cpp replaces the global operator new/delete of
// polar_fault_tests (malloc and free underneath, nothing else changes) and
// adds each request's size to a thread-local counter when counting is on.
// Thread-local, so the broadcaster's sender thread and the receive threads
// of other tests never blur the figure: what a query costs on its own
// thread (the VM's, where the OSC hooks format their texts) is what is
// counted. Bytes requested, not bytes held: printing a list at every call
// and throwing the text away costs nothing held but every byte requested.
#pragma once

#include <cstdint>

namespace polar::faults {

class AllocationCount {
public:
    AllocationCount();
    ~AllocationCount();
    AllocationCount(const AllocationCount&) = delete;
    AllocationCount& operator=(const AllocationCount&) = delete;

    // Bytes requested by this thread since construction (0 when !enabled()).
    std::uint64_t bytes() const;
    // False in sanitizer builds, which keep their own operator new.
    static bool enabled();

private:
    std::uint64_t m_start;
};

} // namespace polar::faults
