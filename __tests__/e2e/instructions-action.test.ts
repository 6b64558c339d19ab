/**
 * The built action (dist/index.js) as a process with `measure: "instructions"`: three pushes
 * record a history in a directory store, then a pull request that makes one function about 1.5%
 * slower gets that benchmark called a regression, the unrelated one unchanged, and the summary
 * says the figures are counts. Under Valgrind; skipped with a message when it is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasValgrind } from '../helpers/valgrind.js';
import { pullRequestEvent, pushEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import type { Report } from '../../src/model/index.js';

if (!hasValgrind) console.warn('skipping instruction-count action test: install Valgrind (Debian package "valgrind")');

const root = mkdtempSync(join(tmpdir(), 'tp-instr-action-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ws = join(root, 'ws');
const store = join(root, 'store');

/** `sum` does `extra` more loop iterations (0.015 = a 1.5% slower function); `shuffle` is unrelated code. */
function writeWork(extra: number): void {
  writeFileSync(
    join(ws, 'work.mjs'),
    `export function sum(n) { let s = 0; const m = Math.round(n * ${1 + extra}); for (let i = 0; i < m; i++) s += Math.sqrt(i) * (i & 7); return s; }
export function shuffle() { const a = Array.from({ length: 64 }, (_, i) => (i * 37) % 64); return a.sort((x, y) => x - y)[3]; }
`,
  );
}

const inputs = { baseline: store, comment: 'false', token: '' };
const ok = (run: ActionRun) => {
  if (run.code !== 0) console.error(run.stdout, run.stderr);
  expect(run.stdout).not.toMatch(/::error::/);
  expect(run.code).toBe(0);
};

describe.skipIf(!hasValgrind)('measure "instructions" from the built action (dist/index.js, under Valgrind)', () => {
  it('a 1.5% slower function is a regression against a history of 3 pushes; the unrelated task is unchanged', async () => {
    execFileSync('mkdir', ['-p', ws]);
    writeWork(0);
    writeFileSync(
      join(ws, 'suite.bench.mjs'),
      `import { sum, shuffle } from './work.mjs';\nexport default (suite) => { suite.add('sum', () => sum(20000)); suite.add('shuffle', shuffle); };\n`,
    );
    writeFileSync(
      join(ws, 'performance-tracker.json'),
      JSON.stringify({ measure: 'instructions', suites: [{ name: 'ex', tinybench: 'suite.bench.mjs', countIterations: 3 }] }),
    );
    for (let i = 1; i <= 3; i++) {
      const run = await runBuiltAction({ workspace: ws, eventName: 'push', event: pushEvent(), inputs, sha: String(i).padStart(40, '0') });
      ok(run);
      expect(run.stdout).toContain('Mode: baseline');
    }

    writeWork(0.015);
    const pr = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(7),
      inputs,
      ref: 'refs/pull/7/merge',
      sha: 'b'.repeat(40),
    });
    expect(pr.code, pr.stdout + pr.stderr).toBe(1);
    expect(pr.outputs.verdict).toBe('fail');
    const report = JSON.parse(readFileSync(pr.outputs.report!, 'utf8')) as Report;
    expect(report).toMatchObject({ design: 'history', baseline: { runs: 3 } });
    const byId = Object.fromEntries(report.benchmarks.map((b) => [b.id, b]));
    expect(Object.keys(byId).sort()).toEqual(['ex/shuffle [instructions]', 'ex/sum [instructions]']);
    expect(byId['ex/sum [instructions]']!.verdict).toBe('regression');
    expect(byId['ex/sum [instructions]']!.change).toBeGreaterThan(0.01);
    expect(byId['ex/sum [instructions]']!.change).toBeLessThan(0.02);
    expect(byId['ex/shuffle [instructions]']!.verdict).toBe('unchanged');
    expect(report.warnings.join(' ')).not.toMatch(/toolchain/);
    // The summary says the figures are counts under Valgrind, not time.
    expect(pr.summary).toMatch(/Counted.{0,2} not timed/);
    expect(pr.summary).toMatch(/Valgrind \d+\.\d+\.\d+ callgrind/);
    expect(pr.summary).toContain('instructions');
  }, 1_200_000);
});
