import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasValgrind } from '../helpers/valgrind.js';
import { DIST_CLI } from '../helpers/action-process.js';
import type { Report, RunFile } from '../../src/model/index.js';

if (!hasValgrind) console.warn('skipping instruction-count CLI tests: install Valgrind (Debian package "valgrind")');

const dir = mkdtempSync(join(tmpdir(), 'tp-instr-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A small project: `sum` does WORK_SLOWER more loop iterations when asked (a 3% slower function),
// `shuffle` is unrelated code in the same suite.
writeFileSync(
  join(dir, 'work.mjs'),
  `const slower = Number(process.env.WORK_SLOWER ?? '0');
export function sum(n) { let s = 0; const m = Math.round(n * (1 + slower)); for (let i = 0; i < m; i++) s += Math.sqrt(i) * (i & 7); return s; }
export function shuffle() { const a = Array.from({ length: 64 }, (_, i) => (i * 37) % 64); return a.sort((x, y) => x - y)[3]; }
`,
);
writeFileSync(
  join(dir, 'suite.bench.mjs'),
  `import { sum, shuffle } from './work.mjs';\nexport default (suite) => { suite.add('sum', () => sum(20000)); suite.add('shuffle', shuffle); };\n`,
);
writeFileSync(
  join(dir, 'performance-tracker.json'),
  JSON.stringify({ measure: 'instructions', suites: [{ name: 'ex', tinybench: 'suite.bench.mjs', countIterations: 3 }] }),
);

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DIST_CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const counts = (file: string) =>
  Object.fromEntries((JSON.parse(readFileSync(join(dir, file), 'utf8')) as RunFile).benchmarks.map((b) => [b.id, b.value]));

describe.skipIf(!hasValgrind)('measure "instructions" from the built CLI (dist/cli.js, under Valgrind)', () => {
  it('gives the same counts in runs made at the same time, and a 3% slower function is a regression against 3 of them', async () => {
    // Three baseline runs at once on a loaded machine: counts do not feel the load.
    const base = await Promise.all([1, 2, 3].map((i) => cli(['benchmark', '--out', `base-${i}.json`])));
    for (const r of base) expect(r.code, r.stderr).toBe(0);
    expect(base[0]!.stderr).toMatch(/Counting instructions, Valgrind \d+\.\d+\.\d+ callgrind, Node v\d+\.\d+\.\d+ --predictable/);
    const [a, b, c] = [1, 2, 3].map((i) => counts(`base-${i}.json`));
    expect(Object.keys(a!).sort()).toEqual(['ex/shuffle [instructions]', 'ex/sum [instructions]']);
    for (const id of Object.keys(a!)) {
      for (const other of [b!, c!]) expect(Math.abs(other[id]! / a![id]! - 1), id).toBeLessThan(0.0005);
    }
    const run = JSON.parse(readFileSync(join(dir, 'base-1.json'), 'utf8')) as RunFile;
    expect(run.machine).toMatchObject({
      valgrindVersion: expect.stringMatching(/^\d+\.\d+/),
      v8Version: process.versions.v8,
      countFlags: expect.stringContaining('--predictable'),
    });

    const slow = await cli(['benchmark', '--out', 'slow.json'], { WORK_SLOWER: '0.03' });
    expect(slow.code, slow.stderr).toBe(0);
    const change = counts('slow.json')['ex/sum [instructions]']! / a!['ex/sum [instructions]']! - 1;
    expect(change).toBeGreaterThan(0.02);
    expect(change).toBeLessThan(0.035);

    const compared = await cli([
      'compare',
      '--baseline',
      'base-1.json',
      '--baseline',
      'base-2.json',
      '--baseline',
      'base-3.json',
      '--current',
      'slow.json',
      '--json',
    ]);
    expect(compared.code, compared.stderr).toBe(1);
    const report = JSON.parse(compared.stdout) as Report;
    expect(report.design).toBe('history');
    const verdicts = Object.fromEntries(report.benchmarks.map((x) => [x.id, x.verdict]));
    expect(verdicts).toEqual({ 'ex/sum [instructions]': 'regression', 'ex/shuffle [instructions]': 'unchanged' });
    expect(report.warnings.join(' ')).not.toMatch(/toolchain/);
  }, 900_000);
});
