// polar/host.hpp — C++ classes as Polar classes: runtime reflection, built
// at compile time.
//
// C++ has no runtime reflection, so a class tells Polar what it has, once:
//
//   polar.registerClass(polar::Class<User>("User")
//       .base<Actor>()                                  // `x: Actor` matches a User
//       .attribute("name", &User::name)                  // a data member...
//       .attribute("admin", [](const User& u) { return u.isAdmin(); })  // ...or a getter
//       .method("hasRole", &User::hasRole)               // member function, any arity
//       .classMethod("find", &User::find)                // static function
//       .constructor<std::string, int>());               // `new User("ann", 3)`
//   polar.registerConstant("MAX_USERS", 10);
//
// One generic entry point per kind of member: `attribute`, `method` and
// `classMethod` take member pointers or callables and pick the adapter with
// `if constexpr`, converting each argument and the result with Convert<T>.
// Equality (`=` and `==` between two instances) uses operator== when T has
// one, else identity.
//
// Values cross the boundary through Convert<T>: integers, floats, bool,
// std::string, std::optional (nil when empty), std::vector (lists), maps with
// string keys (dictionaries), polar::Value itself, registered classes, and
// any other input range, which becomes a lazy iterator so `x in u.roles()`
// pulls one element at a time.
//
// Lifetimes. An instance is held in one of three ways:
//   Instance::share(std::shared_ptr<T>)  shared ownership: lives as long as Polar or you use it;
//   Instance::copy(T)                    Polar owns a copy (what passing a T by value does);
//   Instance::borrow(T&)                 not owned: the host keeps the object alive for as long
//                                        as any query that can reach it is alive.
// A method returning a reference or pointer borrows; returning a value copies;
// returning a shared_ptr shares. Query arguments need no wrapping at all
// (`polar.isAllowed(user, "read", repo)`): polar/host_arguments.hpp says how
// each kind of argument is held.
//
// Only registered members are reachable from a policy. A host exception
// thrown inside a member becomes a polar::Error (RuntimeError::Application)
// at the policy position of the call.
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "polar/error.hpp"
#include "polar/value.hpp"

namespace polar {

struct ClassDef;

namespace detail {
// The classes of the Polar instance that is calling into the host, so that
// conversions can upcast an instance to a registered base. Set by the engine
// around every host call; null outside them.
const void* upcastTo(const Instance& instance, std::type_index target);
[[noreturn]] void conversionError(const char* expected, const Value& got);
} // namespace detail

// ---- conversions ------------------------------------------------------------

namespace detail {
// Containers with conversions of their own, which the lazy-range conversion must leave alone.
template <class T>
struct HasOwnConversion : std::false_type {};
template <class T, class A>
struct HasOwnConversion<std::vector<T, A>> : std::true_type {};
template <class V, class C, class A>
struct HasOwnConversion<std::map<std::string, V, C, A>> : std::true_type {};
template <class V, class H, class E, class A>
struct HasOwnConversion<std::unordered_map<std::string, V, H, E, A>> : std::true_type {};
template <>
struct HasOwnConversion<std::string> : std::true_type {};
template <>
struct HasOwnConversion<std::string_view> : std::true_type {};
template <class T>
struct HasOwnConversion<std::shared_ptr<T>> : std::true_type {};
template <class T>
struct HasOwnConversion<std::optional<T>> : std::true_type {};
template <>
struct HasOwnConversion<Value> : std::true_type {};
template <>
struct HasOwnConversion<Instance> : std::true_type {};
template <>
struct HasOwnConversion<Iterator> : std::true_type {};
} // namespace detail

template <class T, class Enable = void>
struct Convert;  // static Value toPolar(const T&); static T fromPolar(const Value&);

template <>
struct Convert<Value> {
    static Value toPolar(const Value& v) { return v; }
    static Value fromPolar(const Value& v) { return v; }
};

template <>
struct Convert<bool> {
    static Value toPolar(bool b) { return Value(b); }
    static bool fromPolar(const Value& v) {
        if (!v.isBool()) detail::conversionError("a boolean", v);
        return v.asBool();
    }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
    static Value toPolar(T i) { return Value(static_cast<long long>(i)); }
    static T fromPolar(const Value& v) {
        if (!v.isInt()) detail::conversionError("an integer", v);
        return static_cast<T>(v.asInt());
    }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static Value toPolar(T f) { return Value(static_cast<double>(f)); }
    static T fromPolar(const Value& v) {
        if (!v.isInt() && !v.isFloat()) detail::conversionError("a number", v);
        return static_cast<T>(v.asFloat());
    }
};

template <>
struct Convert<std::string> {
    static Value toPolar(const std::string& s) { return Value(s); }
    static std::string fromPolar(const Value& v) {
        if (!v.isString()) detail::conversionError("a string", v);
        return v.asString();
    }
};

template <>
struct Convert<std::string_view> {
    static Value toPolar(std::string_view s) { return Value(std::string(s)); }
};

template <>
struct Convert<const char*> {
    static Value toPolar(const char* s) { return Value(std::string(s)); }
};

template <class T>
struct Convert<std::optional<T>> {
    static Value toPolar(const std::optional<T>& o) { return o ? Convert<T>::toPolar(*o) : Value(); }
    static std::optional<T> fromPolar(const Value& v) {
        if (v.isNil()) return std::nullopt;
        return Convert<T>::fromPolar(v);
    }
};

template <class T>
struct Convert<std::vector<T>> {
    static Value toPolar(const std::vector<T>& items) {
        Value::List list;
        list.reserve(items.size());
        for (const auto& item : items) list.push_back(Convert<T>::toPolar(item));
        return Value(std::move(list));
    }
    static std::vector<T> fromPolar(const Value& v) {
        if (!v.isList()) detail::conversionError("a list", v);
        std::vector<T> out;
        for (const auto& item : v.asList()) out.push_back(Convert<T>::fromPolar(item));
        return out;
    }
};

template <class Map>
struct ConvertStringMap {
    using Mapped = typename Map::mapped_type;
    static Value toPolar(const Map& m) {
        Value::Dict dict;
        for (const auto& [k, v] : m) dict.emplace(std::string(k), Convert<Mapped>::toPolar(v));
        return Value(std::move(dict));
    }
    static Map fromPolar(const Value& v) {
        if (!v.isDict()) detail::conversionError("a dictionary", v);
        Map out;
        for (const auto& [k, item] : v.asDict()) out.emplace(k, Convert<Mapped>::fromPolar(item));
        return out;
    }
};
template <class V, class C, class A>
struct Convert<std::map<std::string, V, C, A>> : ConvertStringMap<std::map<std::string, V, C, A>> {};
template <class V, class H, class E, class A>
struct Convert<std::unordered_map<std::string, V, H, E, A>>
    : ConvertStringMap<std::unordered_map<std::string, V, H, E, A>> {};

template <>
struct Convert<Instance> {
    static Value toPolar(const Instance& i) { return Value(i); }
    static Instance fromPolar(const Value& v) {
        if (!v.isInstance()) detail::conversionError("an instance", v);
        return v.asInstance();
    }
};

template <class T>
struct Convert<std::shared_ptr<T>> {
    static Value toPolar(const std::shared_ptr<T>& p) {
        return p ? Value(Instance::share(std::const_pointer_cast<std::remove_const_t<T>>(p))) : Value();
    }
};

template <class T>
struct Convert<T*> {
    static Value toPolar(T* p) { return p ? Value(Instance::borrow(*p)) : Value(); }
};

// A registered class by value (copied in) and, as an argument, by reference.
template <class T>
inline constexpr bool kIsHostClass =
    std::is_class_v<T> && !std::ranges::input_range<T> && !detail::HasOwnConversion<T>::value;

template <class T>
struct Convert<T, std::enable_if_t<kIsHostClass<T>>> {
    static Value toPolar(const T& object) {
        if constexpr (std::is_copy_constructible_v<T>) {
            return Value(Instance::copy(object));
        } else {
            static_assert(std::is_copy_constructible_v<T>,
                          "return a shared_ptr or a reference for non-copyable host classes");
        }
    }
    static T& fromPolarRef(const Value& v) {
        if (!v.isInstance()) detail::conversionError(typeid(T).name(), v);
        auto* p = static_cast<const T*>(detail::upcastTo(v.asInstance(), typeid(T)));
        if (!p) detail::conversionError(typeid(T).name(), v);
        return *const_cast<T*>(p);
    }
    static T fromPolar(const Value& v) { return fromPolarRef(v); }
};

// Any other range (std::views, a container of the host's own, a generator)
// is iterated lazily: `x in user.roles()` pulls elements as Polar needs them.
template <class R>
struct Convert<R, std::enable_if_t<std::ranges::input_range<R> && !detail::HasOwnConversion<R>::value>> {
    static Value toPolar(R range) {
        using Element = std::remove_cvref_t<std::ranges::range_reference_t<R>>;
        struct State {
            R range;
            std::ranges::iterator_t<R> it;
            bool started = false;
        };
        auto state = std::make_shared<State>(State{std::move(range), {}, false});
        return Value(Iterator([state](Value& out) {
            if (!state->started) {
                state->it = std::ranges::begin(state->range);
                state->started = true;
            }
            if (state->it == std::ranges::end(state->range)) return false;
            out = Convert<Element>::toPolar(*state->it);
            ++state->it;
            return true;
        }));
    }
};

template <class T>
Value toPolar(T&& v) {
    return Convert<std::remove_cvref_t<T>>::toPolar(std::forward<T>(v));
}

// ---- class definitions -----------------------------------------------------

// What Polar knows of a registered class, with the types erased.
struct ClassDef {
    using Getter = std::function<Value(void* self)>;
    using Call = std::function<Value(void* self, std::span<const Value> args)>;
    using Static = std::function<Value(std::span<const Value> args)>;
    struct Member {
        int arity;  // number of arguments
        Call call;
    };
    struct ClassMember {
        int arity;
        Static call;
    };
    struct Base {
        std::string name;  // empty: the name of the class registered for `type`
        std::type_index type;
        std::function<void*(void*)> upcast;
    };

    std::string name;
    std::type_index type = typeid(void);
    std::vector<Base> bases;
    std::map<std::string, Getter, std::less<>> attributes;
    std::map<std::string, Member, std::less<>> methods;
    std::map<std::string, ClassMember, std::less<>> classMethods;
    std::optional<ClassMember> constructor;
    std::function<bool(const void*, const void*)> equals;  // null: identity
    std::function<std::string(const void*)> repr;          // null: `Name<address>`
};

namespace detail {

template <class T>
struct Signature;
template <class R, class C, class... A>
struct Signature<R (C::*)(A...)> {
    using Result = R;
    using Args = std::tuple<A...>;
};
template <class R, class C, class... A>
struct Signature<R (C::*)(A...) const> : Signature<R (C::*)(A...)> {};
template <class R, class C, class... A>
struct Signature<R (C::*)(A...) noexcept> : Signature<R (C::*)(A...)> {};
template <class R, class C, class... A>
struct Signature<R (C::*)(A...) const noexcept> : Signature<R (C::*)(A...)> {};
template <class R, class... A>
struct Signature<R (*)(A...)> {
    using Result = R;
    using Args = std::tuple<A...>;
};
template <class R, class... A>
struct Signature<R (*)(A...) noexcept> : Signature<R (*)(A...)> {};
template <class F>
struct Signature : Signature<decltype(&F::operator())> {};  // lambdas and functors

// One argument from Polar: references to host classes bind to the object itself.
template <class A>
decltype(auto) argument(const Value& v) {
    using Plain = std::remove_cvref_t<A>;
    if constexpr (std::is_reference_v<A> && kIsHostClass<Plain>) {
        return Convert<Plain>::fromPolarRef(v);
    } else {
        return Convert<Plain>::fromPolar(v);
    }
}

// A result to Polar: references and pointers borrow, values copy.
template <class R, class F>
Value result(F&& produce) {
    if constexpr (std::is_void_v<R>) {
        produce();
        return Value();
    } else if constexpr (std::is_lvalue_reference_v<R> && kIsHostClass<std::remove_cvref_t<R>>) {
        auto& object = produce();
        return Value(Instance::borrow(const_cast<std::remove_cvref_t<R>&>(object)));
    } else {
        return Convert<std::remove_cvref_t<R>>::toPolar(produce());
    }
}

template <class Tuple, class F, std::size_t... I>
Value invokeWith(F&& f, std::span<const Value> args, std::index_sequence<I...>) {
    using R = decltype(f(argument<std::tuple_element_t<I, Tuple>>(args[I])...));
    return result<R>([&]() -> R { return f(argument<std::tuple_element_t<I, Tuple>>(args[I])...); });
}

} // namespace detail

template <class T>
class Class {
public:
    explicit Class(std::string name) {
        m_def.name = std::move(name);
        m_def.type = typeid(T);
        if constexpr (std::equality_comparable<T>) {
            m_def.equals = [](const void* a, const void* b) {
                return *static_cast<const T*>(a) == *static_cast<const T*>(b);
            };
        }
    }

    // `x: Base` matches a T, and rules on Base rank after rules on T. The
    // Polar name is the one Base was registered under, so register Base
    // first: registerClass throws (UnregisteredClass) when it was not.
    template <class Base>
    Class& base() {
        return base<Base>(std::string());
    }
    // A base under a name of its own, which need not be registered: for
    // `matches` and specializers only, with no members reachable through it.
    template <class Base>
    Class& base(std::string name) {
        static_assert(std::is_base_of_v<Base, T>, "base<B>() needs B to be a base class of T");
        m_def.bases.push_back({std::move(name), typeid(Base), [](void* p) -> void* {
                                   return static_cast<Base*>(static_cast<T*>(p));
                               }});
        return *this;
    }

    // A data member pointer, or a callable taking `const T&`.
    template <class M>
    Class& attribute(std::string name, M member) {
        if constexpr (std::is_member_object_pointer_v<M>) {
            m_def.attributes[std::move(name)] = [member](void* self) {
                return toPolar(static_cast<T*>(self)->*member);
            };
        } else {
            m_def.attributes[std::move(name)] = [member](void* self) {
                return detail::result<decltype(member(std::declval<T&>()))>(
                    [&]() -> decltype(auto) { return member(*static_cast<T*>(self)); });
            };
        }
        return *this;
    }

    // A member function pointer, or a callable whose first parameter is the object.
    template <class F>
    Class& method(std::string name, F f) {
        if constexpr (std::is_member_function_pointer_v<F>) {
            using Args = typename detail::Signature<F>::Args;
            constexpr auto n = std::tuple_size_v<Args>;
            m_def.methods[std::move(name)] = {static_cast<int>(n), [f](void* self, std::span<const Value> args) {
                auto* object = static_cast<T*>(self);
                auto bound = [object, f](auto&&... a) -> decltype(auto) {
                    return (object->*f)(std::forward<decltype(a)>(a)...);
                };
                return detail::invokeWith<Args>(bound, args, std::make_index_sequence<n>{});
            }};
        } else {
            using All = typename detail::Signature<F>::Args;
            constexpr auto n = std::tuple_size_v<All> - 1;
            using Args = decltype(dropFirst(std::declval<All>()));
            m_def.methods[std::move(name)] = {static_cast<int>(n), [f](void* self, std::span<const Value> args) {
                auto* object = static_cast<T*>(self);
                auto bound = [object, f](auto&&... a) -> decltype(auto) {
                    return f(*object, std::forward<decltype(a)>(a)...);
                };
                return detail::invokeWith<Args>(bound, args, std::make_index_sequence<n>{});
            }};
        }
        return *this;
    }

    // A static member function, free function or callable: `Foo.name(args)`.
    template <class F>
    Class& classMethod(std::string name, F f) {
        using Args = typename detail::Signature<F>::Args;
        constexpr auto n = std::tuple_size_v<Args>;
        m_def.classMethods[std::move(name)] = {static_cast<int>(n), [f](std::span<const Value> args) {
            return detail::invokeWith<Args>(f, args, std::make_index_sequence<n>{});
        }};
        return *this;
    }

    // `new Name(args...)` builds a T from these argument types.
    template <class... Args>
    Class& constructor() {
        m_def.constructor = ClassDef::ClassMember{
            static_cast<int>(sizeof...(Args)), [](std::span<const Value> args) {
                return constructWith<Args...>(args, std::index_sequence_for<Args...>{});
            }};
        return *this;
    }

    // How the instance prints in traces and errors (default: `Name<address>`).
    template <class F>
    Class& repr(F f) {
        m_def.repr = [f](const void* self) { return std::string(f(*static_cast<const T*>(self))); };
        return *this;
    }

    const ClassDef& definition() const { return m_def; }
    operator const ClassDef&() const { return m_def; }

private:
    template <class First, class... Rest>
    static std::tuple<Rest...> dropFirst(std::tuple<First, Rest...>);

    template <class... Args, std::size_t... I>
    static Value constructWith(std::span<const Value> args, std::index_sequence<I...>) {
        return Value(Instance::share(std::make_shared<T>(detail::argument<Args>(args[I])...)));
    }

    ClassDef m_def;
};

} // namespace polar
