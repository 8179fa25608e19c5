// catch_main.cpp — the Catch2 main() of polar_unit_tests.
//
// Compiled here rather than linked from Debian's prebuilt Catch2WithMain so
// that sanitizer and fuzz builds instrument it like everything else.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
