#include "shot_names.hpp"

#include <cstdio>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace polar::viewer {

std::filesystem::path nextShotPath(const std::filesystem::path& dir, unsigned& next) {
    // A check, then a write: another program creating the same name in
    // between would be overwritten. Nothing else writes these names, and
    // an exclusive create would need the PNG encoder to write to our file.
    for (;;) {
        char name[32];
        std::snprintf(name, sizeof name, "polar-viewer-%03u.png", next);
        std::filesystem::path path = dir / name;
        std::error_code error;
        const bool taken = std::filesystem::exists(path, error) || error;
        if (next == std::numeric_limits<unsigned>::max()) {
            if (taken) throw std::runtime_error("every screenshot number in " + dir.string() + " is taken");
            return path;
        }
        ++next;
        if (!taken) return path;
    }
}

std::string prepareShotDirectory(const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return "cannot create " + dir.string() + ": " + error.message();
    if (!std::filesystem::is_directory(dir, error)) return dir.string() + " is not a directory";
    return {};
}

} // namespace polar::viewer
