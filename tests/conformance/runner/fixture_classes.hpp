// fixture_classes.hpp — the host classes every conformance file can use.
//
// The same classes, with the same members and behaviour, are defined in
// JavaScript in tools/regen.js, which registers them with Oso before loading
// each file; the expectations of host_*.polar and resource_*.polar come
// from there. Change both together.
//
//   User(name, roles)        attributes name, roles; methods hasRole(role),
//                            roleNames() (a lazy range), naturals() (an endless
//                            one), greet(), add(a, b), join3(a, b, c),
//                            sum4(a, b, c, d), fail() (throws); class methods
//                            User.create(name), User.kind()
//   Admin(name, roles)       a User whose greet() says "admin"
//   Organization(name)       attribute name
//   Repository(name, org)    attributes name, org (the Organization)
//   ACME                     a constant: Organization("acme")
#pragma once

#include "polar/polar.hpp"

namespace polar::conformance {

void registerFixtureClasses(polar::Polar& polar);

} // namespace polar::conformance
