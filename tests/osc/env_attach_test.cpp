// env_attach_test — POLAR_OSC attaches a broadcaster to a program that never
// mentions OSC.
//
// This program links polar_osc but its code names nothing from it, exactly
// like a user's program would: if the linker dropped the POLAR_OSC static
// initializer, nothing would be sent and this test would fail. It runs
// itself as a child (`--child`: load a policy, ask one query) under three
// environments and checks what a plain UDP socket on loopback received:
//   POLAR_OSC=127.0.0.1:PORT  → /polar/hello, then the query's messages
//   POLAR_OSC unset           → nothing at all
//   POLAR_OSC=nonsense        → a warning, nothing sent, the child still works
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
#include <vector>

namespace {

int child() {
    polar::Polar polar;
    polar.loadString("f(1);");
    return polar.query("f(x)").collect().size() == 1 ? 0 : 3;
}

// Runs this program with --child under POLAR_OSC=spec (unset when null).
bool runChild(const char* spec) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (spec)
            ::setenv("POLAR_OSC", spec, 1);
        else
            ::unsetenv("POLAR_OSC");
        ::execl("/proc/self/exe", "polar_osc_env_attach_test", "--child",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void collectAddresses(const osc::ReceivedPacket& packet, std::vector<std::string>& out) {
    if (packet.IsMessage()) {
        out.push_back(osc::ReceivedMessage(packet).AddressPattern());
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

bool expect(bool ok, const std::string& what) {
    std::cout << (ok ? "ok:   " : "FAIL: ") << what << std::endl;
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--child") return child();

    namespace ip = boost::asio::ip;
    boost::asio::io_context io;
    ip::udp::socket socket(io, ip::udp::endpoint(ip::address_v4::loopback(), 0));
    const std::string spec = "127.0.0.1:" + std::to_string(socket.local_endpoint().port());
    bool ok = true;

    ok &= expect(runChild(spec.c_str()), "child runs its query with POLAR_OSC=" + spec);
    const std::vector<std::string> withOsc = receivedAddresses(socket);
    const std::vector<std::string> expected = {
        "/polar/hello", "/polar/query/begin", "/polar/rule",      "/polar/depth",
        "/polar/depth", "/polar/result",      "/polar/query/end", "/polar/stats"};
    ok &= expect(withOsc == expected, "it sent hello, the query's messages and the last stats");
    for (const std::string& address : withOsc) std::cout << "      " << address << '\n';

    ok &= expect(runChild(nullptr), "child runs its query without POLAR_OSC");
    ok &= expect(receivedAddresses(socket).empty(), "nothing was sent without POLAR_OSC");

    ok &= expect(runChild("nonsense;loud"), "a malformed POLAR_OSC warns and changes nothing else");
    ok &= expect(receivedAddresses(socket).empty(), "nothing was sent with a malformed POLAR_OSC");
    return ok ? 0 : 1;
}
