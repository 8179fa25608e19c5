# PolarPackage — everything `cmake --install` and `cpack` produce, in one place.
#
# Design: the libraries are installed by the folders that define them
# (install(TARGETS ... EXPORT ...)), into two export sets so that the
# engine's package needs nothing: PolarAVTargets (PolarAV::engine) and,
# when osc/ is built, PolarAVOscTargets (PolarAV::osc, ::osc_receiver and
# the static libraries they pull in). This file writes both export files,
# PolarAVConfig.cmake (components: engine, osc, osc_receiver), its version
# file, FindOscpack.cmake (the osc libraries link Debian's oscpack, which
# has no CMake config of its own), polar-engine.pc, patches/ and the docs,
# then configures CPack for a .deb. Every path is relative to the install
# prefix (GNUInstallDirs, ${PACKAGE_PREFIX_DIR}, ${pcfiledir}), so an
# installed or extracted tree can be moved anywhere.
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(POLAR_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/PolarAV)

install(EXPORT PolarAVTargets NAMESPACE PolarAV:: DESTINATION ${POLAR_CMAKE_INSTALL_DIR})
set(POLAR_PACKAGE_FILES
    ${CMAKE_CURRENT_BINARY_DIR}/PolarAVConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/PolarAVConfigVersion.cmake)
if(TARGET polar_osc)
    install(EXPORT PolarAVOscTargets NAMESPACE PolarAV:: DESTINATION ${POLAR_CMAKE_INSTALL_DIR})
    list(APPEND POLAR_PACKAGE_FILES ${CMAKE_CURRENT_SOURCE_DIR}/cmake/FindOscpack.cmake)
endif()

configure_package_config_file(cmake/PolarAVConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/PolarAVConfig.cmake
    INSTALL_DESTINATION ${POLAR_CMAKE_INSTALL_DIR})
# 0.x: a minor version may change the API, so only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/PolarAVConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${POLAR_PACKAGE_FILES} DESTINATION ${POLAR_CMAKE_INSTALL_DIR})

# polar-engine.pc: prefix is found from the .pc file's own place, one "../"
# per component of "${CMAKE_INSTALL_LIBDIR}/pkgconfig" (lib/pkgconfig, or
# lib/x86_64-linux-gnu/pkgconfig under /usr on Debian).
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(POLAR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
    string(REGEX REPLACE "[^/]+" ".." POLAR_PC_UP "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
    set(POLAR_PC_PREFIX "\${pcfiledir}/${POLAR_PC_UP}")
endif()
configure_file(cmake/polar-engine.pc.in ${CMAKE_CURRENT_BINARY_DIR}/polar-engine.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/polar-engine.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Data and documentation (share/doc/polar-av: GNUInstallDirs' DOCDIR would say PolarAV).
set(POLAR_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/polar-av)
install(FILES README.md docs/host-classes.md docs/semantics.md
        DESTINATION ${POLAR_DOC_DIR})
install(FILES engine/README.md DESTINATION ${POLAR_DOC_DIR} RENAME engine.md)
# The synth patches listen to the OSC stream, so they come with osc/.
if(TARGET polar_osc)
    install(FILES osc/README.md DESTINATION ${POLAR_DOC_DIR} RENAME osc.md)
    install(DIRECTORY patches/ DESTINATION ${CMAKE_INSTALL_DATADIR}/polar-av/patches)
endif()

include(PolarCPack)
