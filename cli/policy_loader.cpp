// cli/policy_loader.cpp — see policy_loader.hpp.
#include "policy_loader.hpp"

#include <new>

#include "output.hpp"

namespace polar::cli {

bool loadPolicies(polar::Polar& polar, const std::vector<std::string>& files,
                  std::ostream& err) {
    std::size_t warningsPrinted = printWarnings(err, polar, 0);
    for (const std::string& file : files) {
        try {
            // The engine reports a missing or unreadable file as an
            // Operational error ("cannot open FILE: reason"), so one catch
            // covers I/O, syntax and validation problems alike.
            polar.loadFile(file);
        } catch (const polar::Error& error) {
            printWarnings(err, polar, warningsPrinted);
            printError(err, error);
            return false;
        } catch (const std::bad_alloc&) {
            printOutOfMemory(err, "loading " + file);
            return false;
        }
        warningsPrinted = printWarnings(err, polar, warningsPrinted);
    }
    return true;
}

} // namespace polar::cli
