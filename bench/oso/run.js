// run.js — times one workload on Oso 0.27.3 (npm) in process, like
// polar_bench: one run to warm up, then up to REPEATS runs or until
// BUDGET_MS is spent; prints one JSON line with the median wall time and
// the median process CPU time (process.cpuUsage: Node's helper threads count).
// With REPEATS 0 it runs the workload once, cold (the whole-run mode: the
// caller times the process).
//
//   node run.js NAME QUERY REPEATS BUDGET_MS [POLICY FILES...]
//
// QUERY is Polar text, or `list:N` for `in_list(N, l)` with l = [1..N]
// passed in as a JS array (as Polar AV gets a host list). bench/programs.polar
// is always loaded first. When Oso gives up (its fixed MAX_GOALS = 10,000
// goal stack, "Too many choices", or its query timeout, which the
// POLAR_TIMEOUT_MS environment variable raises) the line says so:
// {"name", "error", "failed_after_ms", "failed_after_cpu_ms"}; exit code 0, since that outcome is
// the measurement (with REPEATS 0: the reason on stderr, exit code 3).
// Exit code 2 for anything else (bad arguments, no answer).
const fs = require('fs');
const path = require('path');
const { Oso } = require('oso');

// Oso's own limits: its query timeout, its goal stack and its choice stack.
const OSO_LIMITS = /Query timeout|Goal stack overflow|Too many choices|MAX_GOALS|MAX_CHOICES/i;

function startQuery(oso, query) {
    if (!query.startsWith('list:')) return oso.query(query);
    const n = Number(query.slice(5));
    const list = Array.from({ length: n }, (_, k) => k + 1);
    return oso.queryRule('in_list', n, list);
}

// [wall ms, process CPU ms] of one run.
async function timeOnce(oso, name, query) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    let found = false;
    for await (const _ of startQuery(oso, query)) { found = true; break; }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    if (!found) throw new Error(`no answer for ${name}: ${query}`);
    return [ms, (used.user + used.system) / 1e3];
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
    const [name, query, repeatsArg, budgetArg, ...files] = process.argv.slice(2);
    if (!name || !query || repeatsArg === undefined || budgetArg === undefined) {
        console.error('usage: node run.js NAME QUERY REPEATS BUDGET_MS [POLICY FILES...]');
        process.exit(2);
    }
    const repeats = Number(repeatsArg), budget = Number(budgetArg);
    process.env.POLAR_IGNORE_NO_ALLOW_WARNING = '1';
    const oso = new Oso();
    const sources = [path.join(__dirname, '..', 'programs.polar'), ...files];
    await oso.loadStr(sources.map((f) => fs.readFileSync(f, 'utf8')).join('\n'));
    const started = process.hrtime.bigint(), startedCpu = process.cpuUsage();
    try {
        const first = await timeOnce(oso, name, query);
        if (repeats === 0) {
            console.log(JSON.stringify({ name, ms: first[0], cpu_ms: first[1] }));
            return;
        }
        const times = [], cpuTimes = [];
        let spent = 0;
        while (times.length < repeats && (times.length === 0 || spent < budget)) {
            const [ms, cpuMs] = await timeOnce(oso, name, query);
            times.push(ms);
            cpuTimes.push(cpuMs);
            spent += ms;
        }
        console.log(JSON.stringify({ name, median_ms: median(times), median_cpu_ms: median(cpuTimes),
                                     runs: times.length }));
    } catch (e) {
        // The first sentence: "Query timeout: Query running for 30001ms, which exceeds ...".
        const message = String(e.message || e).split('\n')[0].split(/[.,] /)[0];
        if (!OSO_LIMITS.test(message)) throw e;  // a real error, not Oso giving up
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const used = process.cpuUsage(startedCpu), cpuMs = (used.user + used.system) / 1e3;
        if (repeats === 0) {  // a whole run: the caller times the process and reads the reason
            console.error(`Oso: ${message}`);
            process.exit(3);
        }
        console.log(JSON.stringify({ name, error: message, failed_after_ms: ms, failed_after_cpu_ms: cpuMs }));
    }
}
main().catch((e) => { console.error('run.js: ' + (e.message || e)); process.exit(2); });
