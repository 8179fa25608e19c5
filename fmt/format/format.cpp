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

bool formattingOff(std::string_view source) {
    constexpr std::string_view kMarker = "# polar fmt: off";
    std::size_t at = 0;
    while (at < source.size()) {
        std::size_t end = source.find('\n', at);
        if (end == std::string_view::npos) end = source.size();
        std::string_view line = source.substr(at, end - at);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos) {
            line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
            // The marker, alone or followed by a reason: `# polar fmt: off (why)`.
            if (line.substr(0, kMarker.size()) == kMarker && (line.size() == kMarker.size() || line[kMarker.size()] == ' '))
                return true;
            if (line.front() != '#') return false;  // the first token: the opening comments are over
        }
        at = end + 1;
    }
    return false;
}

} // namespace polar::fmt
