# PolarCPack — `cpack -G DEB` (run in build/) makes polar-av_<version>_<arch>.deb.
#
# One package holds everything `cmake --install` installs: the programs, the
# static libraries, headers, the CMake package and polar-engine.pc (a
# library this small does not warrant a -dev split yet). It installs under
# /usr. Depends is computed by dpkg-shlibdeps from the programs' shared
# libraries (SFML, oscpack, libstdc++ ...); what only someone building
# against the libraries needs is a Suggests. tests/package/check.sh builds
# it, lists it and builds a consumer against its extracted tree.
include_guard(GLOBAL)

set(CPACK_PACKAGE_NAME polar-av)
set(CPACK_PACKAGE_VENDOR "Polar AV")
set(CPACK_PACKAGE_CONTACT "Polar AV maintainers <polar-av@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Polar AV reimplements Oso's Polar policy language in C++20 and reports\n"
    "what its VM does as OSC messages. This package holds the programs\n"
    "(polar, polar-osc, polar-viewer, polar-github), the synth patches, and\n"
    "the embeddable libraries with their headers, CMake package\n"
    "(find_package(PolarAV)) and pkg-config file (polar-engine).")
list(JOIN CPACK_PACKAGE_DESCRIPTION "" CPACK_PACKAGE_DESCRIPTION)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake (>= 3.25), pkg-config, g++ (>= 12), liboscpack-dev")

include(CPack)
