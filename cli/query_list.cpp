// cli/query_list.cpp — see query_list.hpp.
#include "query_list.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "polar/error.hpp"
#include "repl.hpp"

namespace polar::cli {

std::vector<std::string> parseQueryList(std::string_view text) {
    std::vector<std::string> queries;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string query = replQueryText(text.substr(start, end - start));
        if (!query.empty() && query.front() != '#') queries.push_back(std::move(query));
        start = end + 1;
    }
    return queries;
}

std::vector<std::string> readQueryFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw polar::Error(polar::ErrorKind::Operational, "FileNotFound",
                           "cannot open " + path + ": " + std::strerror(errno));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseQueryList(text.str());
}

} // namespace polar::cli
