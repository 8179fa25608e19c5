// doc.cpp — building Docs and the renderer.
//
// The renderer is the usual stack machine: commands (indent, mode, doc),
// Flat or Break. A group is tried flat: `fits` walks the group flat, then
// the commands after it in their own modes, until the remaining width runs
// out (no) or a line in Break mode is met (yes — the rest starts a new
// line). Looking past the group's end is what keeps a trailing `;` or `,`
// from overflowing the width. Fill looks at one item and its separator at
// a time, and past the next item to the text that must stay with it.
#include "doc.hpp"

#include <utility>

namespace polar::fmt::doc {
namespace {

// Columns, not bytes: a UTF-8 character is one column (its continuation
// bytes, 10xxxxxx, count nothing). Wide East Asian characters and
// combining marks are not told apart; policies rarely hold them.
int columns(const std::string& s) {
    int n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

Doc make(Node n) { return std::make_shared<const Node>(std::move(n)); }

bool anyBreaks(const std::vector<Doc>& parts) {
    for (const Doc& p : parts)
        if (p->breaks) return true;
    return false;
}

enum class Mode { Flat, Break };
struct Cmd {
    int indent;
    Mode mode;
    const Node* node;
    std::size_t fillIndex = 0;  // Fill: the next item to print
};

// Whether `next` (then `then`, if any, then `rest` from the top of the
// stack down) prints `width` more columns or fewer before its first
// newline. `then` spares copying the whole stack to put one more command
// on it: the stack holds the rest of the file.
bool fits(Cmd next, const std::vector<Cmd>& rest, int width, const Cmd* then = nullptr) {
    std::vector<Cmd> todo{next};
    std::size_t restAt = rest.size();
    while (width >= 0) {
        if (todo.empty()) {
            if (then) {
                todo.push_back(*then);
                then = nullptr;
            } else {
                if (restAt == 0) return true;
                todo.push_back(rest[--restAt]);
            }
        }
        const Cmd c = todo.back();
        todo.pop_back();
        const Node& n = *c.node;
        switch (n.kind) {
        case Node::Kind::Text: width -= columns(n.text); break;
        case Node::Kind::Line:
            if (c.mode == Mode::Break || n.hard) return true;
            width -= columns(n.text);
            break;
        case Node::Kind::Nest: todo.push_back({c.indent + n.indent, c.mode, n.parts[0].get()}); break;
        case Node::Kind::Group:
            todo.push_back({c.indent, n.breaks ? Mode::Break : c.mode, n.parts[0].get()});
            break;
        case Node::Kind::Concat:
        case Node::Kind::Fill:
            for (std::size_t i = n.parts.size(); i-- > c.fillIndex;)
                todo.push_back({c.indent, c.mode, n.parts[i].get()});
            break;
        case Node::Kind::Hug:  // as a following text it is its hugging form
            todo.push_back({c.indent, c.mode, n.parts[1].get()});
            todo.push_back({c.indent, c.mode, n.parts[0].get()});
            break;
        }
    }
    return false;
}

// Columns `n` takes when printed flat (hard lines count as nothing; a
// node that contains one is never printed flat anyway).
int flatWidth(const Node* n) {
    switch (n->kind) {
    case Node::Kind::Text:
    case Node::Kind::Line: return n->hard ? 0 : columns(n->text);
    case Node::Kind::Hug: return flatWidth(n->parts[0].get()) + flatWidth(n->parts[1].get());
    default: {
        int w = 0;
        for (const Doc& p : n->parts) w += flatWidth(p.get());
        return w;
    }
    }
}

} // namespace

Doc text(std::string s) {
    Node n;
    n.text = std::move(s);
    return make(std::move(n));
}

Doc line() {
    Node n;
    n.kind = Node::Kind::Line;
    n.text = " ";
    return make(std::move(n));
}

Doc softline() {
    Node n;
    n.kind = Node::Kind::Line;
    return make(std::move(n));
}

Doc hardline() {
    Node n;
    n.kind = Node::Kind::Line;
    n.hard = true;
    n.breaks = true;
    return make(std::move(n));
}

Doc nest(int indent, Doc d) {
    Node n;
    n.kind = Node::Kind::Nest;
    n.indent = indent;
    n.breaks = d->breaks;
    n.parts.push_back(std::move(d));
    return make(std::move(n));
}

Doc group(Doc d) {
    Node n;
    n.kind = Node::Kind::Group;
    n.breaks = d->breaks;
    n.parts.push_back(std::move(d));
    return make(std::move(n));
}

Doc concat(std::vector<Doc> parts) {
    Node n;
    n.kind = Node::Kind::Concat;
    n.breaks = anyBreaks(parts);
    n.parts = std::move(parts);
    return make(std::move(n));
}

Doc fill(const std::vector<Doc>& items, const Doc& separator) {
    Node n;
    n.kind = Node::Kind::Fill;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) n.parts.push_back(separator);
        n.parts.push_back(items[i]);
    }
    n.breaks = anyBreaks(n.parts);
    return make(std::move(n));
}

Doc hug(Doc head, Doc body, Doc fallback) {
    Node n;
    n.kind = Node::Kind::Hug;
    n.breaks = head->breaks || body->breaks || fallback->breaks;
    n.parts = {std::move(head), std::move(body), std::move(fallback)};
    return make(std::move(n));
}

Doc join(const std::vector<Doc>& items, const Doc& separator) {
    std::vector<Doc> parts;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) parts.push_back(separator);
        parts.push_back(items[i]);
    }
    return concat(std::move(parts));
}

std::string render(const Doc& d, int width) {
    std::string out;
    int column = 0;
    std::vector<Cmd> stack{{0, Mode::Break, d.get()}};
    auto newline = [&](int indent) {
        while (!out.empty() && out.back() == ' ') out.pop_back();  // no trailing spaces
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        column = indent;
    };
    while (!stack.empty()) {
        const Cmd c = stack.back();
        stack.pop_back();
        const Node& n = *c.node;
        switch (n.kind) {
        case Node::Kind::Text: {
            out += n.text;
            // Text is one line; should a caller pass several, count the
            // column from its last newline.
            const std::size_t nl = n.text.rfind('\n');
            column = nl == std::string::npos ? column + columns(n.text) : columns(n.text.substr(nl + 1));
            break;
        }
        case Node::Kind::Line:
            if (c.mode == Mode::Flat && !n.hard) {
                out += n.text;
                column += columns(n.text);
            } else {
                newline(c.indent);
            }
            break;
        case Node::Kind::Nest: stack.push_back({c.indent + n.indent, c.mode, n.parts[0].get()}); break;
        case Node::Kind::Group: {
            const Cmd flat{c.indent, Mode::Flat, n.parts[0].get()};
            const bool flatFits = !n.breaks && fits(flat, stack, width - column);
            stack.push_back(flatFits ? flat : Cmd{c.indent, Mode::Break, n.parts[0].get()});
            break;
        }
        case Node::Kind::Concat:
            for (std::size_t i = n.parts.size(); i-- > 0;) stack.push_back({c.indent, c.mode, n.parts[i].get()});
            break;
        case Node::Kind::Hug: {
            const Cmd head{c.indent, Mode::Flat, n.parts[0].get()};
            const Cmd flatBody{c.indent, Mode::Flat, n.parts[1].get()};
            const Cmd brokenBody{c.indent, Mode::Break, n.parts[1].get()};  // up to its first break
            const bool flatFits = !n.breaks && fits(head, stack, width - column, &flatBody);
            if (flatFits || (!n.parts[0]->breaks && fits(head, stack, width - column, &brokenBody))) {
                stack.push_back({c.indent, flatFits ? Mode::Flat : Mode::Break, n.parts[1].get()});
                stack.push_back(head);
            } else {
                stack.push_back({c.indent, Mode::Break, n.parts[2].get()});
            }
            break;
        }
        case Node::Kind::Fill: {
            // parts: item (sep item)*. Print the item at fillIndex; the
            // separator after it breaks if the next item does not fit flat.
            const std::size_t i = c.fillIndex;
            if (i >= n.parts.size()) break;
            const Node* item = n.parts[i].get();
            if (c.mode == Mode::Flat) {
                for (std::size_t k = n.parts.size(); k-- > i;) stack.push_back({c.indent, Mode::Flat, n.parts[k].get()});
                break;
            }
            if (i + 2 < n.parts.size()) {
                const Node* sep = n.parts[i + 1].get();
                // Does "sep next" fit flat after this item?
                const Node pair{Node::Kind::Concat, {}, false, 0, {n.parts[i + 1], n.parts[i + 2]}, false};
                const bool itemFlat = !item->breaks && fits({c.indent, Mode::Flat, item}, {}, width - column);
                const int after = column + (itemFlat ? flatWidth(item) : 0);
                // ...and what must follow it on the line: the next
                // separator's `,` (its line then breaks), or, after the
                // last item, whatever follows the fill (`]`, `,`, `;`).
                const Cmd nextSep{c.indent, Mode::Break, i + 3 < n.parts.size() ? n.parts[i + 3].get() : nullptr};
                const bool pairFits = itemFlat && !pair.parts[1]->breaks &&
                                      fits({c.indent, Mode::Flat, &pair}, stack, width - after,
                                           nextSep.node ? &nextSep : nullptr);
                stack.push_back({c.indent, Mode::Break, &n, i + 2});
                stack.push_back({c.indent, pairFits ? Mode::Flat : Mode::Break, sep});
            }
            const bool itemFits = !item->breaks && fits({c.indent, Mode::Flat, item}, {}, width - column);
            stack.push_back({c.indent, itemFits ? Mode::Flat : Mode::Break, item});
            break;
        }
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace polar::fmt::doc
