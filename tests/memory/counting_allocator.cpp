// counting_allocator.cpp — the replacement operators; see counting_allocator.hpp.
//
// Each block carries a header in front of the pointer handed out, holding
// the requested size, because unsized `delete p` must know how much to
// subtract. The header is max(16, alignment) bytes so the user's pointer
// keeps the alignment the caller asked for.
#include "counting_allocator.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace counting {

namespace {

std::atomic<std::int64_t> g_bytes{0};
std::atomic<std::int64_t> g_blocks{0};
std::atomic<std::int64_t> g_mismatches{0};

constexpr std::size_t kMinHeader = alignof(std::max_align_t);

std::size_t headerFor(std::size_t align) { return std::max(kMinHeader, align); }

void* allocate(std::size_t size, std::size_t align) noexcept {
    const std::size_t header = headerFor(align);
    void* base = nullptr;
    if (align <= kMinHeader) {
        base = std::malloc(header + size);
    } else {
        // aligned_alloc wants a size that is a multiple of the alignment.
        std::size_t total = (header + size + align - 1) / align * align;
        base = std::aligned_alloc(align, total);
    }
    if (!base) return nullptr;
    unsigned char* user = static_cast<unsigned char*>(base) + header;
    std::memcpy(user - sizeof size, &size, sizeof size);
    g_bytes.fetch_add(static_cast<std::int64_t>(size), std::memory_order_relaxed);
    g_blocks.fetch_add(1, std::memory_order_relaxed);
    return user;
}

// `expected` is the size a sized delete passed, or 0 when it passed none.
void release(void* p, std::size_t align, std::size_t expected = 0) noexcept {
    if (!p) return;
    unsigned char* user = static_cast<unsigned char*>(p);
    std::size_t size = 0;
    std::memcpy(&size, user - sizeof size, sizeof size);
    if (expected != 0 && expected != size) g_mismatches.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_sub(static_cast<std::int64_t>(size), std::memory_order_relaxed);
    g_blocks.fetch_sub(1, std::memory_order_relaxed);
    std::free(user - headerFor(align));
}

// The throwing forms: a zero-byte request still returns a unique pointer.
void* allocateOrThrow(std::size_t size, std::size_t align) {
    void* p = allocate(size == 0 ? 1 : size, align);
    if (!p) throw std::bad_alloc();
    return p;
}

} // namespace

Figures outstanding() {
    return {g_bytes.load(std::memory_order_relaxed), g_blocks.load(std::memory_order_relaxed)};
}

std::int64_t sizeMismatches() { return g_mismatches.load(std::memory_order_relaxed); }

} // namespace counting

using counting::allocate;
using counting::allocateOrThrow;
using counting::release;

namespace {
constexpr std::size_t kDefault = alignof(std::max_align_t);
std::size_t value(std::align_val_t a) { return static_cast<std::size_t>(a); }
} // namespace

// clang-format off
void* operator new(std::size_t n) { return allocateOrThrow(n, kDefault); }
void* operator new[](std::size_t n) { return allocateOrThrow(n, kDefault); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n == 0 ? 1 : n, kDefault); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n == 0 ? 1 : n, kDefault); }
void* operator new(std::size_t n, std::align_val_t a) { return allocateOrThrow(n, value(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocateOrThrow(n, value(a)); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n == 0 ? 1 : n, value(a)); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n == 0 ? 1 : n, value(a)); }

void operator delete(void* p) noexcept { release(p, kDefault); }
void operator delete[](void* p) noexcept { release(p, kDefault); }
void operator delete(void* p, std::size_t n) noexcept { release(p, kDefault, n); }
void operator delete[](void* p, std::size_t n) noexcept { release(p, kDefault, n); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p, kDefault); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p, kDefault); }
void operator delete(void* p, std::align_val_t a) noexcept { release(p, value(a)); }
void operator delete[](void* p, std::align_val_t a) noexcept { release(p, value(a)); }
void operator delete(void* p, std::size_t n, std::align_val_t a) noexcept { release(p, value(a), n); }
void operator delete[](void* p, std::size_t n, std::align_val_t a) noexcept { release(p, value(a), n); }
void operator delete(void* p, std::align_val_t a, const std::nothrow_t&) noexcept { release(p, value(a)); }
void operator delete[](void* p, std::align_val_t a, const std::nothrow_t&) noexcept { release(p, value(a)); }
// clang-format on
