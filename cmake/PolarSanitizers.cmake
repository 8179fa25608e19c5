# Global sanitizer and fuzzing flags.
#
# Sanitizers must instrument every object that shares memory with the code
# under test — the engine, the tests, the CLI — or ASan misses overflows in
# uninstrumented code and UBSan misses half the calls, so these flags are
# applied to the whole build rather than per target. Errors halt the
# program (-fno-sanitize-recover) so a ctest run cannot pass with a report
# buried in its log.
#
# POLAR_FUZZ adds -fsanitize=fuzzer-no-link: coverage instrumentation for
# everything, while only the fuzz target itself links libFuzzer's main().
# The two are meant to be combined: `./run` configures build-asan/ with both,
# so the sanitizer test suite and the fuzz targets come from one compile
# (the ASan runtime supplies no-op coverage callbacks to the test programs).
# LeakSanitizer needs no flag of its own: it is part of ASan on Linux and
# runs at exit when ASAN_OPTIONS has detect_leaks=1 (docs/hardening.md).
include_guard(GLOBAL)

if(POLAR_SANITIZE OR POLAR_FUZZ)
    if(MSVC)
        message(FATAL_ERROR "POLAR_SANITIZE and POLAR_FUZZ need GCC or Clang")
    endif()
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()

if(POLAR_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "POLAR_FUZZ needs clang (libFuzzer); configure with "
                            "-DCMAKE_CXX_COMPILER=clang++ or use `./run fuzz`")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
