// main.cpp — a downstream program using an installed (or vendored) Polar AV.
//
// The same file is built four ways by check.sh (find_package from an install
// tree, add_subdirectory of the sources, pkg-config, and the extracted .deb)
// to prove each way gives a working engine: a host class is registered, a
// policy using it loads, isAllowed decides, and queryRule with an unbound
// variable hands back its binding. Built with POLAR_PACKAGE_OSC it also
// attaches an OscBroadcaster (PolarAV::osc) and checks the events it saw.
//
// Output: one "ok: ..." or "FAIL: ..." line per check. Exit codes: 0 all
// passed; 1 a check failed; 2 an exception.
#include <polar/host.hpp>
#include <polar/polar.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#ifdef POLAR_PACKAGE_OSC
#include <polar/osc/broadcaster.hpp>
#endif

namespace {

struct Account {
    std::string name;
    bool admin = false;
};

constexpr const char* kPolicy = R"(
allow(actor: Account, "read", _doc) if actor.admin = true;
f(1);
f(2);
)";

int failures = 0;

void check(bool ok, const std::string& what) {
    std::cout << (ok ? "ok: " : "FAIL: ") << what << '\n';
    if (!ok) ++failures;
}

} // namespace

int main() try {
    polar::Polar polar;
    polar.registerClass(polar::Class<Account>("Account")
                            .attribute("name", &Account::name)
                            .attribute("admin", &Account::admin));
#ifdef POLAR_PACKAGE_OSC
    // Port 9 is "discard": nothing needs to listen for the events to be sent.
    polar::osc::OscBroadcaster osc({.destinations = {"127.0.0.1:9"}});
    polar.addObserver(osc);
#endif
    polar.loadString(kPolicy, "consumer.polar");

    auto ann = std::make_shared<Account>(Account{"ann", true});
    auto bob = std::make_shared<Account>(Account{"bob", false});
    // Host objects go in as they are: a shared_ptr is shared, a reference borrowed.
    check(polar.isAllowed(ann, "read", "doc1"), "isAllowed(admin ann, read) is true");
    check(!polar.isAllowed(*bob, "read", "doc1"), "isAllowed(bob, read) is false");
    check(polar.query("allow(user, \"read\", \"doc1\")", {{"user", ann}}).next().has_value(),
          "query(text, {{\"user\", ann}}) binds a host object");

#ifdef POLAR_PACKAGE_OSC
    polar.removeObserver(osc);
    const bool flushed = osc.flush(std::chrono::seconds(10));
    const auto stats = osc.stats();
    check(stats.captured > 0 && flushed && stats.waiting == 0,
          "OscBroadcaster saw " + std::to_string(stats.captured) + " events, flushed, " +
              std::to_string(stats.sent) + " sent");
#endif

    auto query = polar.queryRule("f", polar::Value::Variable{"x"});
    auto first = query.next();
    const polar::Value* x = first ? first->find("x") : nullptr;
    std::cout << "queryRule(\"f\", x): " << (first ? first->toJson() : "no answer") << '\n';
    check(x != nullptr && x->isInt() && x->asInt() == 1, "queryRule binds x = 1");
    return failures == 0 ? 0 : 1;
} catch (const std::exception& error) {
    std::cout << "FAIL: exception: " << error.what() << '\n';
    return 2;
}
