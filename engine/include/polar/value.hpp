// polar/value.hpp — Polar values as the host application sees them.
//
// Inside the engine terms live in a compact cell heap; at the API boundary
// they become `polar::Value`s: an ordinary, copyable C++ value that a host can
// build, inspect and compare. Conversions both ways are exact for nil,
// booleans, 64-bit integers, doubles, strings, lists and dictionaries.
// An unbound variable in a result comes back as a `Value::Variable`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <variant>
#include <vector>

namespace polar {

class Value;

// A host object inside Polar (see polar/host.hpp for registering classes and
// for the lifetime rules of share / copy / borrow).
class Instance {
public:
    Instance() = default;
    template <class T>
    static Instance share(std::shared_ptr<T> object) {
        Instance i;
        i.m_object = std::shared_ptr<void>(object, const_cast<std::remove_const_t<T>*>(object.get()));
        i.m_type = typeid(T);
        return i;
    }
    template <class T>
    static Instance copy(T value) {
        return share(std::make_shared<T>(std::move(value)));
    }
    template <class T>
    static Instance borrow(T& object) {
        Instance i;
        // The aliasing constructor with no owner: a pointer that owns nothing.
        i.m_object = std::shared_ptr<void>(std::shared_ptr<void>(), static_cast<void*>(&object));
        i.m_type = typeid(T);
        return i;
    }
    // A const object may be borrowed too; Polar only reads through it.
    template <class T>
    static Instance borrow(const T& object) {
        return borrow(const_cast<T&>(object));
    }
    std::type_index type() const { return m_type; }
    void* object() const { return m_object.get(); }
    // The object if it is exactly a T; for bases use the engine's conversions.
    template <class T>
    T* get() const {
        return m_type == std::type_index(typeid(T)) ? static_cast<T*>(m_object.get()) : nullptr;
    }
    explicit operator bool() const { return m_object != nullptr; }
    bool operator==(const Instance& other) const { return m_object.get() == other.m_object.get(); }
    // The registered class name, filled in when the engine hands the instance out.
    const std::string& className() const { return m_className; }
    void setClassName(std::string name) { m_className = std::move(name); }

private:
    std::shared_ptr<void> m_object;
    std::type_index m_type = typeid(void);
    std::string m_className;
};

// A lazy sequence from the host: `x in user.roles()` pulls one element at a
// time. `next` writes the next element and returns true, or returns false at
// the end. Iterating consumes it.
class Iterator {
public:
    using Next = std::function<bool(Value& out)>;
    explicit Iterator(Next next) : m_next(std::make_shared<Next>(std::move(next))) {}
    bool next(Value& out) const { return (*m_next)(out); }
    bool operator==(const Iterator& other) const { return m_next == other.m_next; }

private:
    std::shared_ptr<Next> m_next;
};

class Value {
public:
    using List = std::vector<Value>;
    // Dictionaries keep their keys sorted, as Oso prints them.
    using Dict = std::map<std::string, Value, std::less<>>;
    struct Variable {
        std::string name;
        bool operator==(const Variable&) const = default;
    };

    Value() = default;  // nil
    Value(std::nullptr_t) {}
    Value(bool b) : m_data(b) {}
    Value(int i) : m_data(std::int64_t{i}) {}
    Value(long i) : m_data(std::int64_t{i}) {}
    Value(long long i) : m_data(std::int64_t{i}) {}
    Value(unsigned u) : m_data(std::int64_t{u}) {}
    Value(double d) : m_data(d) {}
    Value(const char* s) : m_data(std::string(s)) {}
    Value(std::string s) : m_data(std::move(s)) {}
    Value(std::string_view s) : m_data(std::string(s)) {}
    Value(List l) : m_data(std::move(l)) {}
    Value(Dict d) : m_data(std::move(d)) {}
    Value(Variable v) : m_data(std::move(v)) {}
    Value(Instance i) : m_data(std::move(i)) {}
    Value(Iterator i) : m_data(std::move(i)) {}

    bool isNil() const { return std::holds_alternative<std::monostate>(m_data); }
    bool isBool() const { return std::holds_alternative<bool>(m_data); }
    bool isInt() const { return std::holds_alternative<std::int64_t>(m_data); }
    bool isFloat() const { return std::holds_alternative<double>(m_data); }
    bool isString() const { return std::holds_alternative<std::string>(m_data); }
    bool isList() const { return std::holds_alternative<List>(m_data); }
    bool isDict() const { return std::holds_alternative<Dict>(m_data); }
    bool isVariable() const { return std::holds_alternative<Variable>(m_data); }
    bool isInstance() const { return std::holds_alternative<Instance>(m_data); }
    bool isIterator() const { return std::holds_alternative<Iterator>(m_data); }

    // Typed access; throws polar::Error (Operational) on the wrong type.
    bool asBool() const;
    std::int64_t asInt() const;
    double asFloat() const;  // integers widen
    const std::string& asString() const;
    const List& asList() const;
    const Dict& asDict() const;
    const Variable& asVariable() const;
    const Instance& asInstance() const;
    const Iterator& asIterator() const;

    // The value written as Polar source: 1, 2.5, "a\"b", [1, 2], {a: 1}, nil.
    std::string toPolar() const;
    // The same, for display: once about `limit` bytes are written, the rest
    // of each list or dictionary is `…` (`[1, 2, …]`). Not Polar any more
    // when cut; for logs, traces and messages about huge values.
    std::string toPolar(std::size_t limit) const;
    // The value as JSON: nil is null; an unbound variable is {"$var": "name"};
    // a host instance is {"$instance": "ClassName"}.
    std::string toJson() const;
    // Integer and float compare by numeric value, as Polar's `==` does.
    bool operator==(const Value& other) const;

    using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string, List,
                              Dict, Variable, Instance, Iterator>;
    const Data& data() const { return m_data; }

private:
    Data m_data;
};

// One answer to a query: each variable named in the query (temporaries,
// those starting with `_`, are left out) with its value, in the order the
// variables first appear in the query.
class Bindings {
public:
    using Entry = std::pair<std::string, Value>;

    void set(std::string name, Value value);
    // nullptr when the name is not bound in this result.
    const Value* find(std::string_view name) const;
    // Throws polar::Error (Operational) when the name is not there.
    const Value& at(std::string_view name) const;
    const std::vector<Entry>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }
    // {"x":1,"y":"a"} — compact, one line per answer
    std::string toJson() const;

private:
    std::vector<Entry> m_entries;
};

} // namespace polar
