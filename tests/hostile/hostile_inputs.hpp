// hostile_inputs.hpp — the inputs of issue 11 that once crashed the engine
// or ran past its limits, built as text: shared by the library tests
// (catch_hostile.cpp) and the process tests (hostile_tool prints them for
// hostile.sh), so both try exactly the same thing.
#pragma once

#include <string>

namespace polar::hostile {

// `x = 1 + 1 + ... + 1`: a left-associative chain `links` long.
inline std::string plusChain(int links) {
    std::string text = "x = 1";
    for (int k = 0; k < links; ++k) text += " + 1";
    return text;
}

// `x = {}.a.a...`: a lookup chain `links` long.
inline std::string dotChain(int links) {
    std::string text = "x = {}";
    for (int k = 0; k < links; ++k) text += ".a";
    return text;
}

// x0 = [x1, x1] and x1 = [x2, x2] and ... x{levels} = 1: a term that shares
// its halves, so it stands for 2^levels leaves in a few hundred cells.
inline std::string doubledList(int levels) {
    std::string text;
    for (int k = 0; k < levels; ++k) {
        if (k) text += " and ";
        text += "x" + std::to_string(k) + " = [x" + std::to_string(k + 1) + ", x" + std::to_string(k + 1) + "]";
    }
    return text + " and x" + std::to_string(levels) + " = 1";
}

} // namespace polar::hostile
