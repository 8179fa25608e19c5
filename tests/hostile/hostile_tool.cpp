// hostile_tool — prints one of the generated hostile inputs
// (hostile_inputs.hpp), so the shell tests need no Python:
//   hostile_tool plus N | dot N | doubled N
#include <cstdlib>
#include <iostream>
#include <string>

#include "hostile_inputs.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: hostile_tool plus|dot|doubled N\n";
        return 2;
    }
    const std::string kind = argv[1];
    const int n = std::atoi(argv[2]);
    if (kind == "plus") std::cout << polar::hostile::plusChain(n) << '\n';
    else if (kind == "dot") std::cout << polar::hostile::dotChain(n) << '\n';
    else if (kind == "doubled") std::cout << polar::hostile::doubledList(n) << '\n';
    else return 2;
    return 0;
}
