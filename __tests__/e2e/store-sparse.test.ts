/**
 * Sparse runs through the built action, run as a process: a renamed, failing or removed
 * benchmark, a subset of the suites and two configs writing one store all keep the history
 * readable, push after push, in the directory and Actions cache stores; a history with the short
 * metric columns 0.1.0 wrote is repaired on read and saved whole.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistory, type HistoryDoc } from '../../src/store/index.js';
import { startFakeCacheServer, type FakeCacheServer } from '../helpers/fake-cache-server.js';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';
import { expectOk, pr, push, sha, workspaceWith, writeConfig } from '../helpers/store-flow.js';

const hasTar = spawnSync('tar', ['--version']).status === 0;
// Command benchmarks carry metrics (CPU time, peak RSS) only when GNU time reads them: the bug
// these tests guard against lives in the metrics' columns.
const hasTime = spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;
if (!hasTime) console.warn('SKIP sparse-run flow tests: GNU time is missing (Debian package: time).');
if (!hasTar) console.warn('SKIP sparse-run cache flow test: `tar` is missing (Debian package: tar).');

const ok = 'node -e 0';
const suite = (name: string, commands: Record<string, string>) => ({ name, command: commands, runs: 2, warmup: 0 });
/** Push i's config: each step drops, renames, fails or adds what the history already has. */
const STEPS: object[] = [
  { suites: [suite('s', { a: ok, b: ok })] },
  { suites: [suite('s', { a: ok, c: ok })] }, // b renamed to c
  { suites: [suite('s', { a: ok, c: ok, boom: 'node -e "process.exit(3)"' })] }, // one benchmark fails
  { suites: [suite('s', { a: ok, c: ok }), suite('t', { d: ok })] }, // a new suite
  { suites: [suite('t', { d: ok })] }, // a subset of the suites, as `--suite t` would run
  ...Array.from({ length: 8 }, (_, i) => (i % 2 ? { suites: [suite('s', { a: ok })] } : { suites: [suite('u', { e: ok })] })), // two configs, one store
];

/** Every column of every series has one cell per entry; returns the document. */
function expectAligned(doc: HistoryDoc): HistoryDoc {
  const n = doc.entries.length;
  for (const s of Object.values(doc.benchmarks))
    for (const series of [s, ...Object.values(s.metrics ?? {})])
      for (const col of [series.value, series.samples, ...Object.values(series.stats)]) expect(col).toHaveLength(n);
  return doc;
}

/** Pushes every step, each after the last one read the history back; then a PR compares against it. */
async function pushAll(ws: string, inputs: Record<string, string>, env: Record<string, string>): Promise<void> {
  for (const [i, config] of STEPS.entries()) {
    writeConfig(ws, config);
    const run = await push(ws, i + 1, inputs, env);
    expectOk(run);
    expect(run.stdout).toContain('Recorded the run');
  }
  const run = await pr(ws, inputs, env);
  expectOk(run);
  expect(run.stdout).not.toMatch(/::warning::/);
}

// 13 processes of the built action in turn: about 20 s alone, over 60 s on a loaded 2-core machine.
const THIRTEEN_PUSHES_MS = 240_000;

describe.skipIf(!hasTime)('sparse runs through the built action (needs GNU time)', () => {
  it(
    'keep a directory store readable through 13 pushes of changing benchmarks',
    async () => {
      const ws = workspaceWith();
      const inputs = { baseline: 'perf-history', comment: 'false' };
      await pushAll(ws, inputs, {});
      const doc = expectAligned(parseHistory(readFileSync(join(ws, 'perf-history', 'main.json'), 'utf8'), 'main.json'));
      expect(doc.entries.map((e) => e.commit)).toEqual(STEPS.map((_, i) => sha(i + 1)));
      expect(Object.keys(doc.benchmarks).sort()).toEqual(['s/a', 's/b', 's/c', 't/d', 'u/e']); // the failed boom is not recorded
      // The metrics are there: the columns the 0.1.0 bug left short.
      expect(Object.keys(doc.benchmarks['s/b']!.metrics ?? {})).toContain('peakRss');
      expect(doc.benchmarks['s/b']!.metrics!.peakRss!.value.filter((v) => v !== null)).toHaveLength(1);
    },
    THIRTEEN_PUSHES_MS,
  );

  it('repairs a 0.1.0 history with short metric columns on read, with a note, and saves it whole', async () => {
    const ws = workspaceWith();
    const inputs = { baseline: 'perf-history', comment: 'false' };
    writeConfig(ws, STEPS[0]!);
    expectOk(await push(ws, 1, inputs, {}));
    writeConfig(ws, STEPS[1]!);
    expectOk(await push(ws, 2, inputs, {}));
    // The file as 0.1.0 left it: b was absent from run 2, and its metrics' columns were not padded.
    const file = join(ws, 'perf-history', 'main.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as HistoryDoc;
    for (const m of Object.values(doc.benchmarks['s/b']!.metrics!))
      for (const col of [m.value, m.samples, ...Object.values(m.stats)]) col.pop();
    writeFileSync(file, JSON.stringify(doc));

    const run = await push(ws, 3, inputs, {});
    expectOk(run);
    expect(run.stdout).toMatch(/::warning::History file .*main\.json: \d+ metric columns were shorter than its runs .*repaired on read/);
    const fixed = expectAligned(parseHistory(readFileSync(file, 'utf8'), file, (m) => expect.fail(`read again with a repair: ${m}`)));
    expect(fixed.entries).toHaveLength(3);
    expect(fixed.benchmarks['s/b']!.metrics!.peakRss!.value.map((v) => v !== null)).toEqual([true, false, false]);
  });
});

describe.skipIf(!hasTime || !hasTar)('sparse runs on the Actions cache store (needs GNU time, tar; fake cache service)', () => {
  let fake: FakeCacheServer;
  let gh: GitHubServer;
  beforeAll(async () => {
    fake = await startFakeCacheServer();
    // The REST listing of the entries (`actions: read`), so every read merges them and warns of nothing.
    gh = await startGitHubServer({ caches: () => fake.listed() });
  });
  afterAll(async () => {
    await fake?.close();
    await gh?.close();
  });

  it(
    'keep the cached history readable through 13 pushes of changing benchmarks',
    async () => {
      const ws = workspaceWith();
      const env = { ...fake.env, GITHUB_API_URL: gh.url, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'tp-runner-temp-')) };
      await pushAll(ws, { baseline: 'cache', comment: 'false', history: '20', token: TOKENS.actions }, env);
      expect(fake.entries()).toHaveLength(STEPS.length);
    },
    THIRTEEN_PUSHES_MS,
  );
});
