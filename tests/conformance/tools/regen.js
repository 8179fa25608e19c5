#!/usr/bin/env node
// Regenerate the expectations of Polar AV conformance files from the
// reference implementation (npm `oso` 0.27.3).
//
//   node regen.js [-v] [--check] [files...]
//
// With no files, every ../*.polar file is processed.  Each file is loaded
// into a fresh Oso; every `#?` case is run and its `#=` / `#!` lines are
// rewritten from Oso's answers.  Cases marked `#~` are left untouched.
// `#!load` lines are rewritten from Oso's load error.  See README.md.
'use strict';

process.env.POLAR_IGNORE_NO_ALLOW_WARNING = '1';

const fs = require('fs');
const path = require('path');
const helpers = require('oso/dist/src/helpers');
const messages = require('oso/dist/src/messages');
const { QueryEventKind } = require('oso/dist/src/types');
const { Oso } = require('oso');

// ---------------------------------------------------------------------------
// Hooks into the oso package.
//
// The JS host turns Polar numbers into JS numbers, which loses the
// Integer/Float distinction.  We keep the raw Polar terms of every Result
// event (in order) so results can be converted from the raw terms instead.
const rawResults = [];
const origParse = helpers.parseQueryEvent;
helpers.parseQueryEvent = function (event) {
  const parsed = origParse(event);
  if (parsed.kind === QueryEventKind.Result) rawResults.push(parsed.data.bindings);
  return parsed;
};

// Capture print() output and warnings instead of letting them reach stdout.
let captured = [];
messages.processMessage = function (msg) {
  captured.push({ kind: msg.kind, msg: msg.msg });
};

// ---------------------------------------------------------------------------
// Host classes.
//
// Every file is loaded into an Oso that knows these classes, so policies can
// use host objects (host_*.polar, resource_*.polar). The C++ runner registers
// the same classes — keep them in sync with
// ../runner/fixture_classes.cpp: names, constructor arguments, members and
// results.

// roles: a list of any values (Oso's tests use strings, {name, resource}
// dictionaries and numbers); the C++ fixture holds a std::vector<polar::Value>.
class User {
  constructor(name, roles) {
    this.name = name;
    this.roles = roles;
  }
  hasRole(role) {
    return this.roles.includes(role);
  }
  *roleNames() {
    for (const r of this.roles) yield r;
  }
  *naturals() {
    for (let n = 0; ; n++) yield n;
  }
  greet() {
    return `hello, ${this.name}`;
  }
  add(a, b) {
    return a + b;
  }
  join3(a, b, c) {
    return [a, b, c].join('-');
  }
  sum4(a, b, c, d) {
    return a + b + c + d;
  }
  fail() {
    throw new Error('fixture failure');
  }
  static create(name) {
    return new User(name, []);
  }
  static kind() {
    return 'user';
  }
}

class Admin extends User {
  greet() {
    return `hello, admin ${this.name}`;
  }
}

class Organization {
  constructor(name) {
    this.name = name;
  }
}

// org: any value (usually an Organization; Oso's tests also pass strings and
// repositories); the C++ fixture holds a polar::Value.
class Repository {
  constructor(name, org) {
    this.name = name;
    this.org = org;
  }
}

function registerFixtures(oso) {
  for (const cls of [User, Admin, Organization, Repository]) oso.registerClass(cls);
  oso.registerConstant(new Organization('acme'), 'ACME');
}

// ---------------------------------------------------------------------------
// Values.

class FloatVal {
  constructor(v) {
    this.v = v;
  }
}

// Convert a raw Polar term into a JSON-ready value.  `issues` collects
// descriptions of anything that cannot be represented faithfully.
function termToValue(term, issues) {
  const t = term.value;
  if ('String' in t) return t.String;
  if ('Boolean' in t) return t.Boolean;
  if ('Number' in t) {
    if ('Integer' in t.Number) {
      const n = t.Number.Integer;
      if (!Number.isSafeInteger(n)) issues.push({ text: `integer ${n} is outside JS's exact range (value may be rounded)` });
      return n;
    }
    const f = t.Number.Float;
    if (typeof f !== 'number') {
      issues.push({ text: `float ${f} written as "<float ${f}>"` });
      return `<float ${f}>`;
    }
    return new FloatVal(f);
  }
  if ('List' in t) return t.List.map((e) => termToValue(e, issues));
  if ('Dictionary' in t) {
    const out = {};
    for (const [k, v] of t.Dictionary.fields) out[k] = termToValue(v, issues);
    return out;
  }
  if ('ExternalInstance' in t) {
    const ei = t.ExternalInstance;
    if (ei.repr === 'null') return null; // the registered constant `nil`
    // An instance of a registered class is written {"$instance": "User"},
    // as the engine's Value::toJson writes it; anything else (a class, a JS
    // function) cannot be compared and is exotic.
    if (ei.class_repr && !String(ei.repr).startsWith('[class ')) return { $instance: ei.class_repr };
    issues.push({ text: `external instance ${ei.repr}` });
    return `<instance ${ei.repr}>`;
  }
  // Unbound variables: Oso's names for them (`x`, `_9`, `_x_12`, ...) are an
  // implementation detail, so every unbound variable is written the same way.
  if ('Variable' in t) {
    issues.push({ note: true, text: `unbound variable ${t.Variable} written as "<unbound>"` });
    return '<unbound>';
  }
  // An unbound rest variable at the end of a partially known list: [1, *y].
  if ('RestVariable' in t) {
    issues.push({ note: true, text: `unbound rest variable *${t.RestVariable} written as "*<unbound>"` });
    return '*<unbound>';
  }
  issues.push({ text: `unsupported term ${JSON.stringify(t)}` });
  return `<term ${Object.keys(t)[0]}>`;
}

function fmtFloat(v) {
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /^-?\d+$/.test(s) ? s + '.0' : s;
}

function fmt(v) {
  if (v === null) return 'null';
  if (v instanceof FloatVal) return fmtFloat(v.v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(fmt).join(', ') + ']';
  const keys = Object.keys(v);
  return '{' + keys.map((k) => JSON.stringify(k) + ': ' + fmt(v[k])).join(', ') + '}';
}

// Variables of a query in order of first appearance (outside strings).
function queryVars(q) {
  const names = [];
  const re = /"(?:[^"\\]|\\.)*"|#.*$|[A-Za-z_][A-Za-z0-9_:]*/g;
  let m;
  while ((m = re.exec(q))) {
    const w = m[0];
    if (w.startsWith('"') || w.startsWith('#')) continue;
    if (!names.includes(w)) names.push(w);
  }
  return names;
}

function resultLine(raw, order, issues) {
  const keys = [...raw.keys()].filter((k) => !k.startsWith('_'));
  keys.sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const obj = {};
  for (const k of keys) obj[k] = termToValue(raw.get(k), issues);
  return '#= ' + fmt(obj);
}

function errorKind(e) {
  if (e && e.name && e.name !== 'Error') return e.name;
  return (e && e.constructor && e.constructor.name) || 'Error';
}

function excerpt(e) {
  const lines = String((e && e.message) || e).split('\n');
  let idx = 0;
  // TypeErrors and application errors start with a stack trace; skip it.
  if (lines[0].startsWith('trace (most recent evaluation last)')) {
    idx = lines.findIndex((l, i) => i > 0 && l.trim() === '');
    while (idx >= 0 && idx < lines.length && lines[idx].trim() === '') idx++;
    if (idx < 0 || idx >= lines.length) idx = 0;
  }
  let m = lines[idx].trim();
  // Oso names generated variables with a global counter (`_op_51`,
  // `_x_4`); the number depends on earlier queries, so it is replaced
  // by N to keep excerpts stable when cases are added or moved.
  m = m.replace(/\b(_\w*_)\d+\b/g, '$1N');
  m = m.replace(/:$/, '');
  if (m.length > 140) m = m.slice(0, 137) + '...';
  return m;
}

// ---------------------------------------------------------------------------
// Running.

async function runQuery(oso, q, limit) {
  const lines = [];
  const issues = [];
  rawResults.length = 0;
  const order = queryVars(q);
  let it;
  try {
    it = oso.query(q);
    let n = 0;
    while (limit === undefined || n < limit) {
      const { done } = await it.next();
      if (done) break;
      const raw = rawResults.shift();
      lines.push(resultLine(raw, order, issues));
      n++;
    }
    if (limit !== undefined && it.return) await it.return();
    if (lines.length === 0) lines.push('#= none');
  } catch (e) {
    lines.push(`#! ${errorKind(e)} -- ${excerpt(e)}`);
  }
  return { lines, issues };
}

const CASE_RE = /^#\?(?:\[limit=(\d+)\])?\s?(.*)$/;
const EXPECT_RE = /^#[=!](?!load)/;

function parseLoadPos(e) {
  const m = /at line (\d+), column (\d+)/.exec(String(e && e.message));
  return m ? `${m[1]}:${m[2]}` : null;
}

// Error messages quote file positions, and rewriting a case can move the
// lines below it, so regenerate until the text stops changing (normally
// one extra pass).  `changed` counts the cases whose expectations differ
// from the original file.
async function processFile(file, opts) {
  const original = fs.readFileSync(file, 'utf8');
  let text = original;
  let stats;
  let verbose = opts.verbose;
  for (let pass = 0; pass < 4; pass++) {
    const r = await regenText(text, path.basename(file), { ...opts, verbose });
    const first = stats === undefined;
    if (first) stats = r.stats;
    else {
      // Later passes only fix up positions; report their problems too.
      stats.problems = r.stats.problems;
      stats.exotic = r.stats.exotic;
      stats.notes = r.stats.notes;
    }
    verbose = false;
    if (r.text === text) break;
    text = r.text;
  }
  if (text !== original) {
    stats.changed = countChangedCases(original, text);
    if (!opts.check) fs.writeFileSync(file, text);
  } else stats.changed = 0;
  return stats;
}

// Number of cases whose expectation block differs between two versions.
function countChangedCases(a, b) {
  const blocks = (t) => {
    const out = [];
    let cur = null;
    for (const l of t.split('\n')) {
      if (CASE_RE.test(l)) {
        cur = [l];
        out.push(cur);
      } else if (cur && (EXPECT_RE.test(l) || l.startsWith('#~'))) cur.push(l);
      else cur = null;
    }
    return out.map((x) => x.join('\n'));
  };
  const ba = blocks(a);
  const bb = blocks(b);
  let n = Math.abs(ba.length - bb.length);
  for (let i = 0; i < Math.min(ba.length, bb.length); i++) if (ba[i] !== bb[i]) n++;
  const la = a.split('\n').filter((l) => l.startsWith('#!load'));
  const lb = b.split('\n').filter((l) => l.startsWith('#!load'));
  if (la.join() !== lb.join()) n++;
  return n;
}

async function regenText(text, filename, opts) {
  const lines = text.split('\n');
  const stats = { cases: 0, changed: 0, skipped: 0, problems: [], exotic: [], notes: [] };
  captured = [];

  const oso = new Oso();
  registerFixtures(oso);
  let loadErr = null;
  try {
    await oso.loadStr(text, filename);
  } catch (e) {
    loadErr = e;
  }
  const loadWarnings = captured.filter((m) => m.kind === 'Warning').map((m) => m.msg);
  if (opts.verbose) for (const w of loadWarnings) console.log(`  ${filename}: warning: ${w.split('\n')[0]}`);

  const loadIdx = lines.findIndex((l) => l.startsWith('#!load'));
  if (loadErr) {
    const pos = parseLoadPos(loadErr);
    const newLine = `#!load ${errorKind(loadErr)}${pos ? ' ' + pos : ''}`;
    if (loadIdx < 0) {
      stats.problems.push(`unexpected load error: ${errorKind(loadErr)}: ${excerpt(loadErr)}`);
    } else if (lines[loadIdx] !== newLine) {
      lines[loadIdx] = newLine;
      stats.changed++;
    }
    if (opts.verbose) console.log(`  ${filename}: load error: ${errorKind(loadErr)}: ${loadErr.message.split('\n')[0]}`);
  } else if (loadIdx >= 0) {
    stats.problems.push(`file has ${lines[loadIdx]} but loaded without error`);
  }

  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const m = CASE_RE.exec(line);
    if (!m) {
      out.push(line);
      i++;
      continue;
    }
    stats.cases++;
    out.push(line);
    i++;
    let frozen = false;
    while (i < lines.length && lines[i].startsWith('#~')) {
      frozen = true;
      out.push(lines[i]);
      i++;
    }
    const old = [];
    while (i < lines.length && EXPECT_RE.test(lines[i])) old.push(lines[i++]);
    if (frozen || loadErr) {
      if (frozen) stats.skipped++;
      out.push(...old);
      continue;
    }
    const limit = m[1] !== undefined ? parseInt(m[1], 10) : undefined;
    const q = m[2].trim();
    captured = [];
    const { lines: fresh, issues } = await runQuery(oso, q, limit);
    const where = `line ${i - old.length}: ${q}`;
    for (const iss of issues) (iss.note ? stats.notes : stats.exotic).push(`${where}: ${iss.text}`);
    if (opts.verbose) {
      for (const c of captured) console.log(`  [${c.kind}] ${q} => ${c.msg}`);
    }
    if (fresh.join('\n') !== old.join('\n')) {
      stats.changed++;
      if (opts.verbose) {
        console.log(`  ${filename}: ${q}`);
        for (const l of old) console.log(`    - ${l}`);
        for (const l of fresh) console.log(`    + ${l}`);
      }
    }
    out.push(...fresh);
  }
  return { text: out.join('\n'), stats };
}

async function main() {
  const args = process.argv.slice(2);
  const opts = { verbose: false, check: false };
  const files = [];
  for (const a of args) {
    if (a === '-v' || a === '--verbose') opts.verbose = true;
    else if (a === '--check') opts.check = true;
    else files.push(a);
  }
  if (files.length === 0) {
    const dir = path.resolve(__dirname, '..');
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.polar')) files.push(path.join(dir, f));
  }
  let cases = 0;
  let changed = 0;
  let skipped = 0;
  let problems = 0;
  let exotic = 0;
  for (const f of files) {
    const s = await processFile(f, opts);
    cases += s.cases;
    changed += s.changed;
    skipped += s.skipped;
    problems += s.problems.length;
    const tag = s.changed ? `${s.changed} changed` : 'unchanged';
    console.log(`${path.basename(f)}: ${s.cases} cases, ${tag}${s.skipped ? `, ${s.skipped} frozen (#~)` : ''}`);
    for (const p of s.problems) console.log(`  PROBLEM: ${p}`);
    for (const x of s.exotic) console.log(`  EXOTIC: ${x}`);
    if (opts.verbose) for (const n of s.notes) console.log(`  note: ${n}`);
    exotic += s.exotic.length;
  }
  console.log(
    `\n${files.length} files, ${cases} cases, ${changed} results changed, ${skipped} frozen, ${exotic} exotic values, ${problems} problems` +
      (opts.check ? ' (check only, nothing written)' : '')
  );
  process.exitCode = problems || (opts.check && changed) ? 1 : 0;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}

module.exports = { runQuery, termToValue, fmt, queryVars, errorKind, excerpt, captured: () => captured, Oso, registerFixtures };
