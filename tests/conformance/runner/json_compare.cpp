// json_compare.cpp — see json_compare.hpp.
#include "json_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace polar::conformance {

namespace {

bool isWholeNumber(const nlohmann::json& value) {
    return value.is_number_integer();  // true for signed and unsigned
}

// Integers beyond 2^53 lose digits as doubles, so two integers never go
// through floating point: compare them exactly, minding signedness.
bool integersEqual(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.is_number_unsigned() && b.is_number_unsigned()) {
        return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    }
    if (a.is_number_unsigned() || b.is_number_unsigned()) {
        const nlohmann::json& u = a.is_number_unsigned() ? a : b;
        const nlohmann::json& s = a.is_number_unsigned() ? b : a;
        const std::int64_t signedValue = s.get<std::int64_t>();
        return signedValue >= 0 &&
               static_cast<std::uint64_t>(signedValue) == u.get<std::uint64_t>();
    }
    return a.get<std::int64_t>() == b.get<std::int64_t>();
}

bool numbersEqual(const nlohmann::json& a, const nlohmann::json& b) {
    if (isWholeNumber(a) && isWholeNumber(b)) {
        return integersEqual(a, b);
    }
    const double x = a.get<double>();
    const double y = b.get<double>();
    if (x == y) {
        return true;  // also covers equal infinities and 0.0 vs -0.0
    }
    const double scale = std::max(std::fabs(x), std::fabs(y));
    return std::fabs(x - y) <= kFloatTolerance * scale;
}

// Value::toJson() writes an unbound variable as {"$var": "name"}.
bool isUnbound(const nlohmann::json& value) {
    return value.is_object() && value.size() == 1 && value.contains("$var");
}

} // namespace

bool jsonEquivalent(const nlohmann::json& expected, const nlohmann::json& actual) {
    if (expected.is_number() && actual.is_number()) {
        return numbersEqual(expected, actual);
    }
    if (expected.is_string() &&
        (expected == "<unbound>" || expected == "*<unbound>")) {
        return isUnbound(actual);
    }
    if (expected.type() != actual.type()) {
        return false;
    }
    if (expected.is_array()) {
        // A trailing "*<unbound>" (an unbound rest variable) is compared
        // like any element: the engine lists the rest as its last element.
        return expected.size() == actual.size() &&
               std::equal(expected.begin(), expected.end(), actual.begin(), jsonEquivalent);
    }
    if (expected.is_object()) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (const auto& [key, value] : expected.items()) {
            const auto found = actual.find(key);
            if (found == actual.end() || !jsonEquivalent(value, *found)) {
                return false;
            }
        }
        return true;
    }
    return expected == actual;  // strings, booleans, null
}

bool answersEquivalent(const nlohmann::json& expected, const nlohmann::json& actual) {
    if (!expected.is_object() || !actual.is_object()) {
        return jsonEquivalent(expected, actual);
    }
    for (const auto& [key, value] : expected.items()) {
        const auto found = actual.find(key);
        if (found == actual.end() || !jsonEquivalent(value, *found)) {
            return false;
        }
    }
    for (const auto& [key, value] : actual.items()) {
        if (!expected.contains(key) && !isUnbound(value)) {
            return false;
        }
    }
    return true;
}

} // namespace polar::conformance
