// polar/host_arguments.hpp — C++ values as query arguments, without wrapping.
//
// The query entry points (isAllowed, authorize, authorizedActions, queryRule,
// query with bindings) take their arguments as templates and pass each one
// through hostArgument(), so a host writes `polar.isAllowed(user, "read", repo)`
// with `user` a `User&`, a `User*` or a `std::shared_ptr<User>`:
//
//   a polar::Value, or anything a Value is built from   as is ("read", 3, Value::Variable{"x"})
//   T& / const T& of a registered class T               borrowed: Instance::borrow
//   T* (nullptr becomes nil)                            borrowed
//   std::shared_ptr<T>                                  shared: Instance::share
//   T&& (a temporary)                                   copied: Instance::copy
//   anything else Convert<T> knows                      converted: vectors, string maps, optionals...
//
// Why an lvalue borrows here while Convert<T>::toPolar copies: toPolar
// converts what a host *method returns*, which may be a temporary, so it
// must copy; a query argument is the caller's own object, alive for the
// call. The price is a lifetime rule: a borrowed object must outlive every
// Query that can reach it (`auto q = polar.queryRule("f", user)` keeps a
// pointer to `user` until `q` is gone). isAllowed, authorize and
// authorizedActions finish before they return, so they borrow safely.
//
// Pointers are tested before the Value constructors on purpose: a `User*`
// would otherwise convert to `Value(bool)`.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "polar/host.hpp"
#include "polar/value.hpp"

namespace polar {

template <class T>
Value hostArgument(T&& argument) {
    using Plain = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<Plain, Value>) {
        return std::forward<T>(argument);
    } else if constexpr (std::is_array_v<Plain>) {
        return Value(std::string_view(argument));  // a string literal
    } else if constexpr (std::is_pointer_v<Plain>) {
        if constexpr (std::is_same_v<std::remove_cv_t<std::remove_pointer_t<Plain>>, char>) {
            return argument ? Value(static_cast<const char*>(argument)) : Value();
        } else {
            return Convert<Plain>::toPolar(argument);
        }
    } else if constexpr (std::is_constructible_v<Value, T&&>) {
        return Value(std::forward<T>(argument));
    } else if constexpr (kIsHostClass<Plain> && std::is_lvalue_reference_v<T>) {
        return Value(Instance::borrow(argument));
    } else {
        return toPolar(std::forward<T>(argument));
    }
}

// One `name = value` binding for Polar::query(text, {{"user", user}, ...}):
// built implicitly from any argument hostArgument() accepts.
struct HostBinding {
    template <class T>
    HostBinding(std::string variable, T&& argument)
        : name(std::move(variable)), value(hostArgument(std::forward<T>(argument))) {}

    std::string name;
    Value value;
};

} // namespace polar
