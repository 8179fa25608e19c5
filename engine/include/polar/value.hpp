// polar/value.hpp — Polar values as the host application sees them.
//
// Inside the engine terms live in a compact cell heap; at the API boundary
// they become `polar::Value`s: an ordinary, copyable C++ value that a host can
// build, inspect and compare. Conversions both ways are exact for nil,
// booleans, 64-bit integers, doubles, strings, lists and dictionaries.
// An unbound variable in a result comes back as a `Value::Variable`.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace polar {

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

    bool isNil() const { return std::holds_alternative<std::monostate>(m_data); }
    bool isBool() const { return std::holds_alternative<bool>(m_data); }
    bool isInt() const { return std::holds_alternative<std::int64_t>(m_data); }
    bool isFloat() const { return std::holds_alternative<double>(m_data); }
    bool isString() const { return std::holds_alternative<std::string>(m_data); }
    bool isList() const { return std::holds_alternative<List>(m_data); }
    bool isDict() const { return std::holds_alternative<Dict>(m_data); }
    bool isVariable() const { return std::holds_alternative<Variable>(m_data); }

    // Typed access; throws polar::Error (Operational) on the wrong type.
    bool asBool() const;
    std::int64_t asInt() const;
    double asFloat() const;  // integers widen
    const std::string& asString() const;
    const List& asList() const;
    const Dict& asDict() const;
    const Variable& asVariable() const;

    // The value written as Polar source: 1, 2.5, "a\"b", [1, 2], {a: 1}, nil.
    std::string toPolar() const;
    // The value as JSON: nil is null; an unbound variable is {"$var": "name"}.
    std::string toJson() const;
    // Integer and float compare by numeric value, as Polar's `==` does.
    bool operator==(const Value& other) const;

    using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string, List,
                              Dict, Variable>;
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
