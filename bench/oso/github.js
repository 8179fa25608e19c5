// github.js — the GitHub example's isAllowed decisions on Oso 0.27.3, timed
// one by one, for the `isAllowed` row of bench/run_all.py.
//
//   node github.js DATA.json CHECKS.json POLICY.polar [WARMUP] [BUDGET_MS] [MODE]
//
// MODE is `allowed` (the default: isAllowed per check) or `actions`
// (authorizedActions(actor, resource) per check, compared with the actions
// Polar AV wrote into CHECKS.json), as polar-github's --measure.
// DATA.json and CHECKS.json come from polar-github --json-dump/--sample-out,
// so Oso sees the same objects and the same checks as Polar AV. The classes
// are examples/github/oso/model.js, the ones check_against_oso.js uses to
// prove the decisions agree. The first WARMUP checks (default 50) warm the JIT;
// then checks are timed until all are done or BUDGET_MS (default 20000) is
// spent. Prints one JSON line: checks, median_us, p99_us, checks_per_s.
// Exit code 2 on any error.
const fs = require('fs');
const { Oso } = require('oso');

const { Organization, Repository, OrgRole, RepoRole, User, buildData, resourceOf } =
    require('../../examples/github/oso/model');

async function main() {
    const [dataFile, checksFile, policy, warmupArg, budgetArg, modeArg] = process.argv.slice(2);
    const mode = modeArg || 'allowed';
    if (mode !== 'allowed' && mode !== 'actions') {
        console.error('github.js: MODE must be allowed or actions');
        process.exit(2);
    }
    if (!dataFile || !checksFile || !policy) {
        console.error('usage: node github.js DATA.json CHECKS.json POLICY.polar [WARMUP] [BUDGET_MS]');
        process.exit(2);
    }
    const warmup = Number(warmupArg || 50), budget = Number(budgetArg || 20000);
    const data = buildData(JSON.parse(fs.readFileSync(dataFile, 'utf8')));
    const checks = JSON.parse(fs.readFileSync(checksFile, 'utf8')).checks.map((c) => (
        { actor: data.users.get(c.actor), action: c.action, resource: resourceOf(data, c), expected: c.allowed,
          actions: [...c.actions].sort().join(',') }));
    // One timed call per check: isAllowed, or authorizedActions.
    const decide = mode === 'allowed'
        ? async (c) => (await oso.isAllowed(c.actor, c.action, c.resource)) === c.expected
        : async (c) => [...(await oso.authorizedActions(c.actor, c.resource))].sort().join(',') === c.actions;
    const oso = new Oso();
    for (const cls of [User, Organization, Repository, OrgRole, RepoRole]) oso.registerClass(cls);
    await oso.loadFiles([policy]);
    for (const c of checks.slice(0, warmup)) await decide(c);
    const times = [];
    let spent = 0;
    for (const c of checks) {
        if (spent > budget) break;
        const start = process.hrtime.bigint();
        const agrees = await decide(c);
        const us = Number(process.hrtime.bigint() - start) / 1e3;
        if (!agrees) throw new Error(`Oso disagrees with Polar AV (${mode}); run examples/github/oso/agree.sh`);
        times.push(us);
        spent += us / 1e3;
    }
    const total = times.reduce((a, b) => a + b, 0);
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(JSON.stringify({ checks: times.length, median_us: at(0.5), p99_us: at(0.99),
                                 checks_per_s: times.length / (total / 1e6) }));
}
main().catch((e) => { console.error('github.js: ' + (e.message || e)); process.exit(2); });
