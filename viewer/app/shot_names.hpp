// shot_names.hpp — where the S key's screenshots go.
//
// `--shots DIR` (the current directory by default) gets
// polar-viewer-000.png, -001, ...: the first free number from where the
// last shot left off, so a performer's notes from an earlier evening are
// never overwritten, and a gap (a deleted shot) is not refilled out of
// order within a run. Three digits, more when a thousand are not enough.
#pragma once

#include <filesystem>
#include <string>

namespace polar::viewer {

// The next free path DIR/polar-viewer-NNN.png with NNN >= `next`; `next`
// moves past it. Throws std::runtime_error when every number is taken.
std::filesystem::path nextShotPath(const std::filesystem::path& dir, unsigned& next);

// Creates DIR (and its parents) when missing; an empty string when it is
// there, otherwise the reason.
std::string prepareShotDirectory(const std::filesystem::path& dir);

} // namespace polar::viewer
