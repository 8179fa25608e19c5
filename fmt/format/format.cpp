// format.cpp — the engine's parser as gatekeeper, then CST and printer.
#include "format.hpp"

#include "cst.hpp"
#include "parser.hpp"  // engine/src
#include "printer.hpp"

namespace polar::fmt {

std::string formatPolar(std::string_view source, const Options& options) {
    try {
        detail::Parser(source).parsePolicy();
    } catch (const detail::ParseFailure& f) {
        throw FormatError{f.subkind, f.message, f.offset};
    }
    const File file = parseFile(source);
    return printFile(file, options.width);
}

} // namespace polar::fmt
