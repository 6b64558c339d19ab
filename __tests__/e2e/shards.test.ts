/**
 * Sharded runs end to end, as processes of the built action (dist/index.js) against the loopback
 * GitHub server: three shard jobs and a merge job give the one comment an unsharded job gives on
 * the same data; on push the history gains exactly one entry with every benchmark; a missing
 * shard fails the merge with its index named, and nothing is commented or recorded.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { TOKENS } from '../helpers/github-server.js';
import { botComments as commentsOf, useGitHubServer } from '../helpers/github-server-hooks.js';
import { shardOf, type RunFile } from '../../src/model/index.js';

const STORE = 'perf-baseline';
const WHOLE = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const BIG = 12;

const github = useGitHubServer();

/** Five samples around `ms`, with a little deterministic spread. */
const samples = (ms: number, seed: number): number[] => [0, 1, 2, 3, 4].map((i) => ms * (1 + (((i * 7 + seed * 3) % 5) - 2) * 0.004));

/** Five whole import suites of two benchmarks and one split suite `big` of twelve, from fixed files. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-shards-'));
  const suites = [
    ...WHOLE.map((name) => ({ name, import: `${name}.json`, format: 'custom' })),
    { name: 'big', import: 'big.json', format: 'custom', split: true },
  ];
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites }));
  return ws;
}
/** The data of round `seed`; `slow` names a benchmark that takes twice as long. */
function writeData(ws: string, seed: number, slow?: string): void {
  const entry = (suite: string, name: string, ms: number) => ({
    name,
    unit: 'ms',
    direction: 'smaller',
    samples: samples(`${suite}/${name}` === slow ? ms * 2 : ms, seed + name.length),
  });
  for (const [k, s] of WHOLE.entries())
    writeFileSync(join(ws, `${s}.json`), JSON.stringify({ benchmarks: [entry(s, 'one', 10 + k), entry(s, 'two', 20 + k)] }));
  const big = Array.from({ length: BIG }, (_, i) => entry('big', `case-${i}`, 5 + i));
  writeFileSync(join(ws, 'big.json'), JSON.stringify({ benchmarks: big }));
}

const hex = (c: string): string => c.repeat(40);
type Event = { name: string; payload: object; ref: string; sha: string };
const push = (sha: string): Event => ({ name: 'push', payload: pushEvent(), ref: 'refs/heads/main', sha });
const pr = (n: number): Event => ({ name: 'pull_request', payload: pullRequestEvent(n), ref: `refs/pull/${n}/merge`, sha: hex('b') });

function run(ws: string, event: Event, inputs: Record<string, string> = {}, attempt = '1'): Promise<ActionRun> {
  return runBuiltAction({
    workspace: ws,
    eventName: event.name,
    event: event.payload,
    ref: event.ref,
    sha: event.sha,
    inputs: { baseline: STORE, token: TOKENS.actions, ...inputs },
    env: { GITHUB_API_URL: github().url, GITHUB_RUN_ATTEMPT: attempt },
  });
}

/** Runs the shard jobs `indexes` of 3 and collects their run files in one directory, as download-artifact would. */
async function shardJobs(ws: string, event: Event, indexes = [1, 2, 3]): Promise<{ dir: string; runs: RunFile[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tp-downloaded-'));
  const runs: RunFile[] = [];
  for (const i of indexes) {
    const r = await run(ws, event, { mode: 'shard', shard: `${i}/3` });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Mode: shard');
    const file = r.outputs['run-file']!;
    expect(file).toMatch(new RegExp(`shard-${i}-of-3\\.json$`));
    mkdirSync(join(dir, `perf-shard-${i}`));
    copyFileSync(file, join(dir, `perf-shard-${i}`, `shard-${i}-of-3.json`));
    runs.push(JSON.parse(readFileSync(file, 'utf8')) as RunFile);
  }
  return { dir, runs };
}

const botComments = (issue: number) => commentsOf(github(), issue);
const creates = (): number => github().requests.filter((r) => r.operationId === 'issues/create-comment').length;
const history = (ws: string) =>
  JSON.parse(readFileSync(join(ws, STORE, 'main.json'), 'utf8')) as {
    entries: Array<{ commit?: string; shards?: { count: number } }>;
    benchmarks: Record<string, { value: Array<number | null> }>;
  };

describe('sharded runs of the built action, merged', () => {
  const ws = workspace();
  const ids = [...WHOLE.flatMap((s) => [`${s}/one`, `${s}/two`]), ...Array.from({ length: BIG }, (_, i) => `big/case-${i}`)];

  it('on push: three shard jobs and a merge add exactly one history entry holding every benchmark', async () => {
    writeData(ws, 1);
    const first = await run(ws, push(hex('1')));
    expect(first.code, first.stdout).toBe(0);
    writeData(ws, 2);
    const before = creates();
    const { dir, runs } = await shardJobs(ws, push(hex('2')));
    // Each shard measured a share, the shares are disjoint and together they are everything.
    for (const r of runs) expect(r.benchmarks.length).toBeGreaterThan(0);
    expect(runs.flatMap((r) => r.benchmarks.map((b) => b.id)).sort()).toEqual([...ids].sort());
    expect(runs.map((r) => r.shard)).toEqual(
      [1, 2, 3].map((index) => expect.objectContaining({ index, count: 3, runId: '42', attempt: 1 })),
    );
    expect(history(ws).entries).toHaveLength(1); // the shard jobs recorded nothing

    const merge = await run(ws, push(hex('2')), { mode: 'merge', shards: dir });
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    expect(merge.stdout).toContain('Mode: merge');
    const h = history(ws);
    expect(h.entries.map((e) => e.commit)).toEqual([hex('1'), hex('2')]);
    expect(h.entries[1]!.shards).toMatchObject({ count: 3, missing: [] });
    expect(Object.keys(h.benchmarks).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(h.benchmarks[id]!.value[1], id).not.toBeNull();
    const merged = JSON.parse(readFileSync(merge.outputs['run-file']!, 'utf8')) as RunFile;
    expect(merged.benchmarks.map((b) => b.id)).toEqual(ids); // every benchmark, in the unsharded order
    expect(creates()).toBe(before); // a push comments nowhere
  });

  it('on a pull request: the merged comment equals the unsharded one, and a missing shard fails naming its index', async () => {
    writeData(ws, 3);
    await run(ws, push(hex('3')));
    writeData(ws, 4, 'big/case-7'); // one regression, in the split suite
    const unsharded = await run(ws, pr(601));
    expect(unsharded.code).toBe(1);
    expect(unsharded.outputs.regressions).toBe('1');

    const before = creates();
    const { dir } = await shardJobs(ws, pr(602));
    expect(creates()).toBe(before); // shard jobs never comment
    const merge = await run(ws, pr(602), { mode: 'merge', shards: dir });
    expect(merge.code).toBe(1);
    expect(merge.outputs.verdict).toBe('fail');
    expect(merge.outputs.regressions).toBe('1');
    expect(creates()).toBe(before + 1);
    expect(botComments(602)).toHaveLength(1);
    expect(botComments(602)[0]!.body).toBe(botComments(601)[0]!.body);
    expect(botComments(602)[0]!.body).toMatch(/\| big › case-7 \| \+\d+/);
    expect(history(ws).entries).toHaveLength(3); // a pull request never records

    const partialDir = mkdtempSync(join(tmpdir(), 'tp-partial-'));
    for (const i of [1, 3]) copyFileSync(join(dir, `perf-shard-${i}`, `shard-${i}-of-3.json`), join(partialDir, `shard-${i}-of-3.json`));
    const missing = await run(ws, pr(603), { mode: 'merge', shards: partialDir });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /::error::Shard 2 of 3 is missing \(found shard 1 \(.*shard-1-of-3\.json\), 3 \(.*shard-3-of-3\.json\)\)/,
    );
    expect(botComments(603)).toHaveLength(0);

    // The merge job re-run alone (attempt 2) still merges the shards, all of attempt 1 ...
    const again = await run(ws, pr(604), { mode: 'merge', shards: dir }, '2');
    expect(again.stdout).toContain('Merged 3 shard run file(s) of 3 shard(s): 22 benchmark(s).');
    expect(botComments(604)[0]!.body).toBe(botComments(601)[0]!.body);
    // ... but a shard of attempt 1 beside a re-run shard of attempt 2 is stale: named, nothing commented.
    const mixed = mkdtempSync(join(tmpdir(), 'tp-mixed-'));
    const second = await run(ws, pr(605), { mode: 'shard', shard: '2/3' }, '2');
    copyFileSync(second.outputs['run-file']!, join(mixed, 'shard-2-of-3.json'));
    for (const i of [1, 3]) copyFileSync(join(dir, `perf-shard-${i}`, `shard-${i}-of-3.json`), join(mixed, `shard-${i}-of-3.json`));
    const refused = await run(ws, pr(605), { mode: 'merge', shards: mixed }, '2');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /::error::.*shard-1-of-3\.json: shard 1 of 3 was measured in attempt 1, but attempt 2 is the newest: a stale shard/,
    );
    expect(botComments(605)).toHaveLength(0);
  });
});

/** A sweep whose work per second follows Amdahl's law with σ = 0.05 (λ = 10), reported through $TRACK_PERFORMANCE_METRICS. */
const WORKLOAD = `import { writeFileSync } from 'node:fs';
const n = Number(process.argv[2]);
writeFileSync(process.env.TRACK_PERFORMANCE_METRICS, JSON.stringify({ units: ((10 * n) / (1 + 0.05 * (n - 1))) * (1 + (Math.random() - 0.5) * 0.02), seconds: 1 }));
`;

describe('sharded runs keep scaling sweeps', { timeout: 180_000 }, () => {
  it('a sweep is measured by the one shard that owns it, and its fit survives the merge and the push record', async () => {
    const ws = workspace();
    writeData(ws, 1);
    writeFileSync(join(ws, 'scale.mjs'), WORKLOAD);
    const config = JSON.parse(readFileSync(join(ws, 'performance-tracker.json'), 'utf8')) as object;
    const crawl = { name: 'crawl', command: 'node scale.mjs {N}', levels: [1, 2, 4, 8], repeats: 2, warmup: 0, unit: 'pages' };
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ ...config, scaling: [crawl] }));
    await run(ws, push(hex('5')));
    const { dir, runs } = await shardJobs(ws, push(hex('6')));
    const owners = runs.filter((r) => r.scaling?.length);
    expect(owners.map((r) => r.shard!.index)).toEqual([shardOf('crawl', 3)]);
    expect(owners[0]!.scaling![0]).toMatchObject({ suite: 'crawl', fit: { model: expect.any(String) } });
    for (const r of runs) expect(r.shard!.sweeps).toEqual(['crawl']);

    const merge = await run(ws, push(hex('6')), { mode: 'merge', shards: dir });
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(merge.outputs['run-file']!, 'utf8')) as RunFile;
    expect(merged.scaling).toEqual(owners[0]!.scaling);
    expect(merge.summary).toContain('#### Scaling: crawl');
    const recorded = history(ws).entries.at(-1) as { commit?: string; scaling?: RunFile['scaling'] };
    expect(recorded.commit).toBe(hex('6'));
    expect(recorded.scaling).toEqual(owners[0]!.scaling);
  });
});

describe('shard-balance: history', { timeout: 180_000 }, () => {
  it('every shard job plans by the stored run’s measuring times, logs the same plan, and the merge takes them', async () => {
    const ws = workspace();
    writeData(ws, 1);
    expect((await run(ws, push(hex('7')))).code).toBe(0);
    writeData(ws, 2);
    const dir = mkdtempSync(join(tmpdir(), 'tp-balanced-'));
    const plans: string[] = [];
    for (const i of [1, 2, 3]) {
      const r = await run(ws, pr(701), { mode: 'shard', shard: `${i}/3`, 'shard-balance': 'history' });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      plans.push(/Shard plan .*/.exec(r.stdout)![0]);
      const file = r.outputs['run-file']!;
      expect((JSON.parse(readFileSync(file, 'utf8')) as RunFile).shard!.balanced!.from).toMatch(new RegExp(`^${hex('7')}@`));
      copyFileSync(file, join(dir, `shard-${i}-of-3.json`));
    }
    expect(new Set(plans).size).toBe(1);
    expect(plans[0]).toMatch(/^Shard plan \(weighted by the measuring times of the run 7{40}@[^)]+\): shard 1: \d+ part\(s\), ~\d/);
    const merge = await run(ws, pr(701), { mode: 'merge', shards: dir });
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    expect(merge.stdout).toContain(`Merged 3 shard run file(s) of 3 shard(s): ${WHOLE.length * 2 + BIG} benchmark(s).`);
  });
});
