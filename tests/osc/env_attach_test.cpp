// env_attach_test — POLAR_OSC attaches a broadcaster to a program that never
// mentions OSC.
//
// This program links polar_osc but its code names nothing from it, exactly
// like a user's program would: if the linker dropped the POLAR_OSC static
// initializer, nothing would be sent and this test would fail. It runs
// itself as a child (`--child`: load a policy, ask one query) under three
// environments and checks what a plain UDP socket on loopback received:
//   POLAR_OSC=127.0.0.1:PORT  → /polar/hello, the load (1.2), then the query's messages
//                               (rule entries, 1.3, included)
//   POLAR_OSC unset           → nothing at all
//   POLAR_OSC=nonsense        → a warning, nothing sent, the child still works
// and, with `--child2` (two Polars, one query each, on two threads), that
// they share one broadcaster: one /polar/hello, two distinct query ids; and
// with `--child-bad-load` what a failed load sends: hello, the refusal
// (/polar/policy/error, 1.2) and the last stats.
#include <oscpack/osc/OscReceivedElements.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <cstdlib>
#include <iostream>
#include <polar/polar.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

int child() {
    polar::Polar polar;
    polar.loadString("f(1);");
    return polar.query("f(x)").collect().size() == 1 ? 0 : 3;
}

int twoPolars() {
    int failures = 0;
    std::thread other([&] { failures += child() != 0; });
    other.join(); // one after the other: the expected sequence stays exact
    failures += child() != 0;
    return failures == 0 ? 0 : 3;
}

int badLoad() {
    polar::Polar polar;
    try {
        polar.loadString("f(1");
    } catch (const polar::Error&) {
        return 0;
    }
    return 3;
}

// Runs this program with `mode` under POLAR_OSC=spec (unset when null).
bool runChild(const char* spec, const char* mode = "--child") {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (spec)
            ::setenv("POLAR_OSC", spec, 1);
        else
            ::unsetenv("POLAR_OSC");
        ::execl("/proc/self/exe", "polar_osc_env_attach_test", mode,
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Each message's address; /polar/query/begin also with its query id.
void collectAddresses(const osc::ReceivedPacket& packet, std::vector<std::string>& out) {
    if (packet.IsMessage()) {
        const osc::ReceivedMessage message(packet);
        std::string line = message.AddressPattern();
        if (line == "/polar/query/begin") line += " " + std::to_string(message.ArgumentsBegin()->AsInt32());
        out.push_back(line);
        return;
    }
    const osc::ReceivedBundle bundle(packet);
    for (auto element = bundle.ElementsBegin(); element != bundle.ElementsEnd(); ++element)
        collectAddresses(osc::ReceivedPacket(element->Contents(), element->Size()), out);
}

std::vector<std::string> receivedAddresses(boost::asio::ip::udp::socket& socket) {
    std::vector<std::string> addresses;
    std::vector<char> buffer(65536);
    pollfd fd{socket.native_handle(), POLLIN, 0};
    while (::poll(&fd, 1, 100) > 0) {
        const std::size_t n = socket.receive(boost::asio::buffer(buffer));
        collectAddresses(osc::ReceivedPacket(buffer.data(), n), addresses);
    }
    return addresses;
}

// Periodic /polar/stats come every second, so a child slowed down by a busy
// machine sends more than the last one: compare without them, and check
// the last message separately.
std::vector<std::string> withoutStats(std::vector<std::string> addresses) {
    std::erase(addresses, std::string("/polar/stats"));
    return addresses;
}

bool endsWithStats(const std::vector<std::string>& addresses) {
    return !addresses.empty() && addresses.back() == "/polar/stats";
}

bool expect(bool ok, const std::string& what) {
    std::cout << (ok ? "ok:   " : "FAIL: ") << what << std::endl;
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--child") return child();
    if (argc > 1 && std::string(argv[1]) == "--child2") return twoPolars();
    if (argc > 1 && std::string(argv[1]) == "--child-bad-load") return badLoad();

    namespace ip = boost::asio::ip;
    boost::asio::io_context io;
    ip::udp::socket socket(io, ip::udp::endpoint(ip::address_v4::loopback(), 0));
    const std::string spec = "127.0.0.1:" + std::to_string(socket.local_endpoint().port());
    bool ok = true;

    ok &= expect(runChild(spec.c_str()), "child runs its query with POLAR_OSC=" + spec);
    const std::vector<std::string> withOsc = receivedAddresses(socket);
    // The child's first query: ids are process-wide, and it asks one.
    const std::vector<std::string> expected = {
        "/polar/hello", "/polar/policy/loaded", "/polar/query/begin 1", "/polar/rule",
        "/polar/rule/enter", // 1.3: the one alternative of the call is tried
        "/polar/depth", "/polar/depth",         "/polar/result",        "/polar/query/end"};
    ok &= expect(withoutStats(withOsc) == expected && endsWithStats(withOsc), "it sent hello, the load, the query's messages and the last stats");
    for (const std::string& address : withOsc) std::cout << "      " << address << '\n';

    ok &= expect(runChild(nullptr), "child runs its query without POLAR_OSC");
    ok &= expect(receivedAddresses(socket).empty(), "nothing was sent without POLAR_OSC");

    ok &= expect(runChild("nonsense;loud"), "a malformed POLAR_OSC warns and changes nothing else");
    ok &= expect(receivedAddresses(socket).empty(), "nothing was sent with a malformed POLAR_OSC");
    ok &= expect(runChild(spec.c_str(), "--child2"), "two Polars, one query each");
    const std::vector<std::string> two = receivedAddresses(socket);
    const std::vector<std::string> query = {"/polar/rule", "/polar/rule/enter", "/polar/depth", "/polar/depth",
                                            "/polar/result", "/polar/query/end"};
    std::vector<std::string> expectedTwo = {"/polar/hello", "/polar/policy/loaded", "/polar/query/begin 1"};
    expectedTwo.insert(expectedTwo.end(), query.begin(), query.end());
    expectedTwo.push_back("/polar/policy/loaded");
    expectedTwo.push_back("/polar/query/begin 2");
    expectedTwo.insert(expectedTwo.end(), query.begin(), query.end());
    ok &= expect(withoutStats(two) == expectedTwo && endsWithStats(two), "they share one broadcaster: one hello, query ids 1 and 2");
    for (const std::string& address : two) std::cout << "      " << address << '\n';

    ok &= expect(runChild(spec.c_str(), "--child-bad-load"), "a child whose load fails");
    const std::vector<std::string> bad = receivedAddresses(socket);
    ok &= expect(withoutStats(bad) == std::vector<std::string>{"/polar/hello", "/polar/policy/error"} &&
                     endsWithStats(bad),
                 "a failed load sends the hello, its refusal and the last stats, nothing else");
    return ok ? 0 : 1;
}
