// printer.hpp — a parsed file (cst.hpp) to text, through fmt/doc.
#pragma once

#include <string>

#include "cst.hpp"

namespace polar::fmt {

std::string printFile(const File& file, int width);

} // namespace polar::fmt
