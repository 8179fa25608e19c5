// doc.hpp — a document algebra for pretty printing (Wadler's "prettier
// printer" in Lindig's strict form), with no dependency.
//
// A Doc describes text and the places where it may break. `line()` is a
// space when its enclosing group fits on the line and a newline (plus the
// current indentation) when it does not; `softline()` is nothing or a
// newline; `hardline()` always breaks and forces every enclosing group to
// break. `nest(n, d)` indents the lines d breaks onto; `group(d)` makes d
// render flat if the whole of it — and the text that follows it up to the
// next possible break — fits in the width, and broken otherwise. `fill`
// decides each separator on its own: items are packed onto a line until
// the next one would not fit (long lists of strings).
//
// Docs are immutable and shared (shared_ptr to const), so building one is
// cheap and a sub-document can appear in several places.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace polar::fmt::doc {

struct Node;
using Doc = std::shared_ptr<const Node>;

struct Node {
    enum class Kind { Text, Line, Nest, Group, Concat, Fill, Hug } kind = Kind::Text;
    std::string text;        // Text: the characters; Line: what it is when flat
    bool hard = false;       // Line: always a newline
    int indent = 0;          // Nest
    std::vector<Doc> parts;  // Nest/Group: one; Concat: all; Fill: item, sep, item, sep, ...; Hug: head, body, fallback
    bool breaks = false;     // contains a hard line, so can never be flat
};

Doc text(std::string s);
Doc line();      // " " or newline
Doc softline();  // "" or newline
Doc hardline();  // always a newline
Doc nest(int indent, Doc d);
Doc group(Doc d);
Doc concat(std::vector<Doc> parts);
// items separated by separator (each decided on its own); separator is
// typically concat({text(","), line()}).
Doc fill(const std::vector<Doc>& items, const Doc& separator);
// `head body` with head on one line and body free to break inside, when
// the line up to body's first break fits; otherwise `fallback`. A
// two-state conditional group (prettier's conditionalGroup): `x = new
// Foo(` keeps the call on the operator's line while that line fits, and
// `x =` / `new Foo(` breaks after the operator when it does not.
Doc hug(Doc head, Doc body, Doc fallback);
// items with separator between them, as one concat.
Doc join(const std::vector<Doc>& items, const Doc& separator);

// Renders within `width` columns when possible. Lines never end in spaces.
std::string render(const Doc& d, int width);

} // namespace polar::fmt::doc
