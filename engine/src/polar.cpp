// The public API: Polar owns a knowledge base; each Query owns a Machine.
#include "polar/polar.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "knowledge_base.hpp"
#include "machine.hpp"
#include "polar/tracer.hpp"

namespace polar {
namespace {

// POLAR_LOG=1 (any value but empty or "0") traces every query to stderr.
bool tracingRequested() {
    const char* v = std::getenv("POLAR_LOG");
    return v && *v && std::string_view(v) != "0" && std::string_view(v) != "off";
}

Tracer& environmentTracer() {
    static Tracer tracer(std::cerr);
    return tracer;
}

std::vector<ObserverFactory>& defaultFactories() {
    static std::vector<ObserverFactory> factories;
    return factories;
}

} // namespace

// ---- Query ------------------------------------------------------------------------

Query::Query(std::unique_ptr<detail::Machine> machine) : m_machine(std::move(machine)) {}
Query::Query(Query&&) noexcept = default;
Query& Query::operator=(Query&&) noexcept = default;
Query::~Query() = default;

std::optional<Bindings> Query::next() { return m_machine->next(); }

std::vector<Bindings> Query::collect(std::size_t limit) {
    std::vector<Bindings> out;
    while (limit == 0 || out.size() < limit) {
        auto r = next();
        if (!r) break;
        out.push_back(std::move(*r));
    }
    return out;
}

std::uint64_t Query::id() const { return m_machine->id(); }
std::uint64_t Query::steps() const { return m_machine->steps(); }
std::size_t Query::heapCells() const { return m_machine->heapCells(); }
std::size_t Query::peakHeapCells() const { return m_machine->peakHeapCells(); }
std::uint64_t Query::results() const { return m_machine->results(); }

Query::iterator& Query::iterator::operator++() {
    m_current = m_query->next();
    if (!m_current) m_query = nullptr;
    return *this;
}

// ---- Polar ------------------------------------------------------------------------

void addDefaultObserverFactory(ObserverFactory factory) {
    defaultFactories().push_back(std::move(factory));
}

Polar::Polar() : m_kb(std::make_unique<detail::KnowledgeBase>()) {
    if (tracingRequested()) addObserver(environmentTracer());
    for (const auto& factory : defaultFactories()) {
        if (auto observer = factory()) {
            m_kb->ownedObservers.push_back(observer);
            addObserver(*observer);
        }
    }
}
Polar::~Polar() = default;
Polar::Polar(Polar&&) noexcept = default;
Polar& Polar::operator=(Polar&&) noexcept = default;

// std::bad_alloc while loading or starting a query (a policy of gigabytes)
// becomes the engine's own error; a load that fails keeps nothing.
namespace {
[[noreturn]] void outOfMemory(const std::string& what) {
    throw Error(ErrorKind::Runtime, "MemoryLimit", "out of memory while " + what);
}
} // namespace

namespace {
// FNV-1a, 64 bits: cheap, dependency-free and stable across runs and
// platforms, which is all a listener needs to tell two policy texts apart.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// Tell the observers a load failed, then the caller rethrows. A copy of the
// list: an observer may attach or detach itself in its callback.
void reportLoadError(detail::KnowledgeBase& kb, std::string_view filename, const Error& error) {
    const std::vector<Observer*> observers = kb.observers;
    for (Observer* o : observers) o->onPolicyError(PolicyErrorEvent{filename, error});
}

std::size_t ruleCount(const detail::KnowledgeBase& kb) {
    std::size_t rules = 0;
    for (const auto& predicate : kb.predicates) rules += predicate.clauses.size();
    return rules;
}
} // namespace

void Polar::loadString(std::string_view source, std::string_view filename) {
    try {
        try {
            m_kb->load(source, filename);
        } catch (const std::bad_alloc&) {
            outOfMemory("loading " + std::string(filename));
        }
    } catch (const Error& error) {
        reportLoadError(*m_kb, filename, error);
        throw;
    }
    if (m_kb->observers.empty()) return;
    const PolicyLoadEvent event{filename, fnv1a(source), source.size(), ruleCount(*m_kb)};
    const std::vector<Observer*> observers = m_kb->observers;
    for (Observer* o : observers) o->onPolicyLoad(event);
}

void Polar::loadFile(const std::string& path) {
    auto refuse = [&](const std::string& message) {
        const Error error(ErrorKind::Operational, "FileLoading", message);
        reportLoadError(*m_kb, path, error);
        throw error;
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) refuse("cannot open " + path + ": " + std::strerror(errno));
    // Read in one piece when the size is known (a stream into a string
    // copied a 22 MB file of facts three times), else chunk by chunk.
    std::string text;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (size <= 0 || in.peek() != std::ifstream::traits_type::eof()) {
        in.clear();
        char chunk[65536];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) refuse("cannot read " + path + ": " + std::strerror(errno));
    for (const auto& s : m_kb->sources)
        if (s.file == path) refuse("File " + path + " has already been loaded.");
    loadString(text, path);
}

void Polar::clearRules() { m_kb->clear(); }

const std::vector<Warning>& Polar::warnings() const { return m_kb->warnings; }

Query Polar::query(std::string_view text) {
    try {
        auto machine = std::make_unique<detail::Machine>(*m_kb);
        machine->startQuery(text);
        return Query(std::move(machine));
    } catch (const std::bad_alloc&) {
        outOfMemory("reading the query");
    }
}

Query Polar::query(std::string_view text, const Bindings& bindings) {
    try {
        auto machine = std::make_unique<detail::Machine>(*m_kb);
        machine->startQuery(text);
        for (const auto& [name, value] : bindings.entries()) machine->bindQueryVariable(name, value);
        return Query(std::move(machine));
    } catch (const std::bad_alloc&) {
        outOfMemory("reading the query");
    }
}

Query Polar::query(std::string_view text, std::initializer_list<HostBinding> bindings) {
    Bindings values;
    for (const HostBinding& b : bindings) values.set(b.name, b.value);
    return query(text, values);
}

Query Polar::queryRuleValues(std::string_view name, std::vector<Value> args) {
    auto machine = std::make_unique<detail::Machine>(*m_kb);
    machine->startRule(name, args);
    return Query(std::move(machine));
}

void Polar::registerClass(const ClassDef& definition) { m_kb->registerClass(definition); }

void Polar::registerConstant(std::string_view name, Value value) {
    m_kb->registerConstant(name, value);
}

bool Polar::isAllowedValues(const Value& actor, const Value& action, const Value& resource) {
    return queryRuleValues("allow", {actor, action, resource}).next().has_value();
}

// Oso's order of questions (oso.py `authorize`): the action itself, then,
// only when refused and asked to, whether the actor may read the resource.
// Asking for the read action and being refused is already "not found".
void Polar::authorizeValues(const Value& actor, const Value& action, const Value& resource,
                            const AuthorizeOptions& options) {
    if (isAllowedValues(actor, action, resource)) return;
    if (options.checkRead &&
        (action == options.readAction || !isAllowedValues(actor, options.readAction, resource)))
        throw NotFoundError();
    throw ForbiddenError();
}

std::vector<Value> Polar::authorizedActionsValues(const Value& actor, const Value& resource) {
    detail::Machine machine(*m_kb);
    machine.startRule("allow", {actor, Value(Value::Variable{"action"}), resource});
    std::vector<Value> actions;
    while (machine.next()) {
        Value action = machine.ruleArgument(1);
        if (action.isVariable()) action = Value("*");  // any action at all
        if (std::find(actions.begin(), actions.end(), action) == actions.end())
            actions.push_back(std::move(action));
    }
    return actions;
}

void Polar::addObserver(Observer& observer) { m_kb->observers.push_back(&observer); }

void Polar::removeObserver(Observer& observer) {
    auto& list = m_kb->observers;
    for (auto it = list.begin(); it != list.end(); ++it) {
        if (*it == &observer) {
            list.erase(it);
            return;
        }
    }
}

Limits& Polar::limits() { return m_kb->limits; }
const Limits& Polar::limits() const { return m_kb->limits; }
void Polar::setPrintStream(std::ostream& out) { m_kb->printStream = &out; }
detail::KnowledgeBase& Polar::knowledgeBase() { return *m_kb; }

} // namespace polar
