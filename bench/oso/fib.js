// Times Oso 0.27.3 (npm) on a benchmark query in process, warm: one run to
// warm up, then the median of `repeats`. Prints one JSON line like polar_bench.
//   node fib.js PROGRAMS.polar NAME QUERY [REPEATS]
const fs = require('fs');
const { Oso } = require('oso');

async function main() {
    const [programs, name, query, repeatsArg] = process.argv.slice(2);
    const repeats = Number(repeatsArg || 3);
    const oso = new Oso();
    await oso.loadStr(fs.readFileSync(programs, 'utf8') + '\nallow(_, _, _);');
    const times = [];
    for (let k = 0; k <= repeats; ++k) {
        const start = process.hrtime.bigint();
        let found = false;
        for await (const _ of oso.query(query)) { found = true; break; }
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (!found) throw new Error('no answer for ' + query);
        if (k > 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ name, median_ms: times[Math.floor(times.length / 2)] }));
}
main().catch((e) => { console.error(e.message); process.exit(2); });
