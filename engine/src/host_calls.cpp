// Calls into the host: attributes, methods and class methods of registered
// classes, constructors (`new`), and the few built-in methods on strings,
// lists and dictionaries. Every call converts its arguments to Values,
// runs the host code, and converts the answer back into a cell; a host
// exception becomes RuntimeError::Application at the policy position.
#include <algorithm>
#include <cctype>

#include "machine.hpp"
#include "polar/error.hpp"

namespace polar {
namespace detail {
namespace {
// The knowledge base whose classes conversions may upcast through: set
// around every host call (host code runs on the query's thread).
thread_local const KnowledgeBase* t_registry = nullptr;
} // namespace

const void* upcastTo(const Instance& instance, std::type_index target) {
    if (instance.type() == target) return instance.object();
    if (!t_registry) return nullptr;
    return t_registry->upcast(instance.object(), instance.type(), target);
}

void conversionError(const char* expected, const Value& got) {
    throw Error(ErrorKind::Runtime, "TypeError",
                std::string("expected ") + expected + ", got " + got.toPolar());
}

namespace {

struct RegistryScope {
    const KnowledgeBase* saved;
    explicit RegistryScope(const KnowledgeBase& kb) : saved(t_registry) { t_registry = &kb; }
    ~RegistryScope() { t_registry = saved; }
};

std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
std::string uppered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

bool isBuiltinClass(const KnowledgeBase& kb, std::uint32_t c) {
    const auto& s = kb.sym;
    return c == s.Integer || c == s.Float || c == s.String || c == s.Boolean || c == s.List || c == s.Dictionary;
}

// `new Integer(1)`, `new String("s")`...: every Oso host can construct its
// built-in classes (JS Number/String, Python int/str), and the result
// unifies with the literal. With no argument, the class's empty value
// (0, 0.0, "", false, [], {}); with one, that value if it has the class
// (an integer also makes a Float). Otherwise nothing, and `why` says why.
std::optional<Value> makeBuiltin(const KnowledgeBase& kb, std::uint32_t c, const std::vector<Value>& args,
                                 std::string& why) {
    const auto& s = kb.sym;
    const std::string name = kb.symbols.text(c);
    if (args.size() > 1) {
        why = "new " + name + "() takes at most 1 argument(s) but " + std::to_string(args.size()) + " were given";
        return std::nullopt;
    }
    if (args.empty()) {
        if (c == s.Integer) return Value(0LL);
        if (c == s.Float) return Value(0.0);
        if (c == s.String) return Value(std::string());
        if (c == s.Boolean) return Value(false);
        if (c == s.List) return Value(Value::List{});
        return Value(Value::Dict{});
    }
    const Value& v = args[0];
    if ((c == s.Integer && v.isInt()) || (c == s.String && v.isString()) || (c == s.Boolean && v.isBool()) ||
        (c == s.List && v.isList()) || (c == s.Dictionary && v.isDict()))
        return v;
    if (c == s.Float && (v.isFloat() || v.isInt())) return Value(v.asFloat());
    why = "new " + name + "() expects a value of class " + name + ", got " + v.toPolar();
    return std::nullopt;
}

} // namespace

// Runs host code, turning its exceptions into policy errors.
std::string Machine::HostCallName::text() const {
    std::string out = std::string(prefix) + std::string(owner);
    if (!member.empty()) out += "." + std::string(member);
    return out + std::string(suffix);
}

Value Machine::hostCall(const HostCallName& what, const std::function<Value()>& call) {
    RegistryScope scope(m_kb);
    try {
        return call();
    } catch (const Error& e) {
        if (e.location() || !m_current) throw;
        throw Error(e.kind(), e.subkind(), what.text() + ": " + e.message(), locationOf(*m_current));
    } catch (const std::exception& e) {
        fail("Application", "Application error: " + what.text() + " raised: " + e.what());
    } catch (...) {
        fail("Application", "Application error: " + what.text() + " raised an exception");
    }
}

std::vector<Value> Machine::callArguments(Cell call, std::uint32_t frame, std::uint32_t count) {
    std::vector<Value> args;
    args.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k) args.push_back(toValue(resolve(cellAt(call, 1 + k), frame)));
    return args;
}

const HostClass* Machine::classOf(Cell instance) const {
    return m_kb.hostClass(m_instances[instance.u].asInstance().type());
}

// `object.field` or `object.method(args)` on a host instance.
Value Machine::instanceLookup(Cell object, Cell key, std::uint32_t frame) {
    const Value& held = m_instances[object.u];
    if (!held.isInstance()) fail("TypeError", "can only perform lookups on dicts and instances, this is " + format(object));
    const Instance& instance = held.asInstance();
    const HostClass* cls = m_kb.hostClass(instance.type());
    if (!cls) fail("UnregisteredClass", "Unregistered class: instance of a C++ type that was not registered");
    const bool isCall = key.tag == Tag::Call;
    // A reference: the symbol table's texts never move.
    const std::string& name = isCall ? m_kb.symbols.text(cellAt(key, 0).u) : m_kb.symbols.text(key.u);
    // Walk the class and its bases, in order, for the first that has the
    // member. The class itself comes first and needs no search or cast.
    const auto& mro = m_kb.mro(*cls);
    for (std::size_t k = 0; k < mro.size(); ++k) {
        const HostClass* owner = cls;
        if (k > 0) {
            auto found = m_kb.classBySymbol.find(mro[k]);
            if (found == m_kb.classBySymbol.end()) continue;
            owner = found->second;
        }
        const ClassDef& def = owner->def;
        void* self = k == 0 ? instance.object() : m_kb.upcast(instance.object(), instance.type(), def.type);
        if (!isCall) {
            if (auto it = def.attributes.find(name); it != def.attributes.end())
                return hostCall({"", cls->def.name, name, ""}, [&] { return it->second(self); });
            continue;
        }
        if (auto it = def.methods.find(name); it != def.methods.end()) {
            const std::uint32_t given = cellAt(key, 0).aux;
            if (static_cast<int>(given) != it->second.arity)
                fail("TypeError", cls->def.name + "." + name + "() takes " + std::to_string(it->second.arity) +
                                      " argument(s) but " + std::to_string(given) + " were given");
            std::vector<Value> args = callArguments(key, frame, given);
            return hostCall({"", cls->def.name, name, "()"}, [&] { return it->second.call(self, args); });
        }
    }
    if (!isCall) {
        for (const std::uint32_t symbol : m_kb.mro(*cls)) {
            const ClassDef* def = m_kb.classNamed(symbol);
            if (def && def->methods.count(name))
                fail("Application", "Application error: " + cls->def.name + " has no attribute `" + name +
                                        "` (it has a method: call it as " + name + "())");
        }
        fail("Application", "Application error: " + cls->def.name + " has no attribute `" + name + "`");
    }
    fail("Application", "Application error: " + cls->def.name + " has no method `" + name + "`");
}

// `Class.method(args)`.
Value Machine::classLookup(Cell cls, Cell key, std::uint32_t frame) {
    const ClassDef* def = m_kb.classNamed(static_cast<std::uint32_t>(cls.u));
    const std::string className = m_kb.symbols.text(cls.u);
    if (key.tag != Tag::Call) {
        fail("Application", "Application error: class " + className + " has no attribute `" +
                                m_kb.symbols.text(key.u) + "`");
    }
    const std::string name = m_kb.symbols.text(cellAt(key, 0).u);
    if (!def) fail("Application", "Application error: built-in class " + className + " has no class method `" + name + "`");
    auto it = def->classMethods.find(name);
    if (it == def->classMethods.end())
        fail("Application", "Application error: class " + className + " has no class method `" + name + "`");
    const std::uint32_t given = cellAt(key, 0).aux;
    if (static_cast<int>(given) != it->second.arity)
        fail("TypeError", className + "." + name + "() takes " + std::to_string(it->second.arity) +
                              " argument(s) but " + std::to_string(given) + " were given");
    std::vector<Value> args = callArguments(key, frame, given);
    return hostCall({"", className, name, "()"}, [&] { return it->second.call(args); });
}

// `new Class(args)`.
Value Machine::construct(Cell call, std::uint32_t frame) {
    const Cell header = cellAt(call, 0);
    const auto symbol = static_cast<std::uint32_t>(header.u);
    const std::string className = m_kb.symbols.text(symbol);
    const ClassDef* def = m_kb.classNamed(symbol);
    if (!def) {
        if (isBuiltinClass(m_kb, symbol)) {
            if (header.spare) fail("TypeError", "new " + className + "(...): keyword arguments are not supported");
            std::string why;
            if (auto made = makeBuiltin(m_kb, symbol, callArguments(call, frame, header.aux), why)) return *made;
            fail("TypeError", why);
        }
        fail("UnregisteredClass", "Unregistered class: " + className);
    }
    if (header.spare) fail("TypeError", "new " + className + "(...): keyword arguments are not supported");
    if (!def->constructor) fail("TypeError", "class " + className + " has no registered constructor");
    if (static_cast<int>(header.aux) != def->constructor->arity)
        fail("TypeError", "new " + className + "() takes " + std::to_string(def->constructor->arity) +
                              " argument(s) but " + std::to_string(header.aux) + " were given");
    std::vector<Value> args = callArguments(call, frame, header.aux);
    return hostCall({"new ", className, "", "()"}, [&] { return def->constructor->call(args); });
}

// The built-in methods on strings, lists and dictionaries (docs/host-classes.md).
std::optional<Value> Machine::builtinMethod(Cell object, Cell key, std::uint32_t frame) {
    if (key.tag != Tag::Call) return std::nullopt;
    const std::string name = m_kb.symbols.text(cellAt(key, 0).u);
    const std::vector<Value> args = callArguments(key, frame, cellAt(key, 0).aux);
    const Value self = toValue(object);
    auto want = [&](std::size_t n) {
        if (args.size() != n)
            fail("TypeError", name + "() takes " + std::to_string(n) + " argument(s) but " +
                                  std::to_string(args.size()) + " were given");
    };
    auto stringArg = [&](std::size_t k) -> const std::string& {
        if (!args[k].isString()) fail("TypeError", name + "() expects a string, got " + args[k].toPolar());
        return args[k].asString();
    };
    if (self.isString()) {
        const std::string& s = self.asString();
        if (name == "len") { want(0); return Value(static_cast<long long>(s.size())); }
        if (name == "lower") { want(0); return Value(lowered(s)); }
        if (name == "upper") { want(0); return Value(uppered(s)); }
        if (name == "startsWith" || name == "starts_with" || name == "startswith") {
            want(1); return Value(s.rfind(stringArg(0), 0) == 0);
        }
        if (name == "endsWith" || name == "ends_with" || name == "endswith") {
            want(1); const std::string& t = stringArg(0);
            return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
        }
        if (name == "contains" || name == "includes") { want(1); return Value(s.find(stringArg(0)) != std::string::npos); }
        if (name == "trim" || name == "strip") {
            want(0);
            const auto b = s.find_first_not_of(" \t\r\n");
            if (b == std::string::npos) return Value(std::string());
            return Value(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
        }
        if (name == "split") {
            want(1); const std::string& sep = stringArg(0);
            if (sep.empty()) fail("TypeError", "split() needs a non-empty separator");
            Value::List parts;
            std::size_t start = 0, at;
            while ((at = s.find(sep, start)) != std::string::npos) {
                parts.emplace_back(s.substr(start, at - start));
                start = at + sep.size();
            }
            parts.emplace_back(s.substr(start));
            return Value(std::move(parts));
        }
    } else if (self.isList()) {
        const auto& l = self.asList();
        if (name == "len") { want(0); return Value(static_cast<long long>(l.size())); }
        if (name == "contains" || name == "includes") { want(1); return Value(std::find(l.begin(), l.end(), args[0]) != l.end()); }
    } else if (self.isDict()) {
        const auto& d = self.asDict();
        if (name == "len") { want(0); return Value(static_cast<long long>(d.size())); }
        if (name == "keys") { want(0); Value::List k; for (const auto& e : d) k.emplace_back(e.first); return Value(std::move(k)); }
        if (name == "values") { want(0); Value::List v; for (const auto& e : d) v.push_back(e.second); return Value(std::move(v)); }
        if (name == "get") {
            want(1); auto it = d.find(stringArg(0));
            return it == d.end() ? Value() : it->second;
        }
    }
    return std::nullopt;
}

bool Machine::instancesEqual(Cell a, Cell b) const {
    if (a.u == b.u) return true;
    if (!m_instances[a.u].isInstance() || !m_instances[b.u].isInstance()) return false;
    const Instance& x = m_instances[a.u].asInstance();
    const Instance& y = m_instances[b.u].asInstance();
    if (x.object() == y.object() && x.type() == y.type()) return true;
    if (x.type() != y.type()) return false;
    const HostClass* cls = m_kb.hostClass(x.type());
    return cls && cls->def.equals && cls->def.equals(x.object(), y.object());
}

} // namespace detail
} // namespace polar
