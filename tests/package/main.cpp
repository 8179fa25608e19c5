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
// passed; 3 only the queryRule binding was missing (check.sh can mark just
// that one as expected to fail); 1 anything else failed; 2 an exception.
#include <polar/host.hpp>
#include <polar/polar.hpp>

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
    check(polar.isAllowed(polar::Instance::share(ann), "read", "doc1"),
          "isAllowed(admin ann, read) is true");
    check(!polar.isAllowed(polar::Instance::share(bob), "read", "doc1"),
          "isAllowed(bob, read) is false");

#ifdef POLAR_PACKAGE_OSC
    polar.removeObserver(osc);
    check(osc.stats().captured > 0,
          "OscBroadcaster saw " + std::to_string(osc.stats().captured) + " events");
#endif

    // The last check: its failure alone gives exit code 3.
    const int before = failures;
    auto query = polar.queryRule("f", polar::Value::Variable{"x"});
    auto first = query.next();
    const polar::Value* x = first ? first->find("x") : nullptr;
    std::cout << "queryRule(\"f\", x): " << (first ? first->toJson() : "no answer") << '\n';
    check(x != nullptr && x->isInt() && x->asInt() == 1, "queryRule binds x = 1");
    if (failures == 0) return 0;
    return failures == 1 && before == 0 ? 3 : 1;
} catch (const std::exception& error) {
    std::cout << "FAIL: exception: " << error.what() << '\n';
    return 2;
}
