// spsc_ring.hpp — a bounded, lock-free, single-producer single-consumer ring.
//
// The VM thread (producer) hands events to the sender thread (consumer)
// through this ring without locks, system calls or allocation: a push is a
// slot write plus one release store. Each side owns one index and keeps a
// cached copy of the other's, so in the common case neither touches the
// other side's cache line (the cached copy is refreshed only when the ring
// looks full, or empty). The indices count forever (64 bits never wrap in
// practice) and the capacity is a power of two, so a slot is `index & mask`.
//
// Slots are written in place: claim() returns the next free slot, the
// producer fills it, publish() makes it visible. The consumer reads front()
// in place and pop()s it. Exactly one thread may produce and one consume.
//
// waitForRoom() is the one blocking call, used only in paced mode: it sleeps
// (until an optional deadline) on the consumer's index (C++20 atomic wait, a futex on Linux) until a slot
// frees up. pop() wakes it only when the ring was built `blocking`, so the
// real-time path never pays for a notify.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace polar::osc::detail {

template <class T>
class SpscRing {
public:
    // capacity is rounded up to a power of two (at least 2).
    explicit SpscRing(std::size_t capacity, bool blocking = false)
        : m_mask(std::bit_ceil(capacity < 2 ? std::size_t{2} : capacity) - 1),
          m_slots(std::make_unique<T[]>(m_mask + 1)),
          m_blocking(blocking) {}

    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    std::size_t capacity() const noexcept { return m_mask + 1; }

    // Producer: the slot to fill next, or nullptr when the ring is full —
    // or when no more than `reserve` slots are free, which keeps the last
    // `reserve` slots for claims that pass a smaller one (reserve must be
    // below capacity()). Claiming twice without publish() returns the same slot.
    T* claim(std::size_t reserve = 0) noexcept {
        const std::uint64_t head = m_head.load(std::memory_order_relaxed);
        const std::uint64_t limit = m_mask - reserve;
        if (head - m_cachedTail > limit) {
            m_cachedTail = m_tail.load(std::memory_order_acquire);
            if (head - m_cachedTail > limit) return nullptr;
        }
        return &m_slots[head & m_mask];
    }

    // Producer: make the claimed slot visible to the consumer.
    void publish() noexcept {
        m_head.store(m_head.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }

    // Producer: block until claim(reserve) would succeed (paced mode only),
    // but not past `deadline`: returns false when it passed first. With no
    // deadline it sleeps on the consumer's index; with one it naps at most
    // a millisecond at a time, since a futex wait cannot time out — the
    // producer is waiting on a pace of milliseconds anyway.
    bool waitForRoom(std::size_t reserve = 0,
                     std::chrono::steady_clock::time_point deadline =
                         std::chrono::steady_clock::time_point::max()) noexcept {
        const std::uint64_t head = m_head.load(std::memory_order_relaxed);
        const std::uint64_t limit = m_mask - reserve;
        std::uint64_t tail = m_tail.load(std::memory_order_acquire);
        while (head - tail > limit) {
            if (deadline == std::chrono::steady_clock::time_point::max()) {
                m_tail.wait(tail, std::memory_order_acquire);
            } else {
                const auto now = std::chrono::steady_clock::now();
                if (now >= deadline) return false;
                std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                    deadline - now, std::chrono::milliseconds(1)));
            }
            tail = m_tail.load(std::memory_order_acquire);
        }
        m_cachedTail = tail;
        return true;
    }

    // Consumer: the oldest published slot, or nullptr when empty.
    const T* front() noexcept {
        const std::uint64_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_cachedHead) {
            m_cachedHead = m_head.load(std::memory_order_acquire);
            if (tail == m_cachedHead) return nullptr;
        }
        return &m_slots[tail & m_mask];
    }

    // Consumer: release the slot front() returned.
    void pop() noexcept {
        m_tail.store(m_tail.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        if (m_blocking) m_tail.notify_one();
    }

    // Producer side: how many slots were ever published.
    std::uint64_t published() const noexcept { return m_head.load(std::memory_order_acquire); }

    // Either side: how many slots were ever popped.
    std::uint64_t consumed() const noexcept { return m_tail.load(std::memory_order_acquire); }

    // Either side: how many slots are published and not yet popped (a
    // snapshot; exact only from the consumer when the producer is idle).
    std::size_t size() const noexcept {
        const std::uint64_t tail = m_tail.load(std::memory_order_acquire);
        const std::uint64_t head = m_head.load(std::memory_order_acquire);
        return static_cast<std::size_t>(head - tail);
    }

private:
    // 64 bytes: the cache line of x86-64 and most ARM cores. (Not
    // std::hardware_destructive_interference_size: GCC warns that its value
    // may differ between compilers, which -Werror turns into an error.)
    static constexpr std::size_t kLine = 64;

    const std::size_t m_mask;
    const std::unique_ptr<T[]> m_slots;
    const bool m_blocking;
    // Producer's line: its index and its view of the consumer's.
    alignas(kLine) std::atomic<std::uint64_t> m_head{0};
    std::uint64_t m_cachedTail = 0;
    // Consumer's line.
    alignas(kLine) std::atomic<std::uint64_t> m_tail{0};
    std::uint64_t m_cachedHead = 0;
};

} // namespace polar::osc::detail
