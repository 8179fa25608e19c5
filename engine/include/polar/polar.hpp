// polar/polar.hpp — the embedding API: load policies, ask queries.
//
//   polar::Polar polar;
//   polar.loadFile("policy.polar");
//   for (const polar::Bindings& r : polar.query("f(x)"))
//       std::cout << r.at("x").toPolar() << "\n";
//   bool ok = polar.isAllowed(user, "read", repo);        // host objects as they are
//   polar.authorize(user, "delete", repo);                 // throws NotFoundError / ForbiddenError
//   auto q = polar.query("allow(u, \"read\", r)", {{"u", user}, {"r", repo}});
//   auto r = polar.queryRule("f", polar::Value::Variable{"x"}).next();  // r->at("x")
//
// Arguments are converted by hostArgument() (polar/host_arguments.hpp): a
// registered object passed by reference or pointer is borrowed and must
// outlive the Query that can reach it; a shared_ptr is shared; a temporary
// is copied.
//
// Results are produced lazily: each call to Query::next() runs the solver
// only until the next answer. A Polar object is not thread-safe; use one per
// thread or lock around it. Several Query objects may be alive at once (a
// host may query from inside another query's loop); a Query must not outlive
// its Polar, and clearRules() invalidates the queries then alive (their next
// next() throws).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "polar/error.hpp"
#include "polar/host.hpp"
#include "polar/host_arguments.hpp"
#include "polar/observer.hpp"
#include "polar/value.hpp"

namespace polar {

namespace detail {
class KnowledgeBase;
class Machine;
} // namespace detail

// Guards against runaway queries. Each has a generous default; 0 disables.
struct Limits {
    // Rule bodies active at once. A 1,000,000-deep recursion must work; each
    // level costs about 100 bytes, so the default caps a query near 1 GiB.
    std::uint64_t maxDepth = 10'000'000;
    // Goals executed by one query (all next() calls together). 0 = unlimited,
    // the default, since the time limit already bounds a runaway query.
    std::uint64_t maxSteps = 0;
    // Wall-clock time for one query, as Oso's default of 30 s.
    std::chrono::milliseconds timeout{30'000};
    // The heap is compacted (unreachable cells dropped) once it has grown by
    // this many 16-byte cells since the last collection, and at least by
    // twice as many as were live: 65,536 cells (1 MiB) keeps a shallow query's heap
    // small while a collection stays rare. 0 turns collection off.
    std::uint64_t gcMinCells = 1 << 16;
    // Bytes one query may hold in its heap, goal, choice and trail stacks and
    // in the terms it converts to Values; past it the query ends with
    // RuntimeError::MemoryLimit instead of std::bad_alloc. 0 = unlimited.
    // 4 GiB by default: far above any real policy (a 1,000,000-element list
    // takes ~32 MiB) and below what a 16 GiB laptop can give one process.
    std::uint64_t maxHeapBytes = std::uint64_t{4} << 30;
    // Another thread (or a signal handler) may stop a running query by
    // setting this flag: the query ends with RuntimeError::Cancelled at its
    // next limit check — within 1,024 goals, or 4,096 iterations of a long
    // unification, print or conversion; every goal while observed. Not
    // owned; it must outlive the queries. nullptr (the default): no flag.
    const std::atomic<bool>* cancel = nullptr;
};

// How Polar::authorize tells "not found" from "forbidden". Oso keeps the
// read action on the Oso object (`read_action`) and check_read per call;
// here both are per call, defaulting to Oso's.
struct AuthorizeOptions {
    // false: a refusal is always ForbiddenError, the read check is skipped.
    bool checkRead = true;
    // The action that decides whether the actor can see the resource at all.
    Value readAction = "read";
};

class Query {
public:
    Query(Query&&) noexcept;
    Query& operator=(Query&&) noexcept;
    ~Query();

    // The next answer, or nothing when there are no more. Throws polar::Error.
    std::optional<Bindings> next();
    // Up to `limit` answers (0 = all).
    std::vector<Bindings> collect(std::size_t limit = 0);

    std::uint64_t id() const;
    std::uint64_t steps() const;
    std::uint64_t results() const;
    // Heap cells (16 bytes each) in use now, and the most at any collection
    // or answer so far: what the memory tests and benchmarks report.
    std::size_t heapCells() const;
    std::size_t peakHeapCells() const;

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Bindings;
        using difference_type = std::ptrdiff_t;
        using pointer = const Bindings*;
        using reference = const Bindings&;
        iterator() = default;
        explicit iterator(Query* q) : m_query(q) { ++*this; }
        reference operator*() const { return *m_current; }
        pointer operator->() const { return &*m_current; }
        iterator& operator++();
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& a, const iterator& b) {
            return a.m_query == b.m_query;
        }

    private:
        Query* m_query = nullptr;
        std::optional<Bindings> m_current;
    };
    iterator begin() { return iterator(this); }
    iterator end() { return iterator(); }

private:
    friend class Polar;
    explicit Query(std::unique_ptr<detail::Machine> machine);
    std::unique_ptr<detail::Machine> m_machine;
};

// Instrumentation that comes with linking a library, not with code: every
// Polar created after a factory is added gets (and owns) one observer from
// it. polar_osc uses this for the POLAR_OSC environment variable.
// Not thread-safe: call it from static initializers or before any thread
// creates a Polar.
using ObserverFactory = std::function<std::shared_ptr<Observer>()>;
void addDefaultObserverFactory(ObserverFactory factory);

class Polar {
public:
    Polar();
    ~Polar();
    Polar(Polar&&) noexcept;
    Polar& operator=(Polar&&) noexcept;

    // Parse, validate and add the rules of a policy, then run its inline
    // queries (`?= q;`). On any error nothing of this source is kept.
    void loadString(std::string_view source, std::string_view filename = "<string>");
    void loadFile(const std::string& path);
    // Forget all rules, rule types and loaded sources.
    void clearRules();
    // Warnings produced by the loads so far (e.g. singleton variables).
    const std::vector<Warning>& warnings() const;

    // A query written in Polar: "f(x) and x > 1".
    Query query(std::string_view text);
    // The same with some variables bound first, as Oso's `query(q, bindings=...)`:
    //   polar.query("allow(u, \"read\", r)", {{"u", user}, {"r", repo}})
    // Like Oso, every answer lists the bound variables too, with their values
    // (also one the text does not use).
    Query query(std::string_view text, std::initializer_list<HostBinding> bindings);
    Query query(std::string_view text, const Bindings& bindings);
    // A call of one rule with host values as arguments: queryRule("allow", a, b, c).
    // A Value::Variable argument, also inside a list or dictionary argument,
    // is a query variable: answers bind it by name, as query() does.
    template <class... Args>
    Query queryRule(std::string_view name, Args&&... args) {
        return queryRuleValues(name, std::vector<Value>{hostArgument(std::forward<Args>(args))...});
    }
    Query queryRuleValues(std::string_view name, std::vector<Value> args);

    // Host classes and constants (polar/host.hpp). Register before loading
    // the policies that name them: specializers and resource blocks are
    // checked against the registered classes at load time.
    void registerClass(const ClassDef& definition);
    void registerConstant(std::string_view name, Value value);

    // The authorization API, over the policy's `allow(actor, action, resource)`
    // rules: allowed when some rule says so, denied by default.
    // Each argument may be a host object or any value hostArgument() takes.
    template <class Actor, class Action, class Resource>
    bool isAllowed(Actor&& actor, Action&& action, Resource&& resource) {
        return isAllowedValues(hostArgument(std::forward<Actor>(actor)), hostArgument(std::forward<Action>(action)),
                               hostArgument(std::forward<Resource>(resource)));
    }
    // Every action `allow` grants this actor on this resource (no duplicates,
    // in the order first found). A wildcard answer (an unbound action) is
    // returned as "*".
    template <class Actor, class Resource>
    std::vector<Value> authorizedActions(Actor&& actor, Resource&& resource) {
        return authorizedActionsValues(hostArgument(std::forward<Actor>(actor)),
                                       hostArgument(std::forward<Resource>(resource)));
    }
    // Oso's authorize(): returns when `allow` grants the action, else throws
    // NotFoundError when the actor may not do options.readAction either (or
    // when the action was that read action), ForbiddenError when it may read.
    // With checkRead = false a refusal is always ForbiddenError.
    template <class Actor, class Action, class Resource>
    void authorize(Actor&& actor, Action&& action, Resource&& resource, const AuthorizeOptions& options = {}) {
        authorizeValues(hostArgument(std::forward<Actor>(actor)), hostArgument(std::forward<Action>(action)),
                        hostArgument(std::forward<Resource>(resource)), options);
    }

    // The same three with the arguments already converted.
    bool isAllowedValues(const Value& actor, const Value& action, const Value& resource);
    std::vector<Value> authorizedActionsValues(const Value& actor, const Value& resource);
    void authorizeValues(const Value& actor, const Value& action, const Value& resource,
                         const AuthorizeOptions& options = {});

    // Observers are not owned; detach before destroying one.
    void addObserver(Observer& observer);
    void removeObserver(Observer& observer);

    Limits& limits();
    const Limits& limits() const;
    // Where print(...) writes; std::cout by default.
    void setPrintStream(std::ostream& out);

    detail::KnowledgeBase& knowledgeBase();

private:
    std::unique_ptr<detail::KnowledgeBase> m_kb;
};

} // namespace polar
