# Paired with catch_embedding_api.cpp, which registers Member (base of
# User) and Document, and passes them as they are: by reference, pointer,
# shared_ptr or temporary.

# The authorization matrix the authorize() tests compare with Oso 0.27.3:
# the owner and "reader" may read, the owner may edit, "watcher" may watch
# (and nothing else, so refusals to it are NotFound).
allow(user: User, "read", doc: Document) if
    doc.owner = user.name or
    user.name = "reader";
allow(user: User, "edit", doc: Document) if doc.owner = user.name;
allow(user: User, "watch", _doc: Document) if user.name = "watcher";

# Variables passed to queryRule, alone and inside lists and dictionaries.
f(1);
f(2);
pair([1, 2], {a: 3});
same(1, 1);
same(1, 2);

# Plain C++ values as arguments.
greet("hi", 3);
named(user: User, name) if name = user.name;
is_nil(nil);
