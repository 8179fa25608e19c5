// The host side of host/documents.polar, shared by catch_authorize.cpp and
// catch_embedding_api.cpp: a Member base class (registered first, so
// User's base<Member>() finds its name), a User and a Document.
#pragma once

#include <string>
#include <utility>

#include <polar/polar.hpp>

namespace documents {

struct Member {
    std::string name;
};

struct User : Member {
    explicit User(std::string n) { name = std::move(n); }
};

struct Document {
    std::string owner;
};

inline polar::Polar makePolar() {
    polar::Polar p;
    p.registerClass(polar::Class<Member>("Member").attribute("name", &Member::name));
    p.registerClass(polar::Class<User>("User").base<Member>());
    p.registerClass(polar::Class<Document>("Document").attribute("owner", &Document::owner));
    p.loadFile(std::string(POLAR_TEST_DIR) + "/host/documents.polar");
    return p;
}

} // namespace documents
