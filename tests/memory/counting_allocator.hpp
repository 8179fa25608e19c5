// counting_allocator.hpp — every global operator new and delete of the
// program, counted.
//
// counting_allocator.cpp replaces all of them (plain, array, sized, aligned,
// nothrow) with versions that keep two atomic figures: bytes and blocks
// outstanding. Linking that file into a program is what switches counting
// on; there is nothing to call. After the Oso hackathon's counting
// allocator (seeds/oso-winter-hackathon.txt, part 5): a precise, repeatable
// leak check instead of watching memory grow.
#pragma once

#include <cstdint>

namespace counting {

struct Figures {
    std::int64_t bytes = 0;  // requested bytes not yet deleted
    std::int64_t blocks = 0; // allocations not yet deleted
    bool operator==(const Figures&) const = default;
};

Figures outstanding();
// Sized deletes whose size differed from the allocation's: each one is a
// bug (a delete through the wrong type), so the test fails on any.
std::int64_t sizeMismatches();

} // namespace counting
