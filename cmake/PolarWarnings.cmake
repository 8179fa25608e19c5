# polar_set_warnings(target) — the one place that decides compiler warnings.
#
# Every target of the project calls this, so the whole code base is held to
# one standard and CI can turn all of it into errors with POLAR_WERROR=ON.
# The set is strict but practical: it catches shadowing, C casts, missing
# virtual destructors and silent fall-through, which are real bugs in an
# interpreter. -Wconversion is left out on purpose: on cell-heap and
# numeric code it mostly flags deliberate int64/size_t mixes and drowns
# the useful warnings.
include_guard(GLOBAL)

function(polar_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${POLAR_WERROR}>:/WX>)
        return()
    endif()
    target_compile_options(${target} PRIVATE
        -Wall
        -Wextra
        -Wpedantic
        -Wshadow
        -Wnon-virtual-dtor
        -Wold-style-cast
        -Wcast-align
        -Wunused
        -Woverloaded-virtual
        -Wimplicit-fallthrough
    )
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # Cheap GCC-only checks without false positives.
        target_compile_options(${target} PRIVATE -Wduplicated-cond -Wlogical-op)
    else()
        # Clang only: GCC 12 at -O2 reports "potential null pointer
        # dereference" inside libstdc++ (std::string moves, streambuf
        # iterators) reached from CLI11 and <filesystem>, which would make
        # POLAR_WERROR builds fail on code that is fine.
        target_compile_options(${target} PRIVATE -Wnull-dereference)
    endif()
    if(POLAR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
