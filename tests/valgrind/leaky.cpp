// leaky.cpp — a program that leaks on purpose, for valgrind/self_test.
//
// It proves that valgrind_leak_check.sh still recognises both leak kinds the
// issue names: a node whose last pointer is dropped is "definitely lost", and
// the node it points to, reachable only through it, is "indirectly lost".
// Without this, a parser broken by a valgrind upgrade would pass every
// program, the leaking ones included.
#include <cstdio>

namespace {

struct Node {
    Node* next = nullptr;
    char payload[64] = {};
};

// volatile keeps the optimiser from deleting the allocations it can see are unused.
Node* volatile g_sink = nullptr;

} // namespace

int main() {
    g_sink = new Node{new Node{}, {}};
    g_sink = nullptr; // the only pointer to the first node is gone
    std::puts("leaked two nodes of 72 bytes on purpose");
    return 0;
}
