// cli/unified_diff.cpp — see unified_diff.hpp.
//
// A longest-common-subsequence table over lines: quadratic, which is
// fine for policy files (thousands of lines at most) and simple enough to
// trust. Common prefix and suffix are stripped first, so the usual small
// reformat of a big file costs little.
#include "unified_diff.hpp"

#include <algorithm>
#include <vector>

namespace polar::cli {
namespace {

std::vector<std::string_view> lines(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        const std::size_t nl = s.find('\n');
        const std::size_t n = nl == std::string_view::npos ? s.size() : nl + 1;
        out.push_back(s.substr(0, n));
        s.remove_prefix(n);
    }
    return out;
}

struct Edit {
    char op;  // ' ', '-', '+'
    std::string_view line;
};

std::vector<Edit> edits(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    // lcs[i][j]: LCS length of a[pre+i..] and b[pre+j..] (middle parts).
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<Edit> out;
    for (std::size_t k = 0; k < pre; ++k) out.push_back({' ', a[k]});
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[pre + i] == b[pre + j]) {
            out.push_back({' ', a[pre + i]});
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out.push_back({'+', b[pre + j++]});
        } else {
            out.push_back({'-', a[pre + i++]});
        }
    }
    for (std::size_t k = a.size() - suf; k < a.size(); ++k) out.push_back({' ', a[k]});
    // Deletions before insertions within a run, as diff -u prints them.
    for (std::size_t s = 0; s < out.size();) {
        std::size_t e = s;
        while (e < out.size() && out[e].op != ' ') ++e;
        std::stable_partition(out.begin() + static_cast<std::ptrdiff_t>(s), out.begin() + static_cast<std::ptrdiff_t>(e),
                              [](const Edit& x) { return x.op == '-'; });
        s = e + 1;
    }
    return out;
}

} // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& name) {
    if (before == after) return "";
    const auto a = lines(before), b = lines(after);
    const std::vector<Edit> es = edits(a, b);
    constexpr std::size_t kContext = 3;
    std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
    std::size_t k = 0;
    while (k < es.size()) {
        while (k < es.size() && es[k].op == ' ') ++k;
        if (k == es.size()) break;
        // A hunk: from kContext before this change to kContext after the last
        // change that is no more than 2*kContext unchanged lines further.
        std::size_t start = k >= kContext ? k - kContext : 0;
        std::size_t end = k;
        for (std::size_t unchanged = 0; end < es.size(); ++end) {
            if (es[end].op == ' ') {
                if (++unchanged > 2 * kContext) break;
            } else {
                unchanged = 0;
            }
        }
        // Trim trailing context down to kContext.
        std::size_t last = end;
        while (last > k && es[last - 1].op == ' ') --last;
        end = std::min(es.size(), last + kContext);
        std::size_t aLine = 1, bLine = 1;
        for (std::size_t x = 0; x < start; ++x) {
            if (es[x].op != '+') ++aLine;
            if (es[x].op != '-') ++bLine;
        }
        std::size_t aCount = 0, bCount = 0;
        std::string body;
        for (std::size_t x = start; x < end; ++x) {
            if (es[x].op != '+') ++aCount;
            if (es[x].op != '-') ++bCount;
            body += es[x].op;
            body += es[x].line;
            if (body.back() != '\n') body += "\n\\ No newline at end of file\n";
        }
        out += "@@ -" + std::to_string(aCount ? aLine : aLine - 1) + "," + std::to_string(aCount) + " +" +
               std::to_string(bCount ? bLine : bLine - 1) + "," + std::to_string(bCount) + " @@\n" + body;
        k = end;
    }
    return out;
}

} // namespace polar::cli
