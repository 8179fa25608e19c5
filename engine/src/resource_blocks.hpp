// resource_blocks.hpp — actor and resource blocks, expanded as Oso 0.27.3 does.
//
//   actor User {}
//   resource Repository {
//     roles = ["reader"];  permissions = ["read"];  relations = {parent: Organization};
//     "read" if "reader";
//     "reader" if "member" on "parent";
//   }
//
// A block declares strings and relations; each shorthand line becomes an
// ordinary rule named after what its head is declared as:
//
//   has_permission(actor: Actor, "read", repository: Repository) if
//       has_role(actor, "reader", repository);
//   has_role(actor: Actor, "reader", repository: Repository) if
//       has_relation(related_organization, "parent", repository) and
//       has_role(actor, "member", related_organization);
//
// The classes of actor blocks form the union `Actor`; those of actor and
// resource blocks the union `Resource` (KnowledgeBase::unionMembers). Rule
// types come with them: Oso's built-in types (has_permission, allow,
// allow_field, allow_request — present in every knowledge base), one
// `has_relation(subject: S, "name", object: O)` per declared relation and
// `has_role(actor: Actor, role: String, resource: Resource)` once any role
// is declared. The has_relation types that a shorthand line relies on, and
// has_role, are *required*: some rule must implement them
// (ValidationError::MissingRequiredRule, checked with the other rule types
// in rule_types.cpp).
//
// Errors are Oso's, in Oso's order: per block (keyword, declarations, the
// class registered, duplicates), then relation classes registered, then each
// shorthand line (undeclared terms, the `on` keyword, related blocks).
// Loading in Oso happens once; here each load expands its own blocks, so a
// block cannot refer to a block loaded earlier.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "knowledge_base.hpp"

namespace polar::detail {

struct ExpandedBlocks {
    std::vector<RuleAst> rules;         // one per shorthand line, blocks in source order
    std::vector<RuleAst> builtInTypes;  // Oso's built-in rule types (first load only): before the policy's own
    std::vector<RuleAst> ruleTypes;     // has_relation and has_role types: after the policy's own
};

// Validates the blocks of one load, records union membership in
// kb.unionMembers, and returns the rules and rule types they stand for.
// Generated rules carry the offsets of their shorthand line, so errors and
// traces point there. Throws polar::Error.
ExpandedBlocks expandResourceBlocks(KnowledgeBase& kb, const std::vector<ResourceBlockAst>& blocks,
                                    std::uint32_t source);

// A generated rule as Oso prints it in traces and messages, e.g.
// `has_permission(actor: Actor{}, "read", repository: Repository{}) if has_role(actor, "reader", repository);`
// (just the head, without ` if ...;`, when headOnly). Compiled clauses keep
// only the source range of their shorthand line, so a host of traces that
// wants Oso's text must keep this alongside.
std::string generatedRuleText(const RuleAst& rule, bool headOnly);

// Oso's warning when a policy has blocks but no rule calls has_permission
// (the permissions would then have no effect). `anyRuleCalls` covers the
// generated rules too (callsHasPermission on each body).
bool callsHasPermission(const Node& body);
void warnMissingHasPermission(KnowledgeBase& kb, const std::vector<ResourceBlockAst>& blocks,
                              bool anyRuleCalls);

// Rule types made here have no text of their own: they are compiled with an
// empty source range (start == end). A required has_relation type's range
// sits on the class of its relation declaration, which is where Oso reports
// a missing implementation; has_role is always required and has no position.
bool isGeneratedRuleType(const Clause& type);
bool isRequiredRuleType(const KnowledgeBase& kb, const Clause& type);
// `has_relation(subject: Organization{}, "parent", object: Repository{});`,
// as Oso prints a generated rule type.
std::string generatedRuleTypeText(const KnowledgeBase& kb, const Clause& type);

// Puts kb.unionMembers back as it was when a load fails: declare one before
// expanding, in the scope that a failed load unwinds.
class UnionMembersGuard {
public:
    explicit UnionMembersGuard(std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>& members)
        : m_members(members), m_saved(members), m_exceptions(std::uncaught_exceptions()) {}
    ~UnionMembersGuard() {
        if (std::uncaught_exceptions() > m_exceptions) m_members = std::move(m_saved);
    }
    UnionMembersGuard(const UnionMembersGuard&) = delete;
    UnionMembersGuard& operator=(const UnionMembersGuard&) = delete;

private:
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>& m_members;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_saved;
    int m_exceptions;
};

} // namespace polar::detail
