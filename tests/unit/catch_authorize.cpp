// Oso's authorize(): allowed returns, a refusal is NotFound when the actor
// may not even read the resource and Forbidden when it may. The matrix below
// is what npm oso@0.27.3 answers for the same policy (host/documents.polar).
// Also here: base<B>() taking B's registered name.
#include <catch2/catch.hpp>

#include <string>

#include <polar/polar.hpp>

#include "host/documents_model.hpp"

namespace {

using documents::Document;
using documents::makePolar;
using documents::Member;
using documents::User;

// "ok", or the name of the error authorize threw.
std::string outcome(polar::Polar& p, const std::string& who, const std::string& action,
                    const polar::AuthorizeOptions& options = {}) {
    const Document doc{"owner"};
    try {
        p.authorize(User(who), action, doc, options);
        return "ok";
    } catch (const polar::NotFoundError&) {
        return "NotFound";
    } catch (const polar::ForbiddenError&) {
        return "Forbidden";
    }
}

} // namespace

TEST_CASE("authorize tells NotFound from Forbidden as Oso does", "[api][authorize]") {
    polar::Polar p = makePolar();
    SECTION("allowed actions return") {
        CHECK(outcome(p, "owner", "read") == "ok");
        CHECK(outcome(p, "owner", "edit") == "ok");
        CHECK(outcome(p, "reader", "read") == "ok");
        CHECK(outcome(p, "watcher", "watch") == "ok");
    }
    SECTION("may read, may not act: Forbidden") {
        CHECK(outcome(p, "reader", "edit") == "Forbidden");
        CHECK(outcome(p, "reader", "watch") == "Forbidden");
        CHECK(outcome(p, "owner", "watch") == "Forbidden");
    }
    SECTION("may not read: NotFound, also when reading is what was asked") {
        CHECK(outcome(p, "watcher", "read") == "NotFound");
        CHECK(outcome(p, "watcher", "edit") == "NotFound");
        CHECK(outcome(p, "nobody", "read") == "NotFound");
        CHECK(outcome(p, "nobody", "watch") == "NotFound");
    }
    SECTION("checkRead = false: every refusal is Forbidden") {
        CHECK(outcome(p, "watcher", "read", {.checkRead = false}) == "Forbidden");
        CHECK(outcome(p, "nobody", "edit", {.checkRead = false}) == "Forbidden");
        CHECK(outcome(p, "owner", "edit", {.checkRead = false}) == "ok");
        CHECK_THROWS_AS(p.authorize(User("nobody"), "edit", Document{"owner"}, {.checkRead = false}),
                        polar::ForbiddenError);
    }
    SECTION("another read action decides what is visible") {
        const polar::AuthorizeOptions watchIsRead{true, "watch"};
        CHECK(outcome(p, "watcher", "edit", watchIsRead) == "Forbidden");
        CHECK(outcome(p, "reader", "edit", watchIsRead) == "NotFound");
        CHECK(outcome(p, "reader", "watch", watchIsRead) == "NotFound");
    }
    SECTION("the errors: one family, Oso's messages") {
        try {
            p.authorize(User("nobody"), "edit", Document{"owner"});
            FAIL("expected NotFoundError");
        } catch (const polar::AuthorizationError& e) {
            CHECK(e.kind() == polar::ErrorKind::Authorization);
            CHECK(e.name() == "AuthorizationError::NotFound");
            CHECK(e.message() ==
                  "Oso NotFoundError -- The current user does not have permission to read the given "
                  "resource. You should handle this error by returning a 404 error to the client.");
        }
        try {
            p.authorize(User("reader"), "edit", Document{"owner"});
            FAIL("expected ForbiddenError");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "AuthorizationError::Forbidden");
            CHECK(e.message() ==
                  "Oso ForbiddenError -- The requested action was not allowed for the given resource. "
                  "You should handle this error by returning a 403 error to the client.");
        }
    }
}

TEST_CASE("base<B>() takes B's name from its registration", "[host][base]") {
    SECTION("the registered name: matches, specializers and B's members") {
        polar::Polar p = makePolar();
        User ann("ann");
        CHECK(p.query("u matches Member and u matches User", {{"u", ann}}).next());
        CHECK(p.query("n = u.name", {{"u", ann}}).next()->at("n") == "ann");
    }
    SECTION("an unregistered base is an error when the class is registered") {
        polar::Polar p;
        try {
            p.registerClass(polar::Class<User>("User").base<Member>());
            FAIL("expected an error");
        } catch (const polar::Error& e) {
            CHECK(e.name() == "OperationalError::UnregisteredClass");
            CHECK(e.message().find("Cannot register User: its base class") == 0);
            CHECK(e.message().find("register the base class first") != std::string::npos);
        }
        // Nothing of User was kept: with its base registered, it registers.
        p.registerClass(polar::Class<Member>("Member"));
        CHECK_NOTHROW(p.registerClass(polar::Class<User>("User").base<Member>()));
    }
    SECTION("the named form still works") {
        polar::Polar p;
        p.registerClass(polar::Class<Member>("Member"));
        p.registerClass(polar::Class<User>("User").base<Member>("Member"));
        User ann("ann");
        CHECK(p.query("u matches Member", {{"u", ann}}).next());
    }
}
