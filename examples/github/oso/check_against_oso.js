// check_against_oso.js — replays Polar AV's sampled decisions on Oso 0.27.3.
//
//   node check_against_oso.js DATA.json CHECKS.json [POLICY.polar]
//
// DATA.json and CHECKS.json come from
//   polar-github --json-dump DATA.json --sample N --sample-out CHECKS.json
// (formats in ../json_io.hpp). The JS classes below mirror the C++ ones in
// ../model.hpp attribute for attribute (model.js), so the same github.polar
// loads on both sides. For every sampled check it compares isAllowed and the set of
// authorizedActions, prints each disagreement, then `N agree, M disagree`.
// Exit codes: 0 all agree, 1 some disagree, 2 error.
const fs = require('fs');
const path = require('path');
const { Oso } = require('oso');

const { Organization, Repository, OrgRole, RepoRole, User, buildData, resourceOf } = require('./model');

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

async function main() {
    const [dataFile, checksFile, policyArg] = process.argv.slice(2);
    if (!dataFile || !checksFile) {
        console.error('usage: node check_against_oso.js DATA.json CHECKS.json [POLICY.polar]');
        process.exit(2);
    }
    const policy = policyArg || path.join(__dirname, '..', 'github.polar');
    const data = buildData(JSON.parse(fs.readFileSync(dataFile, 'utf8')));
    const { checks } = JSON.parse(fs.readFileSync(checksFile, 'utf8'));

    const oso = new Oso();
    for (const cls of [User, Organization, Repository, OrgRole, RepoRole]) oso.registerClass(cls);
    await oso.loadFiles([policy]);

    let agree = 0;
    const disagreements = [];
    for (const check of checks) {
        const actor = data.users.get(check.actor);
        const resource = resourceOf(data, check);
        const allowed = await oso.isAllowed(actor, check.action, resource);
        const actions = [...(await oso.authorizedActions(actor, resource))].sort();
        const ours = [...check.actions].sort();
        if (allowed === check.allowed && sameSet(actions, ours)) {
            ++agree;
        } else {
            disagreements.push(`${check.actor} ${check.action} ${check.resource}: ` +
                `Polar AV ${check.allowed ? 'allow' : 'deny'} [${ours}], ` +
                `Oso ${allowed ? 'allow' : 'deny'} [${actions}]`);
        }
    }
    for (const line of disagreements) console.log('disagree: ' + line);
    console.log(`${agree} agree, ${disagreements.length} disagree`);
    process.exit(disagreements.length === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e.message || e); process.exit(2); });
