// catch_hostile_main.cpp — Catch2's main() for polar_hostile_tests, in a
// file of its own so editing the tests does not recompile Catch.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
