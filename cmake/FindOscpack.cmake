# FindOscpack — Debian's liboscpack-dev ships a shared library and headers
# under /usr/include/oscpack/{osc,ip}/ but no CMake config or pkg-config
# file, so this module finds both and wraps them in an IMPORTED target.
#
#   find_package(Oscpack REQUIRED)  →  Oscpack::Oscpack
#   include as <oscpack/osc/OscOutboundPacketStream.h>
find_path(Oscpack_INCLUDE_DIR oscpack/osc/OscOutboundPacketStream.h)
find_library(Oscpack_LIBRARY NAMES oscpack)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Oscpack REQUIRED_VARS Oscpack_LIBRARY Oscpack_INCLUDE_DIR)

if(Oscpack_FOUND AND NOT TARGET Oscpack::Oscpack)
    add_library(Oscpack::Oscpack UNKNOWN IMPORTED)
    set_target_properties(Oscpack::Oscpack PROPERTIES
        IMPORTED_LOCATION "${Oscpack_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Oscpack_INCLUDE_DIR}")
endif()
mark_as_advanced(Oscpack_INCLUDE_DIR Oscpack_LIBRARY)
