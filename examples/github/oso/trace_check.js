// trace_check.js — one check on Oso 0.27.3, with Oso's own trace.
//
//   node trace_check.js DATA.json USER ACTION RESOURCE > oso.trace
//
// The Oso side of `polar-github --data DATA.json --check USER ACTION
// RESOURCE --trace`: the same github.polar, the same data set (as
// --json-dump writes it, e.g. ../hackathon.json), the same classes
// (model.js). Oso prints its POLAR_LOG trace with console.log; here those
// lines, and only those, go to stdout, and the answer
// (`steve invite osohq -> allow`) goes to stderr, so the trace file holds
// the trace alone. RESOURCE is an organization or an "org/repo" name.
// Exit codes, as polar-github --check: 0 allow, 1 deny, 2 error.
//
// oso is found through NODE_PATH, then ./node_modules (agree.sh installs
// it there), then tests/conformance/tools/node_modules (its README says
// how to install it).
const fs = require('fs');
const path = require('path');

const { buildData } = require('./model');

function requireOso() {
    const candidates = ['oso', path.join(__dirname, 'node_modules', 'oso'),
        path.join(__dirname, '..', '..', '..', 'tests', 'conformance', 'tools', 'node_modules', 'oso')];
    for (const candidate of candidates) {
        try { return require(candidate); } catch (e) { if (e.code !== 'MODULE_NOT_FOUND') throw e; }
    }
    throw new Error('cannot find the oso package: set NODE_PATH to a node_modules holding oso 0.27.3');
}

// Organizations have no slash in their names, repositories always do.
function resourceNamed(data, name) {
    const resource = data.repos.get(name) || data.orgs.get(name);
    if (!resource) throw new Error(`no organization or repository named '${name}'`);
    return resource;
}

// Oso reads POLAR_LOG when a query is made and prints through console.log:
// both are pointed at the trace only around the one query.
async function tracedIsAllowed(oso, actor, action, resource) {
    const saved = { log: console.log, env: process.env.POLAR_LOG };
    process.env.POLAR_LOG = '1';
    console.log = (...parts) => process.stdout.write(parts.join(' ') + '\n');
    try {
        return await oso.isAllowed(actor, action, resource);
    } finally {
        console.log = saved.log;
        if (saved.env === undefined) delete process.env.POLAR_LOG; else process.env.POLAR_LOG = saved.env;
    }
}

async function main() {
    const args = process.argv.slice(2);
    if (args.length !== 4) {
        console.error('usage: node trace_check.js DATA.json USER ACTION RESOURCE > oso.trace');
        process.exit(2);
    }
    const [dataFile, userName, action, resourceName] = args;
    const { Oso } = requireOso();
    const model = require('./model');
    const data = buildData(JSON.parse(fs.readFileSync(dataFile, 'utf8')));
    const actor = data.users.get(userName);
    if (!actor) throw new Error(`no user named '${userName}'`);
    const resource = resourceNamed(data, resourceName);

    const oso = new Oso();
    for (const cls of [model.User, model.Organization, model.Repository, model.OrgRole, model.RepoRole]) {
        oso.registerClass(cls);
    }
    // Relative to the working directory, so a trace made from the
    // repository's root names examples/github/github.polar on every machine.
    await oso.loadFiles([path.relative(process.cwd(), path.join(__dirname, '..', 'github.polar'))]);
    const allowed = await tracedIsAllowed(oso, actor, action, resource);
    console.error(`${userName} ${action} ${resourceName} -> ${allowed ? 'allow' : 'deny'}`);
    process.exitCode = allowed ? 0 : 1;
}

main().catch((e) => { console.error('trace_check.js: ' + (e.message || e)); process.exit(2); });
