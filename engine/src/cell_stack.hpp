// cell_stack.hpp — the heap's storage: a vector of cells that grows without
// initialising what it adds.
//
// The solver grows the heap by a frame or an argument block on every rule
// call and writes every new cell at once; std::vector::resize would first
// zero them all, which profiling showed as a tenth of the work of naive
// reverse. Cells are trivially copyable, so raw storage is enough.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "cell.hpp"

namespace polar::detail {

// Thrown when the heap would outgrow CellStack::setMaxCells; the machine
// turns it into RuntimeError::MemoryLimit.
struct HeapLimitReached {};

class CellStack {
public:
    CellStack() = default;
    CellStack(const CellStack&) = delete;
    CellStack& operator=(const CellStack&) = delete;
    ~CellStack() { std::free(m_data); }

    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; }
    bool empty() const { return m_size == 0; }
    Cell& operator[](std::size_t i) { return m_data[i]; }
    const Cell& operator[](std::size_t i) const { return m_data[i]; }
    Cell& back() { return m_data[m_size - 1]; }
    Cell* data() { return m_data; }
    // The most cells the stack may hold (Limits::maxHeapBytes); growing past
    // it throws HeapLimitReached instead of asking the system for more.
    void setMaxCells(std::size_t cells) { m_maxCells = cells; }

    void reserve(std::size_t n) {
        if (n > m_capacity) grow(n);
    }
    // Growing leaves the new cells uninitialised: the caller writes them.
    void resize(std::size_t n) {
        if (n > m_capacity) grow(n);
        m_size = n;
    }
    void push_back(const Cell& c) {
        if (m_size == m_capacity) grow(m_size + 1);
        m_data[m_size++] = c;
    }

    // Empties the stack but keeps its memory, and lifts the cell limit (a
    // spare stack handed to the next query, machine.cpp).
    void clearForReuse() {
        m_size = 0;
        m_maxCells = static_cast<std::size_t>(-1) / sizeof(Cell);
    }
    void swap(CellStack& other) noexcept {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_maxCells, other.m_maxCells);
    }

    // Returns memory after a garbage collection shrank the contents.
    void shrinkCapacity(std::size_t capacity) {
        if (capacity >= m_capacity || capacity < m_size || capacity == 0) return;
        void* data = std::realloc(m_data, capacity * sizeof(Cell));
        if (!data) return;  // keeping the larger block is fine
        m_data = static_cast<Cell*>(data);
        m_capacity = capacity;
    }

private:
    void grow(std::size_t atLeast) {
        if (atLeast > m_maxCells) throw HeapLimitReached{};
        std::size_t capacity = m_capacity ? m_capacity * 2 : 1024;
        while (capacity < atLeast) capacity *= 2;
        capacity = std::min(capacity, m_maxCells);
        void* data = std::realloc(m_data, capacity * sizeof(Cell));
        if (!data) throw std::bad_alloc();
        m_data = static_cast<Cell*>(data);
        m_capacity = capacity;
    }

    Cell* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::size_t m_maxCells = static_cast<std::size_t>(-1) / sizeof(Cell);
};

} // namespace polar::detail
